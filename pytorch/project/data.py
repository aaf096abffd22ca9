"""The CSV file → the model's inputs and targets, exactly as the app made them: the app's cell rules
(missing-value tokens, numbers as JavaScript reads them), the preprocessing the browser fitted on
the training rows (preprocess.json: standardisation, one-hot slots, embedding ids; never refitted,
so the exported initial weights mean the same thing), and the split (split.json, or the app's
seeded, stratified split when the file is not the one the run was made on)."""

import codecs
import csv
import hashlib
import io
import math
import sys
from dataclasses import dataclass, field

import numpy as np

from jsnumber import DECIMAL_COMMA, INFINITE, js_number, js_string, radix_prefixed
from rng import Mulberry32, shuffle_in_place

# src/core/csv/columnBuilder.ts
NA_TOKENS = {"", "NA", "N/A", "n/a", "na", "null", "NULL", "Null", "NaN", "nan", "?", ".", "-"}
NEAR_NUMERIC_SHARE = 0.05
MAX_PENDING_TEXT = 1000
MAX_Z = 1e6  # src/core/data/featureEncoders.ts
MIN_TRAIN_PERCENT = 20


class DataError(Exception):
    """A problem with the data file, said in a sentence for the person running the script."""


@dataclass
class Split:
    rows: np.ndarray  # the table's row index of each row
    x: np.ndarray  # [rows, inputSize] float32
    ids: list  # per embedding: [rows] int64
    targets: list  # per task: [rows] float32, NaN = missing
    masks: list  # per task: [rows] float32 row weight in the loss (0 = missing), or None (all 1)

    def __len__(self):
        return len(self.rows)


@dataclass
class Dataset:
    train: Split
    val: Split
    test: Split
    tasks: list
    target_scales: list
    notes: list = field(default_factory=list)


def _c1_controls(error: UnicodeDecodeError):
    return "".join(chr(b) for b in error.object[error.start : error.end]), error.end


codecs.register_error("whatwg-c1", _c1_controls)


def decode_text(data: bytes, path: str) -> str:
    """The app's decodeText: a UTF-16 byte-order mark selects UTF-16; else UTF-8, else Windows-1252."""
    if data[:2] == b"\xff\xfe":
        return data[2:].decode("utf-16-le", errors="replace")
    if data[:2] == b"\xfe\xff":
        return data[2:].decode("utf-16-be", errors="replace")
    if b"\x00" in data[:8192]:
        raise DataError(f"{path} looks like a binary file, not CSV text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # WHATWG's windows-1252: the five bytes cp1252 leaves undefined are the C1 controls of the same number.
        text = data.decode("cp1252", errors="whatwg-c1")
    for _ in range(2):  # a byte-order mark (papaparse drops a second one)
        text = text[1:] if text.startswith("\ufeff") else text
    return text


def unique_names(header: list) -> list:
    """makeUniqueNames (tableSink.ts): trimmed; a blank one is column_<n>; repeats get _2, _3…"""
    seen, names = set(), []
    for i, raw in enumerate(header):
        base = js_trim(raw) or f"column_{i + 1}"
        name, k = base, 2
        while name in seen:
            name, k = f"{base}_{k}", k + 1
        seen.add(name)
        names.append(name)
    return names


def read_csv(path: str, delimiter: str) -> tuple:
    """Header (named as the app names columns) and cells of a CSV file; short rows padded as missing."""
    try:
        with open(path, "rb") as f:
            text = decode_text(f.read(), path)
    except FileNotFoundError:
        raise DataError(f"No file {path}: give the CSV the run was trained on (or one with the same columns).")
    except IsADirectoryError:
        raise DataError(f"{path} is a folder: give the CSV file the run was trained on.")
    rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if any(cell.strip() for cell in r)]
    if not rows:
        raise DataError(f"{path} is empty.")
    header = unique_names(rows[0])
    width = len(header)
    body = [(r + [""] * (width - len(r)))[:width] for r in rows[1:]]
    return header, {name: [r[i] for r in body] for i, name in enumerate(header)}, len(body)


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ECMAScript's WhiteSpace and LineTerminator: what String.prototype.trim removes.
JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_trim(text: str) -> str:
    return text.strip(JS_WHITESPACE)


def _cell(raw: str) -> str:
    """A cell as the reader compares it: trimmed when it starts or ends with a control or a space (columnBuilder.ts)."""
    return js_trim(raw) if raw and (ord(raw[0]) <= 32 or ord(raw[-1]) <= 32) else raw


