#!/usr/bin/env python3
"""Golden values for --risk, from numpy and scipy (Debian's python3-numpy, -scipy,
-pandas, run with /usr/bin/python3): quantiles by numpy.quantile (linear), ES as the mean
at or below it, drawdowns of the value path, scipy.stats.levene(center="median") for
Brown-Forsythe and scipy.stats.pearsonr of u + v with u - v for Pitman-Morgan; the hedge
ratios by numpy.linalg.lstsq. Writes tests/golden/risk.csv (case, args, field, value).

    /usr/bin/python3 tests/golden/make_risk_golden.py
"""
import os

import numpy as np
import pandas as pd
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prices(path, date_col, price_col):
    frame = pd.read_csv(os.path.join(ROOT, path))
    frame = frame[[date_col, price_col]].dropna()
    return pd.Series(frame[price_col].values, index=frame[date_col].str[:10], name=path)


def returns(kind, *series):
    joined = pd.concat(series, axis=1, join="inner").sort_index()
    values = joined.values
    if kind == "simple":
        r = values[1:] / values[:-1] - 1
    elif kind == "log":
        r = np.log(values[1:] / values[:-1])
    else:
        r = values[1:] - values[:-1]
    return r[:, 0], r[:, 1:]


def drawdown(x, kind):
    if kind == "diff":
        path = np.concatenate([[0.0], np.cumsum(x)])
        return float(np.max(np.maximum.accumulate(path) - path))
    path = np.concatenate([[1.0], np.exp(np.cumsum(x)) if kind == "log" else np.cumprod(1 + x)])
    peak = np.maximum.accumulate(path)
    return float(np.max((peak - path) / peak))


def measures(x, level, kind):
    q = np.quantile(x, 1 - level)
    return {"vol": float(np.std(x, ddof=1)), "lpm2": float(np.mean(np.maximum(-x, 0) ** 2)),
            "var": float(-q), "es": float(-np.mean(x[x <= q])), "max_drawdown": drawdown(x, kind)}


def report(u, v, level, kind):
    a, b = measures(u, level, kind), measures(v, level, kind)
    fields = {"level": level}
    for side, m in (("unhedged", a), ("hedged", b)):
        for key, value in m.items():
            fields[f"{side}_{key}"] = value
    fields["reduction_variance"] = 1 - b["vol"] ** 2 / a["vol"] ** 2
    for key in ("lpm2", "var", "es", "max_drawdown"):
        fields[f"reduction_{key}"] = 1 - b[key] / a[key]
    r, _ = stats.pearsonr(u + v, u - v)
    df = len(u) - 2
    t = r * np.sqrt(df / (1 - r * r))
    fields["pitman_morgan_t"] = float(t)
    fields["pitman_morgan_p"] = float(2 * stats.t.sf(abs(t), df))
    w, p = stats.levene(u, v, center="median")
    fields["brown_forsythe_w"] = float(w)
    fields["brown_forsythe_p"] = float(p)
    return fields


def hedged(u, proxies):
    design = np.column_stack([np.ones(len(u)), proxies])
    beta = np.linalg.lstsq(design, u, rcond=None)[0]
    return u - proxies @ beta[1:]


def backtest_hedged(u, p, window, rebalance):
    """The rolling-window backtest as docs/hedgecalc.md describes it (pandas rolling)."""
    up, pp = pd.Series(u), pd.Series(p)
    ratio = (up.rolling(window).cov(pp) / pp.rolling(window).var()).values
    held, out = 0.0, []
    for t in range(window, len(u)):
        if (t - window) % rebalance == 0 and not np.isnan(ratio[t - 1]):
            held = ratio[t - 1]
        out.append(u[t] - held * p[t])
    return np.array(out)


def main():
    token = prices("data/token.csv", "snapped_at", "price")
    btc = prices("data/btc.csv", "Date", "Adj Close")
    acme = prices("data/acme.csv", "Date", "Adj Close")
    index = prices("data/index.csv", "Date", "Close")
    jet = prices("data/jetfuel.csv", "Date", "Price")
    oil = prices("data/heatingoil.csv", "Date", "Settle")
    cases = []
    for name, args, kind, level, series in [
        ("crypto_95", "--risk data/token.csv data/btc.csv", "simple", 0.95, (token, btc)),
        ("crypto_99", "--risk --var-level 0.99 data/token.csv data/btc.csv", "simple", 0.99, (token, btc)),
        ("equity_log", "--risk --returns log data/acme.csv data/index.csv", "log", 0.95, (acme, index)),
        ("jetfuel_diff", "--risk --var-level 0.9 --returns diff data/jetfuel.csv data/heatingoil.csv",
         "diff", 0.9, (jet, oil)),
        ("basket", "--risk data/acme.csv data/index.csv data/btc.csv", "simple", 0.95, (acme, index, btc)),
    ]:
        u, proxies = returns(kind, *series)
        cases.append((name, args, report(u, hedged(u, proxies), level, kind)))
    u, proxies = returns("simple", token, btc)
    bt = measures(backtest_hedged(u, proxies[:, 0], 60, 5), 0.95, "simple")
    fields = report(u, hedged(u, proxies), 0.95, "simple")
    fields.update({f"backtest_hedged_{k}": v for k, v in bt.items()})
    cases.append(("backtest", "--risk --window 60 --rebalance 5 data/token.csv data/btc.csv", fields))
    with open(os.path.join(ROOT, "tests/golden/risk.csv"), "w") as f:
        f.write("# Made by tests/golden/make_risk_golden.py with numpy and scipy.\n")
        f.write("case,args,field,value\n")
        for name, args, fields in cases:
            for field, value in fields.items():
                f.write(f"{name},{args},{field},{value!r}\n")


if __name__ == "__main__":
    main()
