#!/usr/bin/env python3
"""Golden values for --horizons from pandas and statsmodels (/usr/bin/python3 with
Debian's python3-pandas and python3-statsmodels): for each K, every K-th joined row
counted back from the last, K-period returns, and statsmodels OLS with a constant
(classical, or HAC with floor(4 (n/100)^(2/9)) lags and no small-sample factor).
Writes tests/golden/horizons.csv (case, args, horizon, field, value).

    /usr/bin/python3 tests/golden/make_horizons_golden.py
"""
import math
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prices(path, date_col, price_col):
    frame = pd.read_csv(os.path.join(ROOT, path))[[date_col, price_col]].dropna()
    return pd.Series(frame[price_col].values, index=frame[date_col].str[:10])


def fit(target, proxy, k, kind, hac):
    joined = pd.concat([target, proxy], axis=1, join="inner").sort_index().values
    rows = joined[::-1][::k][::-1]  # every K-th row counted back from the last
    r = np.log(rows[1:] / rows[:-1]) if kind == "log" else rows[1:] / rows[:-1] - 1
    y, x = r[:, 0], r[:, 1]
    model = sm.OLS(y, sm.add_constant(x))
    n = len(y)
    result = (model.fit(cov_type="HAC", cov_kwds={"maxlags": int(math.floor(4 * (n / 100) ** (2 / 9)))})
              if hac else model.fit())
    resid_var = np.var(y - result.params[1] * x, ddof=1)
    return {"n": n, "hedge_ratio": result.params[1], "std_error": result.bse[1],
            "correlation": np.corrcoef(x, y)[0, 1], "effectiveness": 1 - resid_var / np.var(y, ddof=1)}


def main():
    token, btc = prices("data/token.csv", "snapped_at", "price"), prices("data/btc.csv", "Date", "Adj Close")
    acme, index = prices("data/acme.csv", "Date", "Adj Close"), prices("data/index.csv", "Date", "Close")
    cases = [("crypto", "--horizons 1,5,21 data/token.csv data/btc.csv", token, btc, (1, 5, 21), "simple", False),
             ("equity_log_hac", "--horizons 1,5,21,63 --returns log --se hac data/acme.csv data/index.csv",
              acme, index, (1, 5, 21, 63), "log", True)]
    with open(os.path.join(ROOT, "tests/golden/horizons.csv"), "w") as f:
        f.write("# Made by tests/golden/make_horizons_golden.py with pandas and statsmodels.\n")
        f.write("case,args,horizon,field,value\n")
        for name, args, t, p, ks, kind, hac in cases:
            for k in ks:
                for field, value in fit(t, p, k, kind, hac).items():
                    f.write(f'{name},"{args}",{k},{field},{value!r}\n')


if __name__ == "__main__":
    main()
