#!/usr/bin/python3
"""Reference values of --kalman from statsmodels' state-space filter (Debian's
python3-statsmodels), written to tests/golden/kalman.csv:

    /usr/bin/python3 tests/golden/make_kalman_golden.py

The model: r_T,t = a_t + h_t r_P,t + e_t, e_t ~ N(0, R); (a_t, h_t) a random walk with
covariance diag(q_a, q_h) (without an intercept: h_t alone). Known initialisation
(mean 0, covariance 1e6 I), loglikelihood_burn = k. For fixed variances: the filtered
ratio, its standard error and the intercept at every date, and the log-likelihood.
For estimated ones: statsmodels' own maximum (several starts, L-BFGS on log-variances
then Nelder-Mead), which hedgecalc's optimum must match or beat.
"""
import csv
import decimal
import os
import sys

import numpy as np
import statsmodels
import statsmodels.api as sm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import ROOT, aligned_returns  # noqa: E402


class RandomWalkBeta(sm.tsa.statespace.MLEModel):
    def __init__(self, y, x, intercept):
        k = 2 if intercept else 1
        super().__init__(y, k_states=k, k_posdef=k)
        self.intercept = intercept
        design = np.zeros((1, k, len(y)))
        if intercept:
            design[0, 0, :] = 1.0
        design[0, k - 1, :] = x
        self["design"] = design
        self["transition"] = np.eye(k)
        self["selection"] = np.eye(k)
        self.initialize_known(np.zeros(k), 1e6 * np.eye(k))
        self.loglikelihood_burn = k

    @property
    def param_names(self):
        return ["r", "q_ratio"] + (["q_intercept"] if self.intercept else [])

    @property
    def start_params(self):
        return np.array([np.var(self.endog) * 0.5, 1e-6, 1e-6][: 3 if self.intercept else 2])

    def transform_params(self, unconstrained):
        return np.exp(unconstrained)

    def untransform_params(self, constrained):
        return np.log(constrained)

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["obs_cov", 0, 0] = params[0]
        if self.intercept:
            self["state_cov"] = np.diag([params[2], params[1]])
        else:
            self["state_cov", 0, 0] = params[1]


# name, target, proxy, intercept, fixed variances (r, q_ratio, q_intercept) or None
CASES = [
    ("fixed", "data/token.csv:price", "data/btc.csv:Adj Close", True, (0.0014, 1e-4, 1e-7)),
    ("fixed_no_intercept", "data/token.csv:price", "data/btc.csv:Adj Close", False,
     (0.0014, 1e-4, 0.0)),
    ("fixed_equity", "data/acme.csv:Adj Close", "data/index.csv:Close", True, (2e-4, 5e-3, 1e-8)),
    ("estimated", "data/token.csv:price", "data/btc.csv:Adj Close", True, None),
    ("estimated_equity", "data/acme.csv:Adj Close", "data/index.csv:Close", True, None),
    ("estimated_no_intercept", "data/acme.csv:Adj Close", "data/index.csv:Close", False, None),
    ("estimated_planted", "tests/data/stability/planted_target.csv:Close",
     "tests/data/stability/planted_proxy.csv:Close", True, None),
]


def exact_filter(y, x, intercept, r, q_ratio, q_intercept):
    """The same recursion in 50-digit decimal arithmetic: the reference for every
    filtered value, free of the digits a double loses to the diffuse start."""
    D = decimal.Decimal
    decimal.getcontext().prec = 50
    a = h = D(0)
    p00, p01, p11 = (D(10) ** 6 if intercept else D(0)), D(0), D(10) ** 6
    r, qh, qa = D(r), D(q_ratio), D(q_intercept)
    out = []
    for t, (yt, xt) in enumerate(zip(y, x)):
        yt, xt = D(float(yt)), D(float(xt))
        if t > 0:
            if intercept:
                p00 += qa
            p11 += qh
        pz0 = p00 + p01 * xt if intercept else D(0)
        pz1 = p01 + p11 * xt if intercept else p11 * xt
        f = (pz0 if intercept else D(0)) + pz1 * xt + r
        v = yt - (a + h * xt)
        k0, k1 = pz0 / f, pz1 / f
        a, h = a + k0 * v, h + k1 * v
        p00, p01, p11 = p00 - k0 * pz0, p01 - k0 * pz1, p11 - k1 * pz1
        out.append((float(h), float(p11.sqrt()), float(a)))
    return out


def best_fit(model):
    best = None
    k = len(model.param_names)
    var_y = np.var(model.endog)
    for drift in (1e-6, 1e-3, 1e-1):
        start = np.array([var_y * 0.5, drift, drift * var_y][:k])
        for method in ("lbfgs", "nm"):
            try:
                res = model.fit(start_params=start, method=method, disp=False, maxiter=5000)
            except Exception:  # a start the optimiser cannot leave
                continue
            if best is None or res.llf > best.llf:
                best = res
    polish = model.fit(start_params=best.params, method="nm", disp=False, maxiter=20000)
    return polish if polish.llf > best.llf else best


def main():
    with open(os.path.join(ROOT, "tests/golden/kalman.csv"), "w", newline="") as f:
        f.write(f"# Made by tests/golden/make_kalman_golden.py with statsmodels "
                f"{statsmodels.__version__}.\n")
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["case", "target", "proxy", "intercept", "r", "q_ratio", "q_intercept",
                      "loglik", "date", "hedge_ratio", "std_error", "intercept_value",
                      "exact_hedge_ratio", "exact_std_error", "exact_intercept"])
        for name, target, proxy, intercept, fixed in CASES:
            r = aligned_returns(target, proxy, "simple")
            model = RandomWalkBeta(r["t"].to_numpy(), r["p"].to_numpy(), intercept)
            if fixed is None:
                res = best_fit(model)
                params = res.params
            else:
                params = np.array(fixed[: 3 if intercept else 2])
                res = model.filter(params)
            q_intercept = params[2] if intercept else 0.0
            k = 2 if intercept else 1
            state = res.filtered_state
            cov = res.filtered_state_cov
            dates = r.index
            rows = range(len(dates)) if fixed is not None else [len(dates) - 1]
            exact = (exact_filter(r["t"].to_numpy(), r["p"].to_numpy(), intercept, *params[:2],
                                  q_intercept) if fixed is not None else None)
            for i in rows:
                out.writerow([name, target, proxy, int(intercept), repr(float(params[0])),
                              repr(float(params[1])), repr(float(q_intercept)),
                              repr(float(res.llf)), dates[i].strftime("%Y-%m-%d"),
                              repr(float(state[k - 1, i])),
                              repr(float(np.sqrt(cov[k - 1, k - 1, i]))),
                              repr(float(state[0, i])) if intercept else "0.0"] +
                             ([repr(v) for v in exact[i]] if exact else ["", "", ""]))


if __name__ == "__main__":
    main()