def numeric_values(cells: list, decimal_comma: bool) -> np.ndarray:
    """A numeric column's values (float64), NaN where missing or not a finite number."""
    out = np.full(len(cells), np.nan)
    for i, raw in enumerate(cells):
        t = _cell(raw)
        if t in NA_TOKENS:
            continue
        v = js_number(t)
        if math.isfinite(v) and not radix_prefixed(t):
            out[i] = v
        elif math.isnan(v) and decimal_comma and DECIMAL_COMMA.match(t):
            out[i] = float(t.replace(",", "."))
    return out


def text_labels(cells: list, decimal_comma: bool) -> list:
    """A text column's labels as the app's reader holds them. The reader starts every column as
    numeric and turns it to text once too many cells are text: numbers read before that moment
    are kept as JavaScript prints them ("007" → "7"), cells after it as written."""
    labels = []
    numeric = True
    text_cells = 0
    for i, raw in enumerate(cells):
        t = _cell(raw)
        if t in NA_TOKENS:
            labels.append(None)
            continue
        if not numeric:
            labels.append(t)
            continue
        v = js_number(t)
        if math.isfinite(v) and not radix_prefixed(t):
            labels.append(js_string(v))
            continue
        if radix_prefixed(t) and math.isfinite(v):
            v = math.nan
        elif math.isnan(v) and decimal_comma and DECIMAL_COMMA.match(t):
            labels.append(js_string(float(t.replace(",", "."))))
            continue
        labels.append(t)
        if math.isnan(v) and not INFINITE.match(t):
            text_cells += 1
        if text_cells > max(MAX_PENDING_TEXT, NEAR_NUMERIC_SHARE * (i + 1)):
            numeric = False
    return labels


def column_labels(cells: list, column_type: str, decimal_comma: bool) -> list:
    """Category labels of a column: text as it is, numbers as JavaScript prints them; None = missing."""
    if column_type == "numeric":
        return [None if math.isnan(v) else js_string(v) for v in numeric_values(cells, decimal_comma)]
    return text_labels(cells, decimal_comma)


def standardize(values: np.ndarray, mean: float, std: float) -> np.ndarray:
    return np.clip((values - mean) / std, -MAX_Z, MAX_Z)


def encode_inputs(columns: dict, rows: int, pre: dict) -> tuple:
    """Dense features [rows, width] (float32) and per embedding its ids, by preprocess.json's rules."""
    types = pre["columnTypes"]
    dc = pre["csv"]["decimalComma"]
    width = len(pre["featureNames"])
    x = np.zeros((rows, width), dtype=np.float64)
    ids = [np.zeros(rows, dtype=np.int64) for _ in pre["embeddings"]]
    offset = 0
    for rule in pre["inputs"]:
        cells = columns[rule["column"]]
        if rule["kind"] == "numeric":
            v = _numbers_of(cells, types.get(rule["column"], "numeric"), dc)
            missing = np.isnan(v)
            x[:, offset] = np.where(missing, 0.0, standardize(np.where(missing, 0.0, v), rule["mean"], rule["std"]))
            if rule["missingIndicator"]:
                x[:, offset + 1] = missing
            offset += 2 if rule["missingIndicator"] else 1
            continue
        labels = column_labels(cells, types.get(rule["column"], "text"), dc)
        known = {label: i for i, label in enumerate(rule["categories"] if rule["kind"] == "oneHot" else rule["vocabulary"])}
        if rule["kind"] == "oneHot":
            n = len(rule["categories"])
            for r, label in enumerate(labels):
                if label is None:
                    continue
                slot = known.get(label, n if rule["other"] else -1)
                if slot >= 0:
                    x[r, offset + slot] = 1.0
            offset += n + (1 if rule["other"] else 0)
        else:
            target = ids[rule["index"]]
            for r, label in enumerate(labels):
                target[r] = 0 if label is None else (known[label] + 2 if label in known else 1)
    return x.astype(np.float32), ids


def _numbers_of(cells: list, column_type: str, decimal_comma: bool) -> np.ndarray:
    """A cell as a number: a text column's cells are numbers where they read as ones (encodeNewRows.ts)."""
    if column_type == "numeric":
        return numeric_values(cells, decimal_comma)
    out = np.full(len(cells), np.nan)
    for i, label in enumerate(text_labels(cells, decimal_comma)):
        if label is not None:
            v = js_number(label)
            if math.isfinite(v):
                out[i] = v
    return out


