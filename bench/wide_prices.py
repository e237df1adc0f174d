#!/usr/bin/python3
"""A wide price file for matrix benchmarks: a date column and K price columns.

    /usr/bin/python3 bench/wide_prices.py K ROWS OUT.csv [SEED]

Business days from 2010-01-04; each column a market factor times its own beta plus its
own noise; 1% of cells empty at random and a tenth of the columns listed late (empty up
to a random row below 2,000), so that pairs have gaps to bridge. Columns are named
S0000, S0001, ... (their labels sort in column order). Needs Debian's python3-pandas.
"""
import sys

import numpy as np
import pandas as pd


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    k, rows, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) == 5 else 4)
    market = rng.normal(2e-4, 0.01, rows)
    beta = rng.uniform(0.3, 1.5, k)
    noise = rng.normal(0, 1, (rows, k)) * rng.uniform(0.005, 0.02, k)
    prices = rng.uniform(10, 500, k) * np.cumprod(1 + market[:, None] * beta + noise, axis=0)
    prices[rng.random((rows, k)) < 0.01] = np.nan
    for column in rng.choice(k, k // 10, replace=False):
        prices[: rng.integers(50, min(2000, rows)), column] = np.nan
    dates = pd.bdate_range("2010-01-04", periods=rows).strftime("%Y-%m-%d")
    frame = pd.DataFrame(prices, index=pd.Index(dates, name="date"),
                         columns=[f"S{j:04d}" for j in range(k)])
    frame.to_csv(out, float_format="%.4f", na_rep="")


if __name__ == "__main__":
    main()
