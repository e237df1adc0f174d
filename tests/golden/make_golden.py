#!/usr/bin/python3
"""Golden values for the single analysis, computed independently with pandas and
statsmodels (Debian's python3-pandas and python3-statsmodels):

    /usr/bin/python3 tests/golden/make_golden.py

It also writes the adversarial fixtures under tests/data/ that it checks. The
output, tests/golden/single_pair.csv, is committed so that the suite needs no
Python; tests/cli/golden_test.cpp compares hedgecalc to it field by field.
"""
import csv
import math
import os
import random

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIELDS = ["n", "start", "end", "hedge_ratio", "std_error", "t_stat", "ci_low", "ci_high",
          "intercept", "correlation", "r_squared", "effectiveness", "vol_target", "vol_proxy",
          "vol_hedged"]


def t_quantile(p, df):
    """Student-t quantile. SciPy's t.ppf, which statsmodels' conf_int uses, is off by
    up to ~4e-10 relative at few degrees of freedom (5 df, p = 0.975: 2.5705818366 where
    the closed-form CDF gives 2.5705818356), so two Newton steps on t.cdf refine it."""
    q = stats.t.ppf(p, df)
    for _ in range(2):
        q -= (stats.t.cdf(q, df) - p) / stats.t.pdf(q, df)
    return q


def interval(fit, name):
    q = t_quantile(0.975, fit.df_resid)
    return fit.params[name] - q * fit.bse[name], fit.params[name] + q * fit.bse[name]


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


def write_issue5_fixtures():
    """Intraday bars on business hours with gaps and duplicated bars, 24/7 bars one
    minute earlier with holes, and a wide file with a target and five proxies."""
    rng = random.Random(11)
    start = pd.Timestamp("2024-03-04 00:00")  # a Monday
    hours = [start + pd.Timedelta(hours=h) for h in range(24 * 7 * 8)]
    common = {h: rng.gauss(0, 0.004) for h in hours}
    with open(os.path.join(ROOT, "tests/data/intraday_equity.csv"), "w") as f:
        f.write("datetime,close\n")
        level = 100.0
        for i, h in enumerate(hours):
            level *= 1 + 1.2 * common[h] + rng.gauss(0, 0.003)
            if h.weekday() >= 5 or not 9 <= h.hour <= 16 or i % 37 == 0:
                continue  # weekends, nights and a few missing bars
            line = f"{h:%Y-%m-%d %H:%M:%S},{level:.4f}\n"
            f.write(line)
            if i % 53 == 0:
                f.write(line)  # a duplicated bar, as some feeds send
    with open(os.path.join(ROOT, "tests/data/intraday_crypto.csv"), "w") as f:
        f.write("timestamp,price\n")
        level = 60000.0
        for i, h in enumerate(hours):
            level *= 1 + common[h]
            if 200 <= i < 206 or 700 <= i < 704:
                continue  # feed outages of six and four hours
            t = h - pd.Timedelta(minutes=1)
            f.write(f"{t:%Y-%m-%dT%H:%M:%SZ},{level:.2f}\n")
    days = pd.date_range("2023-01-02", periods=600, freq="D")
    with open(os.path.join(ROOT, "tests/data/basket.csv"), "w") as f:
        f.write("date,target,p1,p2,p3,p4,p5\n")
        levels = [100.0, 50.0, 20.0, 80.0, 30.0, 10.0]
        for d in days:
            base = [rng.gauss(0, 0.01) for _ in range(3)]
            moves = [base[0], base[1], base[2],
                     0.7 * base[0] + 0.3 * rng.gauss(0, 0.01),   # p4 leans on p1
                     0.5 * base[1] + 0.5 * base[2] + 0.2 * rng.gauss(0, 0.01)]
            target = 0.6 * moves[0] + 0.3 * moves[1] - 0.2 * moves[3] + 0.1 * moves[4]
            target += rng.gauss(0, 0.006)
            for k, m in enumerate([target] + moves):
                levels[k] *= 1 + m
            f.write(d.strftime("%Y-%m-%d") + "," + ",".join(f"{x:.6f}" for x in levels) + "\n")