def code_targets(columns: dict, pre: dict) -> list:
    """Per task: class index (classification) or value in the training units (regression); NaN = missing."""
    types = pre["columnTypes"]
    dc = pre["csv"]["decimalComma"]
    coded = []
    for task, scale in zip(pre["tasks"], pre["targetScales"]):
        cells = columns[task["name"]]
        if task["kind"] == "regression":
            values = numeric_values(cells, dc)
            coded.append(np.where(np.isnan(values), np.nan, standardize(values, scale["mean"], scale["std"])))
            continue
        index = {label: i for i, label in enumerate(task["classLabels"])}
        labels = column_labels(cells, types.get(task["name"], "text"), dc)
        # A class the run never saw is no label of this task: missing, so that row is left out.
        coded.append(np.array([index.get(l, np.nan) if l is not None else np.nan for l in labels], dtype=np.float64))
    for k, task in enumerate(pre["tasks"]):
        c = task.get("chainedTo")
        if c is not None:  # ESMM: the task is negative wherever its condition is (chainTargets)
            fill = np.isnan(coded[k]) & (coded[c] == 0)
            coded[k] = np.where(fill, 0.0, coded[k])
    return coded


def split_rows(row_count: int, seed: int, fractions: tuple, strata) -> tuple:
    """splitRows (src/core/data/split.ts): each stratum shuffled and cut in the same proportions."""
    rng = Mulberry32(seed)
    groups = {}
    for i in range(row_count):
        key = int(strata[i]) if strata is not None else 0
        groups.setdefault(key, []).append(i)
    train, val, test = [], [], []
    for key in sorted(groups):
        rows = shuffle_in_place(groups[key], rng)
        n_train = math.floor(len(rows) * fractions[0] + 0.5)  # Math.round
        n_val = math.floor(len(rows) * fractions[1] + 0.5)
        train += rows[:n_train]
        val += rows[n_train : n_train + n_val]
        test += rows[n_train + n_val :]
    return np.array(train, dtype=np.int64), np.array(val, dtype=np.int64), np.array(test, dtype=np.int64)


def load_dataset(path: str, config: dict, pre: dict, split: dict, log=print) -> Dataset:
    """Reads and encodes the file; the exported split when it is the file the run was made on."""
    header, columns, rows = read_csv(path, pre["csv"]["delimiter"])
    needed = [r["column"] for r in pre["inputs"]] + [t["name"] for t in pre["tasks"]]
    lacking = [n for n in dict.fromkeys(needed) if n not in columns]
    if lacking:
        raise DataError(
            f"{path} lacks the column{'s' if len(lacking) > 1 else ''} the run used: {', '.join(lacking)}."
            f" Its columns are: {', '.join(header)}."
        )
    x, ids = encode_inputs(columns, rows, pre)
    targets = code_targets(columns, pre)
    notes = []
    expected = config["dataset"]
    same_rows = rows == split["rows"]
    sha = expected.get("sha256")
    # The run's own file, or the copy of a built-in sample the project carries (`dataset.file`).
    known = {h for h in (sha, expected.get("fileSha256")) if h}
    same_file = same_rows and (not known or file_sha256(path) in known)
    if same_file:
        train, val, test = (np.array(split[s], dtype=np.int64) for s in ("train", "val", "test"))
    else:
        settings = config["settings"]
        v, t = settings["validationPercent"], settings["testPercent"]
        fractions = ((100 - v - t) / 100, v / 100)
        first = next((k for k, task in enumerate(pre["tasks"]) if task["kind"] != "regression"), None)
        strata = None if first is None else np.where(np.isnan(targets[first]), -1, targets[first])
        train, val, test = split_rows(rows, settings["splitSeed"], fractions, strata)
        notes.append(
            f"{path} is not the file the run was made on ({rows} rows; the run's had {split['rows']}): "
            f"split anew with split seed {settings['splitSeed']}, the browser's preprocessing kept."
        )
    if len(train) < 2 or len(val) == 0:
        raise DataError(f"{path} has too few rows to train: {len(train)} for training, {len(val)} for validation.")
    class_weights = pre.get("classWeights") or [None] * len(pre["tasks"])

    def build(index: np.ndarray) -> Split:
        t = [target[index].astype(np.float32) for target in targets]
        masks = []
        for k, target in enumerate(t):
            weights = class_weights[k]
            missing = np.isnan(target)
            if weights is None and not missing.any():
                masks.append(None)
                continue
            m = np.ones(len(target), dtype=np.float64)
            if weights is not None:
                safe = np.where(missing, 0, target).astype(np.int64)
                m = np.asarray(weights, dtype=np.float64)[safe]
            masks.append(np.where(missing, 0.0, m).astype(np.float32))
        return Split(index, x[index], [i[index] for i in ids], t, masks)

    return Dataset(build(train), build(val), build(test), pre["tasks"], pre["targetScales"], notes)
