#!/usr/bin/python3
"""Reference values of --dcc, written to tests/golden/dcc.csv (case, field, date, value):

    /usr/bin/python3 tests/golden/make_dcc_golden.py

It writes the returns of each case to tests/data/dcc/CASE.csv (date,target,proxy, as
repr of doubles), so that hedgecalc and this script read the same numbers:
- sample: the sample pair (data/token.csv:price on data/btc.csv:Adj Close), simple returns
  of the prices aligned on their dates, as hedgecalc computes them;
- eustock: FTSE on DAX from R's EuStockMarkets (1,860 business days, 1991-1998), simple
  returns; the dates are the rows' order counted as days (the data set has none);
- simulated: 2,000 returns of a DCC-GARCH pair with known parameters (seed 7).

Per case and series:
- the SPEC recursion written once, as a plain loop (garch_variances, garch_loglik);
- R fGarch `garchFit(~garch(1, 1), cond.dist = "norm")`'s estimate and its
  log-likelihood by that recursion (fgarch_*);
- scipy's maximum of the same function from a grid of starts, SLSQP then Nelder-Mead
  (scipy_*); hedgecalc's maximum must be at least the larger of the two minus 1e-6;
- the variances at scipy's parameters on every 5th date and the last two (variance).
Per case, on z from scipy's GARCH parameters:
- the correlations, and the hedge ratios rho_t s_T,t / s_P,t, at a = 0.04, b = 0.93 by
  a plain loop, on every 5th date and the last two (rho, ratio), and the second-step
  log-likelihood there (given_loglik);
- scipy's maximum of the second step from a grid of starts (scipy_dcc_*).
"""
import math
import os
import subprocess
import tempfile

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from make_golden import ROOT, read_series

GIVEN_A, GIVEN_B = 0.04, 0.93


def garch_variances(r, mu, omega, alpha, beta):
    """s2_1..s2_n, s2_{n+1}: the contract's recursion, s2_1 the mean of e^2."""
    e = [x - mu for x in r]
    s2 = [sum(x * x for x in e) / len(e)]
    for x in e:
        s2.append(omega + alpha * x * x + beta * s2[-1])
    return s2


def garch_loglik(r, params):
    s2 = garch_variances(r, *params)
    return -0.5 * sum(math.log(2 * math.pi) + math.log(v) + (x - params[0]) ** 2 / v
                      for x, v in zip(r, s2))


def fast_loglik(x, p):
    """The same function on numpy arrays, for the optimiser."""
    mu, omega, alpha, beta = p
    if omega <= 0 or alpha < 0 or beta < 0 or alpha + beta >= 1:
        return -1e300
    e = x - mu
    s2 = np.empty(len(x))
    s2[0] = np.mean(e * e)
    for t in range(1, len(x)):
        s2[t] = omega + alpha * e[t - 1] ** 2 + beta * s2[t - 1]
    return -0.5 * np.sum(np.log(2 * np.pi) + np.log(s2) + e * e / s2)


def fgarch(r):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(repr(x) for x in r))
        path = f.name
    script = ("suppressMessages(library(fGarch)); x <- scan('%s', quiet = TRUE); "
              "fit <- garchFit(~garch(1, 1), data = x, cond.dist = 'norm', trace = FALSE); "
              "cat(sprintf('%%.17g', coef(fit)[c('mu', 'omega', 'alpha1', 'beta1')]))" % path)
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, check=True)
    os.unlink(path)
    return [float(v) for v in out.stdout.split()]


def scipy_garch(r):
    """Best of SLSQP from a grid of starts, each polished by Nelder-Mead, on returns
    scaled to unit variance (the likelihood moves by n log c)."""
    c = float(np.std(r))
    x = np.asarray(r) / c
    best = None
    for alpha in (0.02, 0.05, 0.1, 0.2):
        for beta in (0.5, 0.8, 0.9, 0.95):
            if alpha + beta >= 0.999:
                continue
            start = [float(np.mean(x)), 1 - alpha - beta, alpha, beta]
            fit = minimize(lambda p: -fast_loglik(x, p), start, method="SLSQP",
                           bounds=[(None, None), (1e-12, None), (0, 1), (0, 1)],
                           constraints=[{"type": "ineq", "fun": lambda p: 1 - 1e-8 - p[2] - p[3]}],
                           options={"ftol": 1e-15, "maxiter": 1000})
            fit = minimize(lambda p: -fast_loglik(x, p), fit.x, method="Nelder-Mead",
                           options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 20000})
            if best is None or fit.fun < best.fun:
                best = fit
    mu, omega, alpha, beta = best.x
    return [mu * c, omega * c * c, alpha, beta]


def correlations(zt, zp, a, b):
    """rho_1..rho_n, rho_{n+1}: Q_1 = Qbar = the sample correlation of z."""
    qbar = float(np.corrcoef(zt, zp)[0, 1])
    q = [1.0, 1.0, qbar]
    rho = []
    for t in range(len(zt) + 1):
        rho.append(q[2] / math.sqrt(q[0] * q[1]))
        if t == len(zt):
            break
        q = [(1 - a - b) + a * zt[t] ** 2 + b * q[0], (1 - a - b) + a * zp[t] ** 2 + b * q[1],
             (1 - a - b) * qbar + a * zt[t] * zp[t] + b * q[2]]
    return rho


