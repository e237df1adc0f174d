// Estimators: the full-sample fit's settings, the time-varying ratios (rolling,
// expanding, EWMA, Kalman), the other betas, and the out-of-sample backtest.

#include <cmath>

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/ewma.hpp"
#include "option_checks.hpp"
#include "window_option.hpp"

namespace hedgecalc {

namespace {

constexpr const char* kGroup = "Estimators";

void add_fit_options(CLI::App& app, AnalysisOptions& analysis) {
  app.add_option("--confidence", analysis.hedge.confidence, "Level of the hedge ratio's t-interval")
      ->check(open_unit_interval())
      ->type_name("LEVEL")
      ->capture_default_str()
      ->group(kGroup);
  app.add_flag_callback("--no-intercept", [&analysis] { analysis.hedge.intercept = false; },
                        "Regress without an intercept (R squared is then uncentred)")
      ->group(kGroup);
  add_choice<bool>(app, "--se", analysis.hedge.hac, {{"classical", false}, {"hac", true}},
                   "Standard errors: classical or hac (Newey-West)")
      ->group(kGroup);
  app.add_option("--hac-lags", analysis.hedge.hac_lags,
                 "Newey-West lags (default floor(4 (n/100)^(2/9)))")
      ->check(whole_number(0))
      ->type_name("L")
      ->group(kGroup);
}

void add_time_varying_options(CLI::App& app, SingleOptions& options) {
  AnalysisOptions& analysis = options.analysis;
  app.add_option("--window", options.window,
                 "Rolling window: W returns, or a duration such as 30d, 12h, 2w (the returns in "
                 "(t - DURATION, t]): rolling ratio, correlation, effectiveness")
      ->type_name("W|DURATION")
      ->group(kGroup);
  app.add_flag("--expanding", options.expanding,
               "Rolling values over every return up to each date (instead of --window)")
      ->group(kGroup);
  app.add_option("--min-obs", analysis.window.min_obs,
                 "Returns a window (or --ewma) must hold for a value (default: W, else 3); "
                 "with --dcc, returns before its first rebalancing date (default 100)")
      ->check(whole_number(1))
      ->type_name("N")
      ->group(kGroup);
  app.add_option("--ewma", analysis.ewma_lambda,
                 "EWMA decay LAMBDA in (0,1), as pandas ewm(alpha=1-LAMBDA)")
      ->check(open_unit_interval())
      ->type_name("LAMBDA")
      ->group(kGroup);
  app.add_option("--halflife", options.halflife, "EWMA half-life H periods (instead of --ewma)")
      ->check(positive_number())
      ->type_name("H")
      ->group(kGroup);
  app.add_flag("--kalman", analysis.kalman,
               "Kalman-filter hedge ratio (a random walk); variances by maximum likelihood "
               "unless --kalman-q and --kalman-r fix them")
      ->group(kGroup);
  add_list_option(app, "--kalman-q", options.kalman_q, finite_number(),
                  "With --kalman: state variances QA,QH (intercept, ratio; QH alone with "
                  "--no-intercept)")
      ->type_name("QA,QH")
      ->group(kGroup);
  app.add_option("--kalman-r", options.kalman_r, "With --kalman: observation variance R")
      ->check(positive_number())
      ->type_name("R")
      ->group(kGroup);
  app.add_flag("--dcc", analysis.dcc,
               "Conditional hedge ratio of a GARCH(1,1) per series with dynamic conditional "
               "correlation (DCC(1,1), two-step maximum likelihood); at least 100 returns")
      ->group(kGroup);
}

void add_backtest_options(CLI::App& app, SingleOptions& options) {
  AnalysisOptions& analysis = options.analysis;
  app.add_flag("--estimators", options.estimators,
               "The ratio by other estimators beside OLS: Huber, LAD, up- and down-market, "
               "Dimson (one proxy)")
      ->group(kGroup);
  app.add_option("--dimson-lags", options.dimson_lags, "Leads and lags K of the Dimson beta (default 1)")
      ->check(whole_number(0, 1000))
      ->type_name("K")
      ->group(kGroup);
  app.add_option("--rebalance", analysis.rebalance,
                 "Out-of-sample backtest re-estimating every K returns (of --window, else "
                 "--ewma, else --kalman, else --dcc)")
      ->check(whole_number(1))
      ->type_name("K")
      ->group(kGroup);
  app.add_flag("--compare", analysis.compare,
               "With --rebalance K: rank naive, static, expanding, rolling, EWMA and Kalman "
               "hedges (and DCC with --dcc) by out-of-sample effectiveness on the same dates")
      ->group(kGroup);
}

// --window or --expanding, and --min-obs: the rolling view.
void fold_window(SingleOptions& options) {
  RollingWindow& window = options.analysis.window;
  if (options.expanding && options.window) throw UsageError("give --window or --expanding, not both");
  const size_t min_obs = window.min_obs;
  if (options.window) window = parse_window(*options.window);
  if (options.expanding) {
    window.expanding = true;
    window.text = "expanding";
  }
  window.min_obs = min_obs;
  const bool ewma = options.analysis.ewma_lambda || options.halflife;
  if (min_obs > 0 && !window.active() && !ewma && !options.analysis.dcc) {
    throw UsageError("--min-obs applies to a rolling window, --ewma or --dcc: add one");
  }
  if (window.count > 0 && min_obs > window.count) {
    throw UsageError("--min-obs " + std::to_string(min_obs) + " is more than the " +
                     std::to_string(window.count) + " returns of --window");
  }
}

// --ewma or --halflife: the EWMA decay.
void fold_ewma(SingleOptions& options) {
  std::optional<double>& lambda = options.analysis.ewma_lambda;
  if (lambda && options.halflife) throw UsageError("give --ewma or --halflife, not both");
  if (options.halflife) lambda = lambda_from_halflife(*options.halflife);
  if (lambda && *lambda < kSmallestEwmaLambda) {
    throw UsageError(std::string(options.halflife ? "--halflife" : "--ewma") +
                     ": a decay below 1e-6 (a half-life under 0.05 periods) weighs only the "
                     "last return, so no ratio can be estimated; use a larger value");
  }
}

// --kalman-q and --kalman-r: fixed variances of --kalman.
void fold_kalman(SingleOptions& options) {
  const bool q_given = !options.kalman_q.empty(), r_given = options.kalman_r.has_value();
  if ((q_given || r_given) && !options.analysis.kalman) {
    throw UsageError("--kalman-q and --kalman-r fix the variances of --kalman: add --kalman");
  }
  if (!q_given && !r_given) return;
  if (q_given != r_given) {
    throw UsageError("give --kalman-q and --kalman-r together (or neither, to estimate them)");
  }
  const bool intercept = options.analysis.hedge.intercept;
  if (options.kalman_q.size() != (intercept ? 2u : 1u)) {
    throw UsageError(intercept ? "--kalman-q takes two variances, QA,QH (intercept, ratio)"
                               : "--kalman-q takes one variance, QH, with --no-intercept");
  }
  for (double q : options.kalman_q) {
    if (!(q >= 0) || !std::isfinite(q)) throw UsageError("--kalman-q: variances must be finite and >= 0");
  }
  KalmanVariances v;
  v.q_intercept = intercept ? options.kalman_q[0] : 0.0;
  v.q_ratio = options.kalman_q.back();
  v.r = *options.kalman_r;
  options.analysis.kalman_variances = v;
}

}  // namespace

void add_estimator_options(CLI::App& app, SingleOptions& options) {
  add_fit_options(app, options.analysis);
  add_time_varying_options(app, options);
  add_backtest_options(app, options);
}

void validate_estimators(SingleOptions& options, size_t proxies) {
  AnalysisOptions& analysis = options.analysis;
  if (analysis.hedge.hac_lags && !analysis.hedge.hac) throw UsageError("--hac-lags needs --se hac");
  fold_window(options);
  fold_ewma(options);
  fold_kalman(options);
  if (options.dimson_lags && !options.estimators) {
    throw UsageError("--dimson-lags sets the Dimson beta of --estimators: add --estimators");
  }
  if (options.estimators) analysis.dimson_lags = options.dimson_lags.value_or(1);
  if (analysis.time_varying() && proxies > 1) {
    throw UsageError("--window, --expanding, --ewma, --halflife, --kalman and --dcc work with one proxy, not a basket");
  }
  if (analysis.rebalance > 0 && !analysis.time_varying() && !analysis.compare) {
    throw UsageError("--rebalance needs an estimator to re-estimate: --window, --expanding, "
                     "--ewma, --kalman, --dcc or --compare");
  }
  if (analysis.compare && analysis.rebalance == 0) {
    throw UsageError("--compare backtests every estimator out of sample: add --rebalance K");
  }
  if (analysis.dimson_lags && proxies > 1) throw UsageError("--estimators takes one proxy, not a basket");
  if (!analysis.horizons.empty() && proxies > 1) {
    throw UsageError("--horizons takes one proxy, not a basket");
  }
}

}  // namespace hedgecalc