def read_series(spec):
    """PATH:COLUMN as pandas would read it: dates parsed, missing prices dropped."""
    path, column = spec.rsplit(":", 1)
    # round_trip: correctly rounded parsing, as hedgecalc does with std::from_chars.
    frame = pd.read_csv(os.path.join(ROOT, path), float_precision="round_trip")
    date_column = frame.columns[0]
    frame.index = pd.DatetimeIndex(pd.to_datetime(
        frame[date_column].str.replace(" UTC", "", regex=False), utc=True)).tz_localize(None)
    series = frame[column].dropna().sort_index()
    # Identical duplicated bars collapse to one, as hedgecalc does.
    return series[~(series.index.duplicated() & series.duplicated())]


def resample_last(series, frequency):
    """Last observation per period, labelled with the period's last day."""
    rule = {"daily": "D", "weekly": "W-SUN", "monthly": "M"}[frequency]
    out = series.resample(rule).last().dropna()
    if frequency == "daily":
        return out  # labelled with the day itself (its midnight)
    return out


def iso(t, index):
    """hedgecalc's start/end: a date when every timestamp is a midnight."""
    if all(x == x.normalize() for x in index):
        return t.strftime("%Y-%m-%d")
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def option(words, name, default=None):
    return words[words.index(name) + 1] if name in words else default


def analyse(target_spec, proxy_spec, words):
    returns = option(words, "--returns", "simple")
    start, end = option(words, "--from"), option(words, "--to")
    target, proxy = read_series(target_spec), read_series(proxy_spec)
    if start:
        target, proxy = target[start:], proxy[start:]
    if end:
        target, proxy = target[:end], proxy[:end]
    frequency = option(words, "--frequency")
    if frequency:
        target, proxy = resample_last(target, frequency), resample_last(proxy, frequency)
    if option(words, "--align") == "asof":
        gap = option(words, "--max-gap")
        left = target.rename("t").to_frame()
        right = proxy.rename("p").to_frame()
        prices = pd.merge_asof(left, right, left_index=True, right_index=True,
                               direction="backward",
                               tolerance=pd.Timedelta(gap) if gap else None).dropna()
    else:
        prices = pd.concat([target, proxy], axis=1, join="inner").dropna()
    prices.columns = ["t", "p"]
    horizon = int(option(words, "--horizon", "1"))
    if horizon > 1:
        # Every K-th row counted back from the last; the oldest remainder is dropped.
        prices = prices.iloc[(len(prices) - 1) % horizon::horizon]
    if returns == "simple":
        r = prices.pct_change().dropna()
    elif returns == "log":
        r = np.log(prices / prices.shift(1)).dropna()
    elif returns == "diff":
        r = prices.diff().dropna()
    else:
        r = prices
    intercept = "--no-intercept" not in words
    exog = sm.add_constant(r["p"]) if intercept else r[["p"]]
    if option(words, "--se") == "hac":
        n = len(r)
        lags = int(option(words, "--hac-lags", str(int(math.floor(4 * (n / 100) ** (2 / 9))))))
        fit = sm.OLS(r["t"], exog).fit(cov_type="HAC", cov_kwds={"maxlags": lags}, use_t=True)
    else:
        fit = sm.OLS(r["t"], exog).fit()
    h = fit.params["p"]
    low, high = interval(fit, "p")
    hedged = r["t"] - h * r["p"]
    return {
        "n": len(r),
        "start": iso(r.index[0], r.index),
        "end": iso(r.index[-1], r.index),
        "hedge_ratio": h,
        "std_error": fit.bse["p"],
        "t_stat": fit.tvalues["p"],
        "ci_low": low,
        "ci_high": high,
        "intercept": fit.params["const"] if intercept else 0.0,
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
    ("no_intercept", "data/token.csv:price", "data/btc.csv:Adj Close",
     "--returns simple --no-intercept"),
    ("hac_auto", "data/token.csv:price", "data/btc.csv:Adj Close", "--returns simple --se hac"),
    ("hac_10", "data/acme.csv:Adj Close", "data/index.csv:Close",
     "--returns log --se hac --hac-lags 10"),
    ("weekly", "data/token.csv:price", "data/acme.csv:Adj Close",
     "--returns simple --frequency weekly"),
    ("monthly", "data/token.csv:price", "data/acme.csv:Adj Close",
     "--returns log --frequency monthly"),
    ("intraday_daily", "tests/data/intraday_equity.csv:close",
     "tests/data/intraday_crypto.csv:price", "--returns simple --frequency daily"),
    ("intraday_weekly", "tests/data/intraday_equity.csv:close",
     "tests/data/intraday_crypto.csv:price", "--returns simple --frequency weekly"),
    ("asof_2h", "tests/data/intraday_equity.csv:close", "tests/data/intraday_crypto.csv:price",
     "--returns simple --align asof --max-gap 2h"),
    ("asof_unlimited", "tests/data/intraday_equity.csv:close",
     "tests/data/intraday_crypto.csv:price", "--returns log --align asof"),
    ("horizon_5", "data/acme.csv:Adj Close", "data/index.csv:Close",
     "--returns simple --horizon 5"),
]

