#!/usr/bin/python3
"""Golden values for the single analysis, computed independently with pandas and
statsmodels (Debian's python3-pandas and python3-statsmodels):

    /usr/bin/python3 tests/golden/make_golden.py

It also writes the adversarial fixtures under tests/data/ that it checks. The
output, tests/golden/single_pair.csv, is committed so that the suite needs no
Python; tests/golden_test.cpp compares hedgecalc to it field by field.
"""
import csv
import math
import os
import random

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIELDS = ["n", "start", "end", "hedge_ratio", "std_error", "t_stat", "ci_low", "ci_high",
          "intercept", "correlation", "r_squared", "effectiveness", "vol_target", "vol_proxy",
          "vol_hedged"]


def write_fixtures():
    """Series the sample data does not exercise: a 1e9 price level with tiny moves,
    and columns that already hold returns."""
    rng = random.Random(7)
    days = pd.date_range("2024-01-01", periods=400, freq="D")
    with open(os.path.join(ROOT, "tests/data/big_level.csv"), "w") as f:
        f.write("date,target,proxy\n")
        target, proxy = 1_000_000_000.0, 2_000_000_000.0
        for d in days:
            move = rng.gauss(0, 1e-6)
            proxy *= 1 + move
            target *= 1 + 0.8 * move + rng.gauss(0, 4e-7)
            f.write(f"{d.date()},{target:.6f},{proxy:.6f}\n")
    with open(os.path.join(ROOT, "tests/data/returns.csv"), "w") as f:
        f.write("date,fund,benchmark\n")
        for d in days[:120]:
            b = rng.gauss(0, 0.01)
            f.write(f"{d.date()},{-0.5 * b + rng.gauss(0, 0.004):.8f},{b:.8f}\n")


def read_series(spec):
    """PATH:COLUMN as pandas would read it: dates parsed, missing prices dropped."""
    path, column = spec.rsplit(":", 1)
    # round_trip: correctly rounded parsing, as hedgecalc does with std::from_chars.
    frame = pd.read_csv(os.path.join(ROOT, path), float_precision="round_trip")
    date_column = frame.columns[0]
    frame.index = pd.to_datetime(frame[date_column].str.replace(" UTC", "", regex=False))
    return frame[column].dropna().sort_index()


def analyse(target_spec, proxy_spec, returns, start=None, end=None):
    target, proxy = read_series(target_spec), read_series(proxy_spec)
    if start:
        target, proxy = target[start:], proxy[start:]
    if end:
        target, proxy = target[:end], proxy[:end]
    prices = pd.concat([target, proxy], axis=1, join="inner").dropna()
    prices.columns = ["t", "p"]
    if returns == "simple":
        r = prices.pct_change().dropna()
    elif returns == "log":
        r = np.log(prices / prices.shift(1)).dropna()
    elif returns == "diff":
        r = prices.diff().dropna()
    else:
        r = prices
    fit = sm.OLS(r["t"], sm.add_constant(r["p"])).fit()
    h = fit.params["p"]
    low, high = fit.conf_int(alpha=0.05).loc["p"]
    hedged = r["t"] - h * r["p"]
    return {
        "n": len(r),
        "start": r.index[0].strftime("%Y-%m-%d"),
        "end": r.index[-1].strftime("%Y-%m-%d"),
        "hedge_ratio": h,
        "std_error": fit.bse["p"],
        "t_stat": fit.tvalues["p"],
        "ci_low": low,
        "ci_high": high,
        "intercept": fit.params["const"],
        "correlation": r["t"].corr(r["p"]),
        "r_squared": fit.rsquared,
        "effectiveness": 1 - hedged.var() / r["t"].var(),
        "vol_target": r["t"].std(),
        "vol_proxy": r["p"].std(),
        "vol_hedged": hedged.std(),
    }


CASES = [
    # name, target, proxy, hedgecalc options (space separated)
    ("crypto_simple", "data/token.csv:price", "data/btc.csv:Adj Close", "--returns simple"),
    ("crypto_log", "data/token.csv:price", "data/btc.csv:Adj Close", "--returns log"),
    ("crypto_diff", "data/token.csv:price", "data/btc.csv:Adj Close", "--returns diff"),
    ("equity_simple", "data/acme.csv:Adj Close", "data/index.csv:Close", "--returns simple"),
    ("equity_range", "data/acme.csv:Adj Close", "data/index.csv:Close",
     "--returns log --from 2023-06-01 --to 2024-03-28"),
    ("big_level", "tests/data/big_level.csv:target", "tests/data/big_level.csv:proxy",
     "--returns simple"),
    ("returns_none", "tests/data/returns.csv:fund", "tests/data/returns.csv:benchmark",
     "--returns none"),
]