def dcc_loglik(zt, zp, a, b):
    if a < 0 or b < 0 or a + b >= 1:
        return -1e300
    rho = correlations(zt, zp, a, b)[:-1]
    total = 0.0
    for x, y, r in zip(zt, zp, rho):
        one = 1 - r * r
        total += math.log(one) + (x * x + y * y - 2 * r * x * y) / one - (x * x + y * y)
    return -0.5 * total


def scipy_dcc(zt, zp):
    best = None
    for a in (0.01, 0.03, 0.08):
        for b in (0.5, 0.9, 0.97):
            if a + b >= 0.999:
                continue
            fit = minimize(lambda p: -dcc_loglik(zt, zp, *p), [a, b], method="Nelder-Mead",
                           options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 20000})
            if best is None or fit.fun < best.fun:
                best = fit
    return list(best.x), -best.fun


def simulate(n, seed):
    """A DCC-GARCH(1,1) pair: GARCH (1e-5, 0.08, 0.9) and (2e-6, 0.05, 0.93), a = 0.05,
    b = 0.9, Qbar correlation 0.6."""
    rng = np.random.default_rng(seed)
    s2 = [1e-5 / 0.02, 2e-6 / 0.02]
    q = np.array([[1, 0.6], [0.6, 1]])
    qbar = q.copy()
    out = []
    for _ in range(n):
        d = np.sqrt(np.diag(q))
        corr = q / np.outer(d, d)
        z = np.linalg.cholesky(corr) @ rng.standard_normal(2)
        e = z * np.sqrt(s2)
        out.append((0.0005 + e[0], 0.0002 + e[1]))
        s2 = [1e-5 + 0.08 * e[0] ** 2 + 0.9 * s2[0], 2e-6 + 0.05 * e[1] ** 2 + 0.93 * s2[1]]
        q = 0.05 * qbar + 0.05 * np.outer(z, z) + 0.9 * q
    return [x for x, _ in out], [y for _, y in out]


def cases():
    target, proxy = read_series("data/token.csv:price"), read_series("data/btc.csv:Adj Close")
    joined = pd.concat([target, proxy], axis=1, join="inner").dropna()
    returns = joined.iloc[1:].values / joined.iloc[:-1].values - 1
    dates = [t.strftime("%Y-%m-%d") for t in joined.index[1:]]
    yield "sample", dates, list(returns[:, 0]), list(returns[:, 1])
    r_out = subprocess.run(["Rscript", "-e", "write.csv(EuStockMarkets, stdout(), row.names = FALSE)"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    prices = np.array([[float(v) for v in line.split(",")] for line in r_out[1:]])
    ftse, dax = prices[:, 3], prices[:, 0]
    days = pd.date_range("1991-07-01", periods=len(ftse) - 1, freq="D")
    yield ("eustock", [d.strftime("%Y-%m-%d") for d in days], list(ftse[1:] / ftse[:-1] - 1),
           list(dax[1:] / dax[:-1] - 1))
    t, p = simulate(2000, 7)
    days = pd.date_range("2000-01-01", periods=len(t), freq="D")
    yield "simulated", [d.strftime("%Y-%m-%d") for d in days], t, p


def sampled(n):
    return sorted(set(list(range(0, n, 5)) + [n - 2, n - 1]))


def main():
    rows = []
    for name, dates, target, proxy in cases():
        with open(os.path.join(ROOT, "tests/data/dcc", name + ".csv"), "w") as f:
            f.write("date,target,proxy\n")
            for d, x, y in zip(dates, target, proxy):
                f.write("%s,%r,%r\n" % (d, x, y))
        z = {}
        variances = {}
        for series, r in (("target", target), ("proxy", proxy)):
            for source, params in (("fgarch", fgarch(r)), ("scipy", scipy_garch(r))):
                for key, value in zip(("mu", "omega", "alpha", "beta"), params):
                    rows.append((name, "%s_%s_%s" % (source, series, key), "", value))
                rows.append((name, "%s_%s_loglik" % (source, series), "", garch_loglik(r, params)))
            s2 = garch_variances(r, *params)  # scipy's
            variances[series] = s2
            for t in sampled(len(s2)):
                rows.append((name, "variance_" + series, t, s2[t]))
            z[series] = [(x - params[0]) / math.sqrt(v) for x, v in zip(r, s2)]
        rho = correlations(z["target"], z["proxy"], GIVEN_A, GIVEN_B)
        for t in sampled(len(rho)):
            rows.append((name, "rho", t, rho[t]))
            ratio = rho[t] * math.sqrt(variances["target"][t] / variances["proxy"][t])
            rows.append((name, "ratio", t, ratio))
        rows.append((name, "given_a", "", GIVEN_A))
        rows.append((name, "given_b", "", GIVEN_B))
        rows.append((name, "given_loglik", "", dcc_loglik(z["target"], z["proxy"], GIVEN_A, GIVEN_B)))
        (a, b), loglik = scipy_dcc(z["target"], z["proxy"])
        rows += [(name, "scipy_dcc_a", "", a), (name, "scipy_dcc_b", "", b),
                 (name, "scipy_dcc_loglik", "", loglik)]
        print(name, len(target), "returns done")
    with open(os.path.join(ROOT, "tests/golden/dcc.csv"), "w") as f:
        f.write("# made by tests/golden/make_dcc_golden.py\ncase,field,date,value\n")
        for case, field, date, value in rows:
            f.write("%s,%s,%s,%r\n" % (case, field, date, float(value)))


if __name__ == "__main__":
    main()
