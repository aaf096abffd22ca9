"""Per-task scikit-learn references for `npm run quality`, on exactly the network's split rows.

    python3 bench/quality/references.py NETWORK_JSON REFERENCES_JSON

NETWORK_JSON (written by quality.ts) names, per dataset, the table as the app parsed it (CSV,
missing cells empty), the input columns with the app's encoding, and per seed the split row
indices and the tasks. For each dataset x seed x task this fits, on the training rows only:
  linear:   logistic regression (binary), softmax regression (multi-class) or ridge (regression),
            scikit-learn defaults (C = 1, alpha = 1) on the app's features: numbers standardised,
            missing -> mean plus an indicator; categories one-hot (a missing cell is its own value)
  boosting: HistGradientBoosting (learning rate 0.1, 31 leaves, up to 300 trees), fitted on training + validation
            rows with its own early stopping on 1/8 of them; categories as native categories
            (codes as numbers above 255 values)
and reports the test metric: ROC AUC (binary), accuracy (multi-class), R^2 (regression).
Rows whose target is missing are left out of that task, as the app does. Results are cached in
bench/tmp/quality/refcache by a hash of the table, split, inputs and task.
Needs Debian's python3-sklearn and python3-pandas.
"""
import hashlib
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore")
CACHE = "bench/tmp/quality/refcache"
BOOSTING = dict(learning_rate=0.1, max_leaf_nodes=31, max_iter=300, early_stopping=True,
                validation_fraction=0.125, n_iter_no_change=20, random_state=0)


def file_hash(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def linear_model(kind, numeric, categorical):
    steps = []
    if numeric:
        steps.append(("n", make_pipeline(SimpleImputer(strategy="mean", add_indicator=True), StandardScaler()), numeric))
    if categorical:
        steps.append(("c", OneHotEncoder(handle_unknown="ignore"), categorical))
    model = Ridge(alpha=1.0) if kind == "regression" else LogisticRegression(max_iter=3000)
    return make_pipeline(ColumnTransformer(steps), model)


def score(kind, y_true, model, x, positive=None):
    if kind == "binary":
        proba = model.predict_proba(x)[:, list(model.classes_).index(positive)]
        return float(roc_auc_score(y_true == positive, proba))
    if kind == "multiclass":
        return float(accuracy_score(y_true, model.predict(x)))
    return float(r2_score(y_true, model.predict(x)))


def references_for(dataset):
    df = pd.read_csv(dataset["csv"], dtype=str, keep_default_na=False, na_values=[])
    numeric = [i["name"] for i in dataset["inputs"] if i["encoding"] == "numeric"]
    categorical = [i["name"] for i in dataset["inputs"] if i["encoding"] == "categorical"]
    x = pd.concat([df[numeric].replace("", np.nan).astype(float), df[categorical]], axis=1)
    # Boosting: categories as codes (NaN = missing), native categorical up to 255 values.
    codes = x.copy()
    native = []
    for c in categorical:
        cat = df[c].replace("", np.nan).astype("category")
        codes[c] = cat.cat.codes.replace(-1, np.nan).astype(float)
        native.append(len(cat.cat.categories) <= 255)
    mask = [False] * len(numeric) + native
    table_hash = file_hash(dataset["csv"])
    results = {}
    for run in dataset["runs"]:
        seed = str(run["seed"])
        split_path = dataset["splits"][seed]
        split = json.load(open(split_path))
        results[seed] = {}
        for task in run["tasks"]:
            key = hashlib.sha256(json.dumps([table_hash, file_hash(split_path), dataset["inputs"], task, BOOSTING],
                                            sort_keys=True).encode()).hexdigest()[:24]
            cached = f"{CACHE}/{key}.json"
            if os.path.exists(cached):
                results[seed][task["name"]] = json.load(open(cached))
                continue
            kind, name = task["kind"], task["name"]
            present = df[name] != ""
            y = df[name].replace("", np.nan).astype(float) if kind == "regression" else df[name]
            positive = task["classLabels"][1] if kind == "binary" else None
            rows = lambda r: [i for i in r if present.iloc[i]]
            train, both, test = rows(split["train"]), rows(split["train"] + split["val"]), rows(split["test"])
            lin = linear_model(kind, numeric, categorical).fit(x.iloc[train], y.iloc[train])
            booster = (HistGradientBoostingRegressor if kind == "regression" else HistGradientBoostingClassifier)(
                categorical_features=mask if any(mask) else None, **BOOSTING)
            booster.fit(codes.iloc[both], y.iloc[both])
            entry = {
                "linear": score(kind, y.iloc[test].to_numpy(), lin, x.iloc[test], positive),
                "boosting": score(kind, y.iloc[test].to_numpy(), booster, codes.iloc[test], positive),
            }
            os.makedirs(CACHE, exist_ok=True)
            json.dump(entry, open(cached, "w"))
            results[seed][name] = entry
            print(f"  references {dataset['id']} seed {seed} {name}: linear {entry['linear']:.4f}, "
                  f"boosting {entry['boosting']:.4f}", flush=True)
    return results


def main():
    network = json.load(open(sys.argv[1]))
    out = {d["id"]: references_for(d) for d in network["datasets"]}
    json.dump(out, open(sys.argv[2], "w"), indent=1)


if __name__ == "__main__":
    main()
