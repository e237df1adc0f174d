#!/usr/bin/python3
"""Golden values for time-span, expanding and min-obs windows (the contract "More time-varying
estimators"), computed with pandas (Debian's python3-pandas):

    /usr/bin/python3 tests/golden/make_window_golden.py

Writes tests/golden/windows.csv (per-date values: pandas rolling("30D") / expanding() /
rolling(W, min_periods=N) cov/var/corr and ewm(min_periods=N)) and
tests/golden/window_backtest.csv (the backtest over such windows as a plain loop).
The returns come from make_golden.aligned_returns, which the other golden files use.
"""
import csv
import math
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import ROOT, aligned_returns  # noqa: E402

# name, target, proxy, hedgecalc options, how pandas rolls
CASES = [
    ("span_30d", "data/token.csv:price", "data/btc.csv:Adj Close", "--window 30d",
     lambda s: s.rolling("30D", min_periods=3)),
    ("span_10d_business", "data/acme.csv:Adj Close", "data/index.csv:Close", "--window 10d",
     lambda s: s.rolling("10D", min_periods=3)),
    ("span_10d_min_obs_6", "data/acme.csv:Adj Close", "data/index.csv:Close",
     "--window 10d --min-obs 6", lambda s: s.rolling("10D", min_periods=6)),
    ("expanding", "data/acme.csv:Adj Close", "data/index.csv:Close", "--expanding",
     lambda s: s.expanding(min_periods=3)),
    ("count_30_min_obs_10", "data/token.csv:price", "data/btc.csv:Adj Close",
     "--window 30 --min-obs 10", lambda s: s.rolling(30, min_periods=10)),
]
EWMA_CASE = ("ewma_min_obs_20", "data/token.csv:price", "data/btc.csv:Adj Close",
             "--ewma 0.94 --min-obs 20", 0.94, 20)
REBALANCE = 5


def backtest(r, ratio):
    """Every REBALANCE returns from the date after the first defined ratio, the ratio
    known the day before hedges the next REBALANCE returns."""
    t, p = r["t"].to_numpy(), r["p"].to_numpy()
    first = int(np.argmax(~np.isnan(ratio.to_numpy()))) + 1
    realized, h = [], 0.0
    for start in range(first, len(r), REBALANCE):
        if not math.isnan(ratio.iloc[start - 1]):
            h = ratio.iloc[start - 1]
        for i in range(start, min(start + REBALANCE, len(r))):
            realized.append(t[i] - h * p[i])
    out_t = t[first:]
    return len(out_t), 1 - np.var(realized, ddof=1) / np.var(out_t, ddof=1)


def number(v):
    return "" if math.isnan(v) else repr(float(v))


def main():
    with open(os.path.join(ROOT, "tests/golden/windows.csv"), "w", newline="") as f, \
            open(os.path.join(ROOT, "tests/golden/window_backtest.csv"), "w", newline="") as b:
        f.write(f"# Made by tests/golden/make_window_golden.py with pandas {pd.__version__}.\n")
        b.write("# Made by tests/golden/make_window_golden.py: the backtest as a plain loop, "
                f"--rebalance {REBALANCE}.\n")
        rows, tests = csv.writer(f, lineterminator="\n"), csv.writer(b, lineterminator="\n")
        rows.writerow(["case", "target", "proxy", "options", "date", "hedge_ratio",
                       "correlation", "effectiveness"])
        tests.writerow(["case", "options", "n", "effectiveness"])
        for name, target, proxy, options, roll in CASES:
            r = aligned_returns(target, proxy, "simple")
            ratio = roll(r["t"]).cov(r["p"]) / roll(r["p"]).var()
            corr = roll(r["t"]).corr(r["p"])
            for i, date in enumerate(r.index):
                rows.writerow([name, target, proxy, options, date.strftime("%Y-%m-%d"),
                               number(ratio.iloc[i]), number(corr.iloc[i]),
                               number(corr.iloc[i] ** 2)])
            n, effectiveness = backtest(r, ratio)
            tests.writerow([name, options, n, repr(float(effectiveness))])
        name, target, proxy, options, lam, min_obs = EWMA_CASE
        r = aligned_returns(target, proxy, "simple")
        ew = lambda s: s.ewm(alpha=1 - lam, adjust=True, min_periods=min_obs)  # noqa: E731
        ratio = ew(r["t"]).cov(r["p"]) / ew(r["p"]).var()
        corr = ew(r["t"]).corr(r["p"])
        for i, date in enumerate(r.index):
            rows.writerow([name, target, proxy, options, date.strftime("%Y-%m-%d"),
                           number(ratio.iloc[i]), number(corr.iloc[i]), number(corr.iloc[i] ** 2)])


if __name__ == "__main__":
    main()
