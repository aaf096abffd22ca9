"""--check: this run's metrics against the browser's (`Export metrics`), epoch by epoch."""

import math

from metrics import read_metrics_csv


def relative(a: float, b: float) -> float:
    if math.isnan(a) and math.isnan(b):
        return 0.0
    return abs(a - b) / max(abs(b), 1e-12)


def compare(browser_path: str, ours_path: str, browser_first, ours_first, tasks: int) -> dict:
    browser = read_metrics_csv(browser_path)
    ours = read_metrics_csv(ours_path)
    rows = []
    for key, b in sorted(browser.items()):
        if key in ours and key[1] == "validation" and key[3] != "count":
            rows.append({"epoch": key[0], "task": key[2], "metric": key[3], "browser": b, "pytorch": ours[key], "relative": relative(ours[key], b)})
    counts_agree = all(browser[k] == ours[k] for k in browser if k in ours and k[3] == "count")
    first = None
    if browser_first and ours_first:
        b = list(browser_first["losses"]) + [browser_first["total"]]
        o = list(ours_first[:tasks]) + [ours_first[tasks]]
        first = {"browser": b, "pytorch": o, "relative": max(relative(x, y) for x, y in zip(o, b))}
    worst = max((r["relative"] for r in rows), default=math.nan)
    epochs = sorted({r["epoch"] for r in rows})
    summary = (
        f"parity: {len(rows)} validation metrics over {len(epochs)} epochs, largest relative difference {worst:.2e}"
        + (f"; first step's losses {first['relative']:.2e}" if first else "")
        + ("" if counts_agree else "; the row counts differ (a different split?)")
    )
    return {"rows": rows, "worst": worst, "countsAgree": counts_agree, "firstStep": first, "summary": summary}
