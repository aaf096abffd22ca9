"""Reads cases from stdin (JSON, made by reference.test.ts from the app's own TypeScript) and writes
this project's answers to the same questions: the random numbers, shuffles, splits, number reading
and printing, CSV cells, schedules and DWA of pytorch/project."""

import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "project"))

from data import NA_TOKENS, numeric_values, read_csv, split_rows, text_labels  # noqa: E402
from jsnumber import js_number, js_string  # noqa: E402
from rng import Mulberry32, shuffle_in_place  # noqa: E402
from schedule import learning_rate_at  # noqa: E402
from weighting import dwa_weights  # noqa: E402


def num(v):
    """JSON has no NaN or infinity: NaN → null, ±infinity → its JavaScript text."""
    if isinstance(v, float) and math.isnan(v):
        return None
    return js_string(v) if isinstance(v, float) and math.isinf(v) else v


cases = json.load(sys.stdin)
out = {}
out["rng"] = [[(lambda r: [r() for _ in range(c["draws"])])(Mulberry32(c["seed"]))] for c in cases["rng"]]
out["rng"] = [x[0] for x in out["rng"]]
out["shuffle"] = [shuffle_in_place(list(range(c["n"])), Mulberry32(c["seed"])) for c in cases["shuffle"]]
out["split"] = [
    [list(map(int, s)) for s in split_rows(c["rows"], c["seed"], tuple(c["fractions"]), c["strata"])] for c in cases["split"]
]
out["strings"] = [js_string(v) for v in cases["strings"]]
out["numbers"] = [num(js_number(t.strip())) if t.strip() not in NA_TOKENS else "NA" for t in cases["numbers"]]
out["schedules"] = [learning_rate_at(c["base"], c["schedule"], c["step"], c["stepsPerEpoch"]) for c in cases["schedules"]]
out["dwa"] = [dwa_weights(c["losses"], c["tasks"], c["temperature"], c["enabled"]) for c in cases["dwa"]]


def read_columns(path: str, types: dict) -> dict:
    """A CSV read as the project reads it: header, rows, and per column its values (numeric) or labels."""
    header, columns, rows = read_csv(path, ",")
    values = {
        name: (
            [num(v) for v in numeric_values(columns[name], False).tolist()]
            if types[name] == "numeric"
            else text_labels(columns[name], False)
        )
        for name in header
    }
    return {"header": header, "rows": rows, "columns": values}


out["csv"] = read_columns(cases["csvPath"], cases["csvTypes"])
out["legacy"] = read_columns(cases["legacyPath"], cases["legacyTypes"])
json.dump(out, sys.stdout)
