#!/usr/bin/env python3
"""Writes the synthetic sample prices in data/ (see data/README.md).

Seeded and standard-library only, so the files are reproducible:
    python3 data/generate.py
"""
import datetime as dt
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

# True parameters, repeated in data/README.md.
JETFUEL = dict(beta=0.78, correlation=0.928, futures_vol=0.0313)  # Hull, Example 3.3
CRYPTO = dict(beta=1.4, correlation=0.75, proxy_vol=0.030, target_drift=0.0005)
EQUITY = dict(beta=1.2, correlation=0.60, proxy_vol=0.011, target_drift=0.0002)
MARKET_HOLIDAYS = {"2023-01-16", "2023-02-20", "2023-04-07", "2023-05-29", "2023-06-19",
                   "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25", "2024-01-01",
                   "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19",
                   "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"}


def pair_returns(rng, days, beta, correlation, proxy_vol, target_drift):
    """Proxy returns ~ N(0, proxy_vol); target = drift + beta*proxy + noise with the
    noise scaled so that corr(target, proxy) = correlation."""
    systematic = beta * proxy_vol
    noise_vol = systematic * math.sqrt(1 / correlation**2 - 1)
    out = []
    for _ in days:
        p = rng.gauss(0.0, proxy_vol)
        t = target_drift + beta * p + rng.gauss(0.0, noise_vol)
        out.append((t, p))
    return out


def prices_from(returns, start):
    level, out = start, []
    for r in returns:
        level *= 1.0 + r
        out.append(level)
    return out


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


def ohlc(rng, close, previous):
    high = max(close, previous) * (1 + abs(rng.gauss(0, 0.004)))
    low = min(close, previous) * (1 - abs(rng.gauss(0, 0.004)))
    return previous, high, low


def main():
    rng = random.Random(20261124)

    # Crypto: every calendar day of 2023-2024.
    days = [dt.date(2023, 1, 1) + dt.timedelta(d) for d in range(731)]
    crypto = pair_returns(rng, days, **CRYPTO)
    token = prices_from([t for t, _ in crypto], 2.40)
    btc = prices_from([p for _, p in crypto], 16600.0)
    outage = {days[200], days[201], days[455]}  # the token's feed missed these days
    write("token.csv", "snapped_at,price,market_cap,total_volume",
          [(f"{d.isoformat()} 00:00:00 UTC", "" if d in outage else f"{px:.6f}",
            f"{px * 4.1e8:.0f}", f"{rng.uniform(2e7, 9e7):.0f}")
           for d, px in zip(days, token)])
    rows, previous = [], 16550.0
    for d, close in zip(days, btc):
        o, h, l = ohlc(rng, close, previous)
        rows.append((d.isoformat(), f"{o:.2f}", f"{h:.2f}", f"{l:.2f}", f"{close:.2f}",
                     f"{close:.2f}", f"{rng.uniform(1e10, 4e10):.0f}"))
        previous = close
    write("btc.csv", "Date,Open,High,Low,Close,Adj Close,Volume", rows)

    # Equity: business days without US market holidays; the stock was halted twice.
    business = [d for d in days if d.weekday() < 5 and d.isoformat() not in MARKET_HOLIDAYS]
    equity = pair_returns(rng, business, **EQUITY)
    acme = prices_from([t for t, _ in equity], 84.0)
    index = prices_from([p for _, p in equity], 3850.0)
    halted = {business[87], business[301]}
    rows, previous = [], 83.5
    for d, close in zip(business, acme):
        o, h, l = ohlc(rng, close, previous)
        previous = close
        if d in halted:
            continue
        # Adj Close differs from Close by a dividend adjustment factor.
        rows.append((d.isoformat(), f"{o:.2f}", f"{h:.2f}", f"{l:.2f}", f"{close:.2f}",
                     f"{close * 0.985:.4f}", f"{rng.uniform(1e6, 5e6):.0f}"))
    write("acme.csv", "Date,Open,High,Low,Close,Adj Close,Volume", rows)
    write("index.csv", "Date,Close", [(d.isoformat(), f"{px:.2f}") for d, px in zip(business, index)])

    # The same prices as other sources export them (no new random draws, so the files
    # above stay as they were): a US-dated token file, a European index export, and one
    # wide sheet of all four closes for matrix.
    write("token_us.csv", "Date,Price",
          [(f"{d.month:02d}/{d.day:02d}/{d.year}", "" if d in outage else f"{px:.6f}")
           for d, px in zip(days, token)])
    with open(os.path.join(HERE, "index_eu.csv"), "w", newline="") as f:
        f.write("Datum;Schlusskurs\n")
        for d, px in zip(business, index):
            whole, cents = f"{px:.2f}".split(".")
            f.write(f"{d.day:02d}.{d.month:02d}.{d.year};{int(whole):,}".replace(",", ".") +
                    f",{cents}\n")
    closes = {"token": {d: f"{px:.6f}" for d, px in zip(days, token) if d not in outage},
              "btc": {d: f"{px:.2f}" for d, px in zip(days, btc)},
              "acme": {d: f"{px:.2f}" for d, px in zip(business, acme) if d not in halted},
              "index": {d: f"{px:.2f}" for d, px in zip(business, index)}}
    write("prices_wide.csv", "Date," + ",".join(closes),
          [[d.isoformat()] + [column.get(d, "") for column in closes.values()] for d in days])

    jet_fuel_and_heating_oil()


def jet_fuel_and_heating_oil():
    """Month-end prices in dollars a gallon: monthly changes of jet fuel = 0.78 x those of
    heating-oil futures + noise, correlation 0.928 (Hull's Example 3.3, for a hedge in
    units: --returns diff). Its own seed, so the files above do not depend on it."""
    rng = random.Random(33)
    months = []
    for year in range(2019, 2025):
        for month in range(1, 13):
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            months.append(following - dt.timedelta(1))
    beta, rho, vol = JETFUEL["beta"], JETFUEL["correlation"], JETFUEL["futures_vol"]
    noise_vol = beta * vol * math.sqrt(1 / rho**2 - 1)
    jet, oil = [1.95], [2.00]
    for _ in months[1:]:
        change = rng.gauss(0.0, vol)
        oil.append(oil[-1] + change)
        jet.append(jet[-1] + beta * change + rng.gauss(0.0, noise_vol))
    write("jetfuel.csv", "Date,Price", [(d.isoformat(), f"{px:.4f}") for d, px in zip(months, jet)])
    write("heatingoil.csv", "Date,Settle",
          [(d.isoformat(), f"{px:.4f}") for d, px in zip(months, oil)])


if __name__ == "__main__":
    main()
