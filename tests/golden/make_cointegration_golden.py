#!/usr/bin/python3
"""Reference values of --cointegration (Debian's python3-statsmodels 0.13 and R's urca),
written to tests/golden/cointegration.csv (case, args, field, value):

    /usr/bin/python3 tests/golden/make_cointegration_golden.py

Per case, on the aligned levels (log prices; prices with --returns diff):
- statsmodels `coint(trend="c", autolag="aic")`: the statistic, p-value and critical
  values; `adfuller(residuals, regression="n", autolag="aic")` for the lag it chose;
- `coint_johansen(levels, det_order=0, k_ar_diff=L)`: trace and max-eigenvalue statistics
  and their 95% critical values; the same statistics from R urca `ca.jo(ecdet = "none",
  K = L + 1)` as trace_urca / max_eigen_urca, which hedgecalc must match as well (ca.jo
  takes K >= 2, so the case without lagged differences has none);
- statsmodels OLS for the levels regression, the half-life and the error-correction ratio.

It also writes the simulated pairs under tests/data/cointegration/: one cointegrated
pair, and independent random walks (one file per seed).
"""
import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.stattools import adfuller, coint
from statsmodels.tsa.vector_ar.vecm import coint_johansen

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import ROOT, read_series  # noqa: E402

DATA = "tests/data/cointegration"
WALK_SEEDS = [1, 2, 3, 4, 5, 6]


def write_pair(name, target, proxy):
    days = pd.date_range("2020-01-01", periods=len(target), freq="D")
    with open(os.path.join(ROOT, DATA, name), "w") as f:
        f.write("date,target,proxy\n")
        for d, t, p in zip(days, target, proxy):
            f.write(f"{d.date()},{t!r},{p!r}\n")


def write_fixtures():
    rng = np.random.default_rng(20261203)
    n = 1500
    proxy = np.cumsum(rng.normal(0, 0.01, n))
    spread = np.zeros(n)
    for t in range(1, n):  # an AR(1) spread with phi = 0.9: half-life about 6.6
        spread[t] = 0.9 * spread[t - 1] + rng.normal(0, 0.005)
    write_pair("cointegrated.csv", 50 * np.exp(0.3 + 1.4 * proxy + spread), 20 * np.exp(proxy))
    for seed in WALK_SEEDS:
        walk = np.random.default_rng(seed)
        a = np.cumsum(walk.normal(0, 0.01, 1000))
        b = np.cumsum(walk.normal(0, 0.01, 1000))
        write_pair(f"walks_{seed}.csv", 100 * np.exp(a), 100 * np.exp(b))


def aligned_levels(target_spec, proxy_spec, diff):
    joined = pd.concat([read_series(target_spec), read_series(proxy_spec)], axis=1, join="inner").sort_index()
    levels = joined.values
    return levels if diff else np.log(levels)


def urca_johansen(levels, lags):
    """ca.jo's statistics, largest hypothesis last there: reversed to r = 0 first."""
    path = os.path.join("/tmp", "coint_levels.csv")
    np.savetxt(path, levels, delimiter=",", fmt="%.17g")
    script = (f"suppressMessages(library(urca)); x <- as.matrix(read.csv('{path}', header = FALSE)); "
              "for (t in c('trace', 'eigen')) { j <- ca.jo(x, type = t, ecdet = 'none', "
              f"K = {lags + 1}, spec = 'transitory'); cat(sprintf('%.17g', rev(j@teststat)), '\\n') }}")
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, check=True).stdout
    trace, eigen = ([float(v) for v in line.split()] for line in out.strip().splitlines())
    return trace, eigen


