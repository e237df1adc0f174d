#!/usr/bin/env python3
"""Golden values for backtests with costs (--cost-bps, --rebalance-band, --carry,
--carry-series), computed by a plain Python loop over the dates, independent of
hedgecalc: read the CSVs, inner-join on the date, simple returns, each window's OLS ratio
by the two-pass formula, then the backtest exactly as docs/hedgecalc.md describes it.

Writes tests/data/costs/funding.csv (per-period funding rates with gaps) and
tests/golden/costs.csv (summary fields) and tests/golden/costs_series.csv (one case date
by date). Standard library only:  /usr/bin/python3 tests/golden/make_cost_golden.py
"""
import csv
import datetime as dt
import math
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_prices(path, date_col, price_col):
    with open(os.path.join(ROOT, path), newline="") as f:
        rows = list(csv.DictReader(f))
    prices = {}
    for row in rows:
        text = row[price_col].strip()
        if text == "":
            continue
        prices[row[date_col][:10]] = float(text)
    return prices


def returns_of(target_path, target_cols, proxy_path, proxy_cols):
    t = read_prices(target_path, *target_cols)
    p = read_prices(proxy_path, *proxy_cols)
    dates = sorted(set(t) & set(p))
    rt = [t[dates[i]] / t[dates[i - 1]] - 1 for i in range(1, len(dates))]
    rp = [p[dates[i]] / p[dates[i - 1]] - 1 for i in range(1, len(dates))]
    return dates[1:], rt, rp


def mean(x):
    return sum(x) / len(x)


def variance(x):
    m = mean(x)
    return sum((v - m) ** 2 for v in x) / (len(x) - 1)


def window_ratio(rt, rp):
    mt, mp = mean(rt), mean(rp)
    cov = sum((a - mt) * (b - mp) for a, b in zip(rt, rp))
    var = sum((b - mp) ** 2 for b in rp)
    return cov / var if var > 0 else math.nan


def carry_asof(dates, rate_file):
    with open(os.path.join(ROOT, rate_file), newline="") as f:
        rates = [(row["date"], float(row["rate"])) for row in csv.DictReader(f)]
    out, r = [], 0
    for d in dates:
        while r < len(rates) and rates[r][0] <= d:
            r += 1
        out.append(rates[r - 1][1] if r > 0 else math.nan)
    return out


def backtest(rt, rp, window, rebalance, cost_bps=0.0, band=0.0, carry=None):
    n = len(rt)
    ratio_by_date = [math.nan] * n
    for t in range(window - 1, n):
        ratio_by_date[t] = window_ratio(rt[t - window + 1:t + 1], rp[t - window + 1:t + 1])
    held, hedging = 0.0, False
    turnover, trades, fees, carried = 0.0, 0, 0.0, 0.0
    rows = []
    for t in range(window, n):
        cost = 0.0
        if (t - window) % rebalance == 0 and not math.isnan(ratio_by_date[t - 1]):
            proposed = ratio_by_date[t - 1]
            change = abs(proposed - held)
            if not hedging or change > band * abs(held):
                turnover += change
                trades += change > 0
                cost += cost_bps / 10000.0 * change
                fees += cost_bps / 10000.0 * change
                held, hedging = proposed, True
        if carry is not None:
            cost += held * carry[t]
            carried += held * carry[t]
        hedged = rt[t] - held * rp[t]
        rows.append((t, held, hedged, cost, hedged - cost))
    target = [rt[t] for t, *_ in rows]
    hedged = [h for _, _, h, _, _ in rows]
    net = [x for *_, x in rows]
    summary = {
        "n": len(rows),
        "effectiveness": 1 - variance(hedged) / variance(target),
        "turnover": turnover,
        "trades": trades,
        "cost": fees + carried,
        "cost_trading": fees,
        "cost_carry": carried,
        "effectiveness_net": 1 - variance(net) / variance(target),
        "mean_hedged_net": mean(net),
    }
    return summary, rows