# Baskets: name, target, proxies, options. One golden row per proxy.
BASKETS = [
    ("basket2", "tests/data/basket.csv:target", ["tests/data/basket.csv:p1",
                                                 "tests/data/basket.csv:p2"], "--returns simple"),
    ("basket5", "tests/data/basket.csv:target",
     [f"tests/data/basket.csv:p{k}" for k in range(1, 6)], "--returns log"),
    ("basket5_hac", "tests/data/basket.csv:target",
     [f"tests/data/basket.csv:p{k}" for k in range(1, 6)], "--returns simple --se hac --hac-lags 7"),
]


def write_basket_golden():
    path = os.path.join(ROOT, "tests/golden/basket.csv")
    with open(path, "w", newline="") as f:
        f.write(f"# Made by tests/golden/make_golden.py with statsmodels {statsmodels.__version__}:"
                " multivariate OLS (HAC with use_t=True for t intervals).\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "target", "proxies", "options", "proxy", "n", "hedge_ratio",
                         "std_error", "t_stat", "ci_low", "ci_high", "intercept", "r_squared",
                         "effectiveness", "vol_target", "vol_hedged", "condition_number"])
        for name, target, proxies, options in BASKETS:
            words = options.split()
            frames = [read_series(target)] + [read_series(p) for p in proxies]
            prices = pd.concat(frames, axis=1, join="inner").dropna()
            prices.columns = ["t"] + [f"x{k}" for k in range(len(proxies))]
            r = (np.log(prices / prices.shift(1)) if option(words, "--returns") == "log"
                 else prices.pct_change()).dropna()
            X = sm.add_constant(r.iloc[:, 1:])
            if option(words, "--se") == "hac":
                fit = sm.OLS(r["t"], X).fit(cov_type="HAC", use_t=True,
                                            cov_kwds={"maxlags": int(option(words, "--hac-lags"))})
            else:
                fit = sm.OLS(r["t"], X).fit()
            h = fit.params.iloc[1:].to_numpy()
            hedged = r["t"] - r.iloc[:, 1:].to_numpy() @ h
            # Condition number of the centred proxies scaled to unit length.
            Z = r.iloc[:, 1:] - r.iloc[:, 1:].mean()
            Z = Z / np.sqrt((Z ** 2).sum())
            condition = np.linalg.cond(Z.to_numpy())
            for k, proxy in enumerate(proxies):
                column = f"x{k}"
                writer.writerow([name, target, " ".join(proxies), options, proxy, len(r)] +
                                [repr(float(v)) for v in [
                                    fit.params[column], fit.bse[column], fit.tvalues[column],
                                    *interval(fit, column), fit.params["const"],
                                    fit.rsquared, 1 - hedged.var() / r["t"].var(), r["t"].std(),
                                    hedged.std(), condition]])


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
    """the contract's backtest, written as a plain loop over rebalancing dates."""
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
        f.write("# Made by tests/golden/make_golden.py: the contract's backtest as a plain loop.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "n", "effectiveness", "effectiveness_naive",
                         "effectiveness_in_sample"])
        for name, b in summary:
            writer.writerow([name, b["n"]] + [repr(float(b[k])) for k in
                            ["effectiveness", "effectiveness_naive", "effectiveness_in_sample"]])


def main():
    write_fixtures()
    write_issue5_fixtures()
    write_rolling_golden()
    write_basket_golden()
    out_path = os.path.join(ROOT, "tests/golden/single_pair.csv")
    with open(out_path, "w", newline="") as f:
        f.write(f"# Made by tests/golden/make_golden.py with pandas {pd.__version__}, "
                f"statsmodels {statsmodels.__version__}; do not edit by hand.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "target", "proxy", "options"] + FIELDS)
        for name, target, proxy, options in CASES:
            values = analyse(target, proxy, options.split())
            writer.writerow([name, target, proxy, options] +
                            [repr(float(values[k])) if isinstance(values[k], (float, np.floating))
                             else values[k] for k in FIELDS])
    print("wrote", out_path)


if __name__ == "__main__":
    main()