def case(levels, max_lags, johansen_lags):
    y, x = levels[:, 0], levels[:, 1]
    fields = {}
    levels_fit = sm.OLS(y, sm.add_constant(x)).fit()
    fields["level_intercept"], fields["level_ratio"] = levels_fit.params
    stat, p, crit = coint(y, x, trend="c", autolag="aic", maxlag=max_lags)
    adf = adfuller(levels_fit.resid, maxlag=max_lags, regression="n", autolag="aic")
    assert abs(adf[0] - stat) <= 1e-12 * abs(stat)
    fields.update(adf_statistic=stat, adf_lags=adf[2], p_value=p,
                  critical_1=crit[0], critical_5=crit[1], critical_10=crit[2])
    joh = coint_johansen(levels, det_order=0, k_ar_diff=johansen_lags)
    # ca.jo needs K >= 2: no urca values without lagged differences.
    trace_urca, eigen_urca = urca_johansen(levels, johansen_lags) if johansen_lags > 0 else (None, None)
    for i in range(2):
        fields[f"trace_{i}"] = joh.lr1[i]
        fields[f"max_eigen_{i}"] = joh.lr2[i]
        fields[f"trace_critical_95_{i}"] = joh.cvt[i, 1]
        fields[f"max_eigen_critical_95_{i}"] = joh.cvm[i, 1]
        if trace_urca:
            fields[f"trace_urca_{i}"] = trace_urca[i]
            fields[f"max_eigen_urca_{i}"] = eigen_urca[i]
    rank = 0
    while rank < 2 and joh.lr1[rank] > joh.cvt[rank, 1]:
        rank += 1
    fields["rank"] = rank
    spread = y - fields["level_intercept"] - fields["level_ratio"] * x
    ar = sm.OLS(np.diff(spread), sm.add_constant(spread[:-1])).fit()
    phi = ar.params[1]
    fields["half_life"] = -math.log(2) / math.log(1 + phi) if -1 < phi < 0 else ""
    fields["spread_last"] = spread[-1]
    fields["spread_z"] = (spread[-1] - spread.mean()) / spread.std(ddof=1)
    ecm = sm.OLS(np.diff(y), sm.add_constant(np.column_stack([np.diff(x), spread[:-1]]))).fit()
    fields["ecm_hedge_ratio"], fields["ecm_std_error"], fields["ecm_gamma"] = ecm.params[1], ecm.bse[1], ecm.params[2]
    return fields


def main():
    write_fixtures()
    pair = f"{DATA}/cointegrated.csv"
    cases = [
        ("sample_pair", "data/token.csv data/btc.csv", ("data/token.csv:price", "data/btc.csv:Adj Close"), False, None, 1),
        ("jet_fuel_diff", "--returns diff data/jetfuel.csv data/heatingoil.csv",
         ("data/jetfuel.csv:Price", "data/heatingoil.csv:Settle"), True, None, 1),
        ("cointegrated", f"{pair}:target {pair}:proxy", (f"{pair}:target", f"{pair}:proxy"), False, None, 1),
        ("cointegrated_lags", f"--adf-max-lags 4 --johansen-lags 3 {pair}:target {pair}:proxy",
         (f"{pair}:target", f"{pair}:proxy"), False, 4, 3),
        ("cointegrated_no_lags", f"--adf-max-lags 0 --johansen-lags 0 {pair}:target {pair}:proxy",
         (f"{pair}:target", f"{pair}:proxy"), False, 0, 0),
    ]
    for seed in WALK_SEEDS:
        walks = f"{DATA}/walks_{seed}.csv"
        cases.append((f"walks_{seed}", f"{walks}:target {walks}:proxy", (f"{walks}:target", f"{walks}:proxy"),
                      False, None, 1))
    with open(os.path.join(ROOT, "tests/golden/cointegration.csv"), "w") as f:
        f.write("# Made by tests/golden/make_cointegration_golden.py with statsmodels "
                f"{sm.__version__ if hasattr(sm, '__version__') else ''} and R urca.\n")
        f.write("case,args,field,value\n")
        for name, args, specs, diff, max_lags, johansen_lags in cases:
            for field, value in case(aligned_levels(*specs, diff), max_lags, johansen_lags).items():
                text = repr(float(value)) if isinstance(value, (float, np.floating)) else str(value)
                f.write(f"{name},--cointegration {args},{field},{text}\n")


if __name__ == "__main__":
    main()