# Time-varying cases: name, target, proxy, returns, window, ewma lambda, rebalance.
ROLLING_CASES = [
    ("crypto_w30", "data/token.csv:price", "data/btc.csv:Adj Close", "simple", 30, 0.94, 5),
    ("equity_w60", "data/acme.csv:Adj Close", "data/index.csv:Close", "log", 60,
     0.5 ** (1 / 10), 20),
]


def aligned_returns(target_spec, proxy_spec, returns):
    prices = pd.concat([read_series(target_spec), read_series(proxy_spec)], axis=1,
                       join="inner").dropna()
    prices.columns = ["t", "p"]
    if returns == "simple":
        return prices.pct_change().dropna()
    return np.log(prices / prices.shift(1)).dropna()


def backtest(r, window, rebalance, rolling_ratio, full_ratio):
    """SPEC.md's backtest, written as a plain loop over rebalancing dates."""
    t, p = r["t"].to_numpy(), r["p"].to_numpy()
    realized = []
    for start in range(window, len(r), rebalance):
        h = rolling_ratio.iloc[start - 1]
        for i in range(start, min(start + rebalance, len(r))):
            realized.append(t[i] - h * p[i])
    out_t, out_p = t[window:], p[window:]
    var_t = np.var(out_t, ddof=1)
    return {
        "n": len(out_t),
        "effectiveness": 1 - np.var(realized, ddof=1) / var_t,
        "effectiveness_naive": 1 - np.var(out_t - out_p, ddof=1) / var_t,
        "effectiveness_in_sample": 1 - np.var(out_t - full_ratio * out_p, ddof=1) / var_t,
    }


def write_rolling_golden():
    """Per-date rolling and EWMA values from pandas rolling(W) and
    ewm(alpha=1-lambda, adjust=True), and the backtest from a plain loop."""
    path = os.path.join(ROOT, "tests/golden/rolling.csv")
    with open(path, "w", newline="") as f:
        f.write(f"# Made by tests/golden/make_golden.py with pandas {pd.__version__}; "
                "rolling(W).cov/var/corr and ewm(alpha=1-lambda, adjust=True).cov/var/corr.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "target", "proxy", "returns", "window", "lambda", "rebalance",
                         "date", "hedge_ratio", "correlation", "effectiveness",
                         "ewma_hedge_ratio", "ewma_correlation"])
        summary = []
        for name, target, proxy, returns, window, lam, rebalance in ROLLING_CASES:
            r = aligned_returns(target, proxy, returns)
            roll = r["t"].rolling(window)
            ratio = roll.cov(r["p"]) / r["p"].rolling(window).var()
            corr = roll.corr(r["p"])
            ew = r["t"].ewm(alpha=1 - lam, adjust=True)
            ewma_ratio = ew.cov(r["p"]) / r["p"].ewm(alpha=1 - lam, adjust=True).var()
            ewma_corr = ew.corr(r["p"])
            for i, date in enumerate(r.index):
                values = [ratio.iloc[i], corr.iloc[i], corr.iloc[i] ** 2, ewma_ratio.iloc[i],
                          ewma_corr.iloc[i]]
                writer.writerow([name, target, proxy, returns, window, repr(lam), rebalance,
                                 date.strftime("%Y-%m-%d")] +
                                ["" if math.isnan(v) else repr(float(v)) for v in values])
            full = sm.OLS(r["t"], sm.add_constant(r["p"])).fit().params["p"]
            summary.append((name, backtest(r, window, rebalance, ratio, full)))
    path = os.path.join(ROOT, "tests/golden/backtest.csv")
    with open(path, "w", newline="") as f:
        f.write("# Made by tests/golden/make_golden.py: SPEC.md's backtest as a plain loop.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "n", "effectiveness", "effectiveness_naive",
                         "effectiveness_in_sample"])
        for name, b in summary:
            writer.writerow([name, b["n"]] + [repr(float(b[k])) for k in
                            ["effectiveness", "effectiveness_naive", "effectiveness_in_sample"]])


def main():
    write_fixtures()
    write_rolling_golden()
    out_path = os.path.join(ROOT, "tests/golden/single_pair.csv")
    with open(out_path, "w", newline="") as f:
        f.write(f"# Made by tests/golden/make_golden.py with pandas {pd.__version__}, "
                f"statsmodels {statsmodels.__version__}; do not edit by hand.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "target", "proxy", "options"] + FIELDS)
        for name, target, proxy, options in CASES:
            words = options.split()
            returns = words[words.index("--returns") + 1]
            start = words[words.index("--from") + 1] if "--from" in words else None
            end = words[words.index("--to") + 1] if "--to" in words else None
            values = analyse(target, proxy, returns, start, end)
            writer.writerow([name, target, proxy, options] +
                            [repr(float(values[k])) if isinstance(values[k], (float, np.floating))
                             else values[k] for k in FIELDS])
    print("wrote", out_path)


if __name__ == "__main__":
    main()
