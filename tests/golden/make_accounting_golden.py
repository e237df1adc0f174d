#!/usr/bin/env python3
"""Golden values for --accounting from scipy.stats.linregress (Debian's python3-scipy,
-pandas; /usr/bin/python3): the hedge as traded (whole contracts x contract size x the
last aligned proxy price, or h X without --contract-size; units for diff returns), the
regression of its changes on the item's, and the dollar offset. Writes
tests/golden/accounting.csv (case, args, field, value).

    /usr/bin/python3 tests/golden/make_accounting_golden.py
"""
import math
import os

import numpy as np
import pandas as pd
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prices(path, date_col, price_col):
    frame = pd.read_csv(os.path.join(ROOT, path))[[date_col, price_col]].dropna()
    return pd.Series(frame[price_col].values, index=frame[date_col].str[:10])


def case(target, proxy, kind, exposure, contract_size):
    joined = pd.concat([target, proxy], axis=1, join="inner").sort_index().values
    if kind == "diff":
        r = joined[1:] - joined[:-1]
    else:
        r = joined[1:] / joined[:-1] - 1
    rt, rp = r[:, 0], r[:, 1]
    h = stats.linregress(rp, rt).slope
    price = joined[-1, 1]
    units = h * exposure if kind == "diff" else h * exposure / price
    if contract_size is not None:
        units = math.floor(abs(units) / contract_size + 0.5) * contract_size * np.sign(units)
    size = units if kind == "diff" else units * price
    item, hedge = exposure * rt, -size * rp
    fit = stats.linregress(item, hedge)
    offset = hedge.sum() / item.sum()
    # The hedge must offset 80% to 125% of the item's change in the opposite direction.
    in_range = int(np.sum((hedge / item >= -1.25) & (hedge / item <= -0.8)))
    return {
        "regression_slope": fit.slope, "regression_r_squared": fit.rvalue ** 2,
        "regression_p": fit.pvalue,
        "regression_pass": str(-1.25 <= fit.slope <= -0.8 and fit.rvalue ** 2 >= 0.8 and fit.pvalue < 0.05).lower(),
        "dollar_offset": offset, "dollar_offset_pass": str(-1.25 <= offset <= -0.8).lower(),
        "periods_in_range": in_range, "periods": len(item),
    }


def main():
    jet, oil = prices("data/jetfuel.csv", "Date", "Price"), prices("data/heatingoil.csv", "Date", "Settle")
    token, btc = prices("data/token.csv", "snapped_at", "price"), prices("data/btc.csv", "Date", "Adj Close")
    acme, index = prices("data/acme.csv", "Date", "Adj Close"), prices("data/index.csv", "Date", "Close")
    cases = [
        ("hull_jet_fuel", "--accounting --returns diff --exposure 2000000 --contract-size 42000 "
         "data/jetfuel.csv data/heatingoil.csv", case(jet, oil, "diff", 2e6, 42000)),
        ("token_by_value", "--accounting --exposure 1000000 data/token.csv data/btc.csv",
         case(token, btc, "simple", 1e6, None)),
        ("equity_contracts", "--accounting --exposure 1000000 --contract-size 50 data/acme.csv data/index.csv",
         case(acme, index, "simple", 1e6, 50)),
    ]
    with open(os.path.join(ROOT, "tests/golden/accounting.csv"), "w") as f:
        f.write("# Made by tests/golden/make_accounting_golden.py with scipy.stats.linregress.\n")
        f.write("case,args,field,value\n")
        for name, args, fields in cases:
            for field, value in fields.items():
                f.write(f"{name},{args},{field},{value!r}\n" if not isinstance(value, str)
                        else f"{name},{args},{field},{value}\n")


if __name__ == "__main__":
    main()