def write_funding():
    """Funding rates every 8 days with a 40-day hole, of both signs (a perpetual's)."""
    day, rows = dt.date(2023, 1, 1), []
    while day <= dt.date(2024, 12, 31):
        if not (dt.date(2023, 9, 1) <= day < dt.date(2023, 10, 11)):
            k = (day - dt.date(2023, 1, 1)).days
            rows.append((day.isoformat(), f"{0.0003 * math.sin(k / 37.0) + 0.0001:.8f}"))
        day += dt.timedelta(8)
    with open(os.path.join(ROOT, "tests/data/costs/funding.csv"), "w", newline="") as f:
        f.write("date,rate\n")
        for d, r in rows:
            f.write(f"{d},{r}\n")


def main():
    write_funding()
    crypto = returns_of("data/token.csv", ("snapped_at", "price"), "data/btc.csv", ("Date", "Adj Close"))
    equity = returns_of("data/acme.csv", ("Date", "Adj Close"), "data/index.csv", ("Date", "Close"))
    # case, arguments (after hedgecalc), returns, window, rebalance, fee, band, carry
    cases = [
        ("fees", "--window 60 --rebalance 5 --cost-bps 10 data/token.csv data/btc.csv",
         crypto, 60, 5, 10.0, 0.0, None),
        ("band", "--window 60 --rebalance 5 --cost-bps 10 --rebalance-band 0.05 data/token.csv data/btc.csv",
         crypto, 60, 5, 10.0, 0.05, None),
        ("carry_series", "--window 60 --rebalance 5 --cost-bps 10 --rebalance-band 0.05 "
         "--carry-series tests/data/costs/funding.csv data/token.csv data/btc.csv",
         crypto, 60, 5, 10.0, 0.05, carry_asof(crypto[0], "tests/data/costs/funding.csv")),
        ("carry_365", "--window 30 --rebalance 7 --cost-bps 25 --rebalance-band 0.1 --carry 0.08 "
         "--periods-per-year 365 data/token.csv data/btc.csv",
         crypto, 30, 7, 25.0, 0.1, [0.08 / 365] * len(crypto[1])),
        # A business-day calendar: --carry takes 252 periods a year from the dates.
        ("carry_auto_252", "--window 40 --rebalance 10 --cost-bps 5 --carry 0.03 data/acme.csv data/index.csv",
         equity, 40, 10, 5.0, 0.0, [0.03 / 252] * len(equity[1])),
    ]
    with open(os.path.join(ROOT, "tests/golden/costs.csv"), "w", newline="") as f:
        f.write("# Made by tests/golden/make_cost_golden.py: backtests with costs as a plain Python loop.\n")
        f.write("case,args,field,value\n")
        for name, args, (dates, rt, rp), w, k, fee, band, carry in cases:
            summary, rows = backtest(rt, rp, w, k, fee, band, carry)
            for field, value in summary.items():
                f.write(f'{name},{args},{field},{value!r}\n')
            if name == "carry_series":
                with open(os.path.join(ROOT, "tests/golden/costs_series.csv"), "w", newline="") as g:
                    g.write("# Made by tests/golden/make_cost_golden.py: the carry_series case date by date.\n")
                    g.write("date,backtest_ratio,backtest_hedged_return,cost,backtest_net_return,"
                            "value_unhedged,value_hedged,value_net\n")
                    unhedged_value = hedged_value = net_value = 1.0
                    for t, held, hedged, cost, net in rows:
                        unhedged_value *= 1 + rt[t]
                        hedged_value *= 1 + hedged
                        net_value *= 1 + net
                        g.write(f"{dates[t]},{held!r},{hedged!r},{cost!r},{net!r},"
                                f"{unhedged_value!r},{hedged_value!r},{net_value!r}\n")


if __name__ == "__main__":
    main()
