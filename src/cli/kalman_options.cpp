#include "hedgecalc/kalman_options.hpp"

#include <cmath>

#include "hedgecalc/error.hpp"
#include "hedgecalc/option_checks.hpp"

namespace hedgecalc {

void add_kalman_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--kalman", options.kalman,
               "Kalman-filter hedge ratio (a random walk); variances by maximum likelihood "
               "unless --kalman-q and --kalman-r fix them");
  app.add_option("--kalman-q", options.kalman_q,
                 "With --kalman: state variances QA,QH (intercept, ratio; QH alone with "
                 "--no-intercept)")
      ->check(finite_number())
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--kalman-r", options.kalman_r, "With --kalman: observation variance R")
      ->check(positive_number());
}

std::optional<KalmanVariances> kalman_variances_from(const SingleOptions& options, bool intercept) {
  const bool q_given = !options.kalman_q.empty(), r_given = !std::isnan(options.kalman_r);
  if ((q_given || r_given) && !options.kalman) {
    throw UsageError("--kalman-q and --kalman-r fix the variances of --kalman: add --kalman");
  }
  if (!q_given && !r_given) return std::nullopt;
  if (q_given != r_given) {
    throw UsageError("give --kalman-q and --kalman-r together (or neither, to estimate them)");
  }
  const size_t wanted = intercept ? 2 : 1;
  if (options.kalman_q.size() != wanted) {
    throw UsageError(intercept ? "--kalman-q takes two variances, QA,QH (intercept, ratio)"
                               : "--kalman-q takes one variance, QH, with --no-intercept");
  }
  for (double q : options.kalman_q) {
    if (!(q >= 0) || !std::isfinite(q)) {
      throw UsageError("--kalman-q: variances must be finite and >= 0");
    }
  }
  KalmanVariances v;
  v.q_intercept = intercept ? options.kalman_q[0] : 0.0;
  v.q_ratio = options.kalman_q.back();
  v.r = options.kalman_r;
  return v;
}

}  // namespace hedgecalc
