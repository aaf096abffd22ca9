"""Each task's metrics on a split, as the app computes them (src/core/metrics/), and the metrics
history in the format of the app's `Export metrics` (epoch,step,split,task,metric,value)."""

import csv
import io
import math

import numpy as np

from jsnumber import js_string

EPSILON = 1e-7
METRIC_ORDER = ["count", "loss", "accuracy", "precision", "recall", "f1", "auc", "macroF1", "mse", "rmse", "mae", "r2"]


def plain_task_loss(kind: str, outputs: np.ndarray, targets: np.ndarray) -> float:
    """The training loss, unweighted, over the labelled rows (plainTaskLosses.ts), in float64."""
    labelled = ~np.isnan(targets)
    y = targets[labelled].astype(np.float64)
    out = outputs[labelled].astype(np.float64)
    if kind == "binary":
        p = np.clip(out[:, 0], EPSILON, 1 - EPSILON)
        per_row = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    elif kind == "multiclass":
        p = out[np.arange(len(y)), y.astype(np.int64)]
        per_row = -np.log(np.maximum(p, EPSILON))
    else:
        per_row = (out[:, 0] - y) ** 2
    return float(np.sum(per_row) / max(len(y), 1)) if len(y) else 0.0


def _prf(tp: int, fp: int, fn: int) -> tuple:
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Rank-sum AUC with tied scores at their average rank (classificationMetrics.ts)."""
    order = np.argsort(scores, kind="stable")
    s = scores[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[i : j + 1] = (i + j) / 2 + 1
        i = j + 1
    positive = labels[order] == 1
    n_pos = int(positive.sum())
    n_neg = len(s) - n_pos
    if n_pos == 0 or n_neg == 0:
        return math.nan
    return (float(ranks[positive].sum()) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def task_metrics(task: dict, outputs: np.ndarray, targets: np.ndarray, scale: dict) -> dict:
    """outputs [rows, width] float32; targets class index or standardised value, NaN = missing."""
    labelled = ~np.isnan(targets)
    y = targets[labelled].astype(np.float64)
    m = {"loss": plain_task_loss(task["kind"], outputs, targets), "count": int(labelled.sum())}
    if task["kind"] == "binary":
        p = outputs[labelled, 0].astype(np.float64)
        predicted = (p >= 0.5).astype(np.float64)
        tp = int(np.sum((predicted == 1) & (y == 1)))
        fp = int(np.sum((predicted == 1) & (y != 1)))
        fn = int(np.sum((predicted != 1) & (y == 1)))
        precision, recall, f1 = _prf(tp, fp, fn)
        acc = float(np.mean(predicted == y)) if len(y) else math.nan
        m.update(accuracy=acc, precision=precision, recall=recall, f1=f1, auc=roc_auc(p, y))
    elif task["kind"] == "multiclass":
        predicted = np.argmax(outputs[labelled], axis=1).astype(np.float64)  # first of equal maxima, as argmaxRow
        acc = float(np.mean(predicted == y)) if len(y) else math.nan
        f1s = []
        for c in range(task["numClasses"]):
            p, a = predicted == c, y == c
            if not (p.any() or a.any()):
                continue
            f1s.append(_prf(int(np.sum(p & a)), int(np.sum(p & ~a)), int(np.sum(~p & a)))[2])
        m.update(accuracy=acc, macroF1=sum(f1s) / len(f1s) if f1s else math.nan)
    else:
        pred = outputs[labelled, 0].astype(np.float64) * scale["std"] + scale["mean"]
        actual = y * scale["std"] + scale["mean"]
        if len(y) == 0:
            m.update(mse=math.nan, rmse=math.nan, mae=math.nan, r2=math.nan)
        else:
            err = pred - actual
            mse = float(np.sum(err * err) / len(y))
            ss_tot = float(np.sum((actual - np.mean(actual)) ** 2))
            m.update(mse=mse, rmse=math.sqrt(mse), mae=float(np.sum(np.abs(err)) / len(y)), r2=1 - float(np.sum(err * err)) / ss_tot if ss_tot > 0 else math.nan)
    return m


def _field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in '",\r\n') else text


def history_rows(epoch: int, step: int, tasks: list, train_loss: list, val: list) -> list:
    """One epoch's lines of metrics.csv (metricsHistoryCsv.ts)."""
    lines = [f"{epoch},{step},train,{_field(t['name'])},loss,{js_string(train_loss[k])}" for k, t in enumerate(tasks)]
    for k, t in enumerate(tasks):
        for key in METRIC_ORDER:
            if key in val[k]:
                v = val[k][key]
                text = "" if isinstance(v, float) and math.isnan(v) else js_string(float(v))
                lines.append(f"{epoch},{step},validation,{_field(t['name'])},{key},{text}")
    return lines


HEADER = "epoch,step,split,task,metric,value"


def read_metrics_csv(path: str) -> dict:
    """(epoch, split, task, metric) → value, from an `Export metrics` file or this script's metrics.csv."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or ",".join(rows[0]) != HEADER:
        raise ValueError(f"{path} is not a metrics file (its first line should be {HEADER}).")
    out = {}
    for r in rows[1:]:
        if len(r) == 6:
            out[(int(r[0]), r[2], r[3], r[4])] = float(r[5]) if r[5] != "" else math.nan
    return out
