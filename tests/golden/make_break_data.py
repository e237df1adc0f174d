#!/usr/bin/env python3
"""Writes the price pairs of the break tests under tests/data/stability/ (seeded,
standard library only):

- planted_target.csv / planted_proxy.csv: 600 daily returns whose beta jumps from 1.2
  to 0.4 at the 360th return (2024-12-27 is the first return after the break);
- steady_target.csv / steady_proxy.csv: 600 returns with beta 1.0 throughout.

    /usr/bin/python3 tests/golden/make_break_data.py
"""
import datetime as dt
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "stability")
START = dt.date(2024, 1, 1)
RETURNS = 600
BREAK = 360  # returns before the break


def write(name, prices):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("Date,Close\n")
        for i, p in enumerate(prices):
            f.write(f"{START + dt.timedelta(days=i)},{p:.10g}\n")


def pair(seed, beta_before, beta_after):
    rng = random.Random(seed)
    target, proxy = [100.0], [50.0]
    for i in range(RETURNS):
        rp = rng.gauss(0.0, 0.02)
        beta = beta_before if i < BREAK else beta_after
        rt = 0.0002 + beta * rp + rng.gauss(0.0, 0.01)
        proxy.append(proxy[-1] * (1 + rp))
        target.append(target[-1] * (1 + rt))
    return target, proxy


os.makedirs(OUT, exist_ok=True)
t, p = pair(20261202, 1.2, 0.4)
write("planted_target.csv", t)
write("planted_proxy.csv", p)
t, p = pair(13, 1.0, 1.0)
write("steady_target.csv", t)
write("steady_proxy.csv", p)
