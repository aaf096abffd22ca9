"""Non-neural references for the census acceptance run, on the app's own split rows.

Per split seed: logistic regression (one-hot + standardised, trained on the app's training rows)
and gradient boosting (HistGradientBoostingClassifier with native categories, trained on training
+ validation rows with its own early stopping), for income_50k (test ROC AUC) and marital_stat
(test accuracy). Needs Debian's python3-sklearn (apt-get install -y python3-sklearn); first write
the splits with bench/censusSplits.ts (see its header). Run from the repository root:
    python3 bench/census_references.py
"""
import gzip
import json
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore")
SEEDS = [42, 1, 2, 3, 4, 5]
NUMERIC = ["age", "wage_per_hour", "capital_gains", "capital_losses", "stock_dividends", "num_emp", "weeks_worked"]

with gzip.open("e2e/data/census_income_kdd_test.csv.gz", "rt") as f:
    df = pd.read_csv(f, keep_default_na=False, dtype=str)
income = (df["income_50k"] == "50000+.").astype(int)
marital = df["marital_stat"]
X = df.drop(columns=["marital_stat", "income_50k", "instance_weight", "education"])
categorical = [c for c in X.columns if c not in NUMERIC]
for c in NUMERIC:
    X[c] = pd.to_numeric(X[c])
codes = X.copy()
for c in categorical:
    codes[c] = X[c].astype("category").cat.codes


def boosting():
    return HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=31, max_iter=1000, early_stopping=True,
                                          validation_fraction=0.125, n_iter_no_change=30,
                                          categorical_features=[c in categorical for c in X.columns], random_state=0)


print("| split seed | LR income AUC | GBM income AUC | LR marital acc | GBM marital acc |")
print("| --- | --- | --- | --- | --- |")
rows = []
for seed in SEEDS:
    split = json.load(open(f"bench/tmp/census-splits/split{seed}.json"))
    train, both, test = split["train"], split["train"] + split["val"], split["test"]
    encode = ColumnTransformer([("n", StandardScaler(), NUMERIC), ("c", OneHotEncoder(handle_unknown="ignore"), categorical)])
    a, b = encode.fit_transform(X.iloc[train]), encode.transform(X.iloc[test])
    lr_income = roc_auc_score(income.iloc[test], LogisticRegression(max_iter=2000).fit(a, income.iloc[train]).predict_proba(b)[:, 1])
    lr_marital = (LogisticRegression(max_iter=2000).fit(a, marital.iloc[train]).predict(b) == marital.iloc[test]).mean()
    gbm_income = roc_auc_score(income.iloc[test], boosting().fit(codes.iloc[both], income.iloc[both]).predict_proba(codes.iloc[test])[:, 1])
    gbm_marital = (boosting().fit(codes.iloc[both], marital.iloc[both]).predict(codes.iloc[test]) == marital.iloc[test]).mean()
    rows.append((lr_income, gbm_income, lr_marital, gbm_marital))
    print(f"| {seed} | {lr_income:.4f} | {gbm_income:.4f} | {lr_marital:.4f} | {gbm_marital:.4f} |", flush=True)
mean = np.mean(rows, axis=0)
print(f"| mean | {mean[0]:.4f} | {mean[1]:.4f} | {mean[2]:.4f} | {mean[3]:.4f} |")
