#!/usr/bin/env python3
"""Golden values for --estimators (/usr/bin/python3 with Debian's python3-statsmodels,
-scipy, -pandas): Huber by statsmodels RLM(HuberT(1.345)) with its defaults; the LAD
objective (the least sum of absolute residuals) by scipy's linprog (HiGHS), since the
LAD minimiser need not be unique; up, down and Dimson by statsmodels OLS. Also writes a
heavy-tailed pair with a few wild returns to tests/data/estimators/.

    /usr/bin/python3 tests/golden/make_estimators_golden.py
"""
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.optimize import linprog

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prices(path, date_col, price_col):
    frame = pd.read_csv(os.path.join(ROOT, path))[[date_col, price_col]].dropna()
    return pd.Series(frame[price_col].values, index=frame[date_col].str[:10])


def lad_objective(x, y):
    # min sum(u + v) s.t. a + b x + u - v = y, u, v >= 0
    n = len(x)
    c = np.concatenate([[0, 0], np.ones(2 * n)])
    a_eq = np.hstack([np.ones((n, 1)), x[:, None], np.eye(n), -np.eye(n)])
    bounds = [(None, None), (None, None)] + [(0, None)] * (2 * n)
    result = linprog(c, A_eq=a_eq, b_eq=y, bounds=bounds, method="highs")
    assert result.status == 0
    return result.fun


def betas(x, y, lags):
    fields = {"ols": sm.OLS(y, sm.add_constant(x)).fit().params[1]}
    fields["huber"] = sm.RLM(y, sm.add_constant(x), M=sm.robust.norms.HuberT(1.345)).fit().params[1]
    fields["lad_objective"] = lad_objective(x, y)
    up, down = x > 0, x < 0
    fields["up"] = sm.OLS(y[up], sm.add_constant(x[up])).fit().params[1]
    fields["down"] = sm.OLS(y[down], sm.add_constant(x[down])).fit().params[1]
    n = len(x)
    design = np.column_stack([x[j:n - 2 * lags + j] for j in range(2 * lags + 1)])
    fields["dimson"] = sm.OLS(y[lags:n - lags], sm.add_constant(design)).fit().params[1:].sum()
    return fields


def pair(target, proxy, kind):
    joined = pd.concat([target, proxy], axis=1, join="inner").sort_index().values
    r = joined[1:] - joined[:-1] if kind == "diff" else joined[1:] / joined[:-1] - 1
    return r[:, 1], r[:, 0]


def write_outliers():
    rng = np.random.default_rng(11)
    n = 400
    x = rng.normal(0, 0.01, n)
    y = 0.9 * x + rng.standard_t(3, n) * 0.004
    y[[50, 120, 300]] += [0.2, -0.25, 0.3]  # three wild target returns
    dates = pd.date_range("2024-01-01", periods=n + 1, freq="D").strftime("%Y-%m-%d")
    for name, r in (("outliers_target.csv", y), ("outliers_proxy.csv", x)):
        levels = 100 * np.concatenate([[1.0], np.cumprod(1 + r)])
        pd.DataFrame({"date": dates, "close": np.round(levels, 10)}).to_csv(
            os.path.join(ROOT, "tests/data/estimators", name), index=False)


def main():
    write_outliers()
    token, btc = prices("data/token.csv", "snapped_at", "price"), prices("data/btc.csv", "Date", "Adj Close")
    acme, index = prices("data/acme.csv", "Date", "Adj Close"), prices("data/index.csv", "Date", "Close")
    jet, oil = prices("data/jetfuel.csv", "Date", "Price"), prices("data/heatingoil.csv", "Date", "Settle")
    out_t = prices("tests/data/estimators/outliers_target.csv", "date", "close")
    out_p = prices("tests/data/estimators/outliers_proxy.csv", "date", "close")
    cases = [
        ("crypto", "--estimators data/token.csv data/btc.csv", token, btc, "simple", 1),
        ("equity_lags_2", "--estimators --dimson-lags 2 data/acme.csv data/index.csv", acme, index, "simple", 2),
        ("jetfuel_diff", "--estimators --returns diff data/jetfuel.csv data/heatingoil.csv", jet, oil, "diff", 1),
        ("outliers", "--estimators --dimson-lags 0 tests/data/estimators/outliers_target.csv "
         "tests/data/estimators/outliers_proxy.csv", out_t, out_p, "simple", 0),
    ]
    with open(os.path.join(ROOT, "tests/golden/estimators.csv"), "w") as f:
        f.write("# Made by tests/golden/make_estimators_golden.py with statsmodels and scipy.\n")
        f.write("case,args,field,value\n")
        for name, args, t, p, kind, lags in cases:
            x, y = pair(t, p, kind)
            for field, value in betas(x, y, lags).items():
                f.write(f"{name},{args},{field},{float(value)!r}\n")


if __name__ == "__main__":
    main()
