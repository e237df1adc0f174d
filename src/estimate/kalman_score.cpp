#include "kalman_score.hpp"

#include <cmath>

#include "kalman_start.hpp"
#include "log_sum.hpp"

namespace hedgecalc {
namespace {

constexpr double kLogTwoPi = 1.8378770664093454836;  // log(2 pi)

// One value per parameter (log r, log q_ratio, log q_intercept) and a fourth lane
// unused: the derivatives of one quantity. Each operation acts lane by lane, so the
// three derivative recursions run side by side.
template <typename Real>
struct Lanes {
  using Value = Real;
  Real v[4] = {0, 0, 0, 0};

  friend Lanes operator+(Lanes a, const Lanes& b) {
    for (int i = 0; i < 4; ++i) a.v[i] += b.v[i];
    return a;
  }
  friend Lanes operator-(Lanes a, const Lanes& b) {
    for (int i = 0; i < 4; ++i) a.v[i] -= b.v[i];
    return a;
  }
  friend Lanes operator*(Lanes a, Real s) {
    for (int i = 0; i < 4; ++i) a.v[i] *= s;
    return a;
  }
  friend Lanes operator*(Lanes a, const Lanes& b) {
    for (int i = 0; i < 4; ++i) a.v[i] *= b.v[i];
    return a;
  }
  Real operator[](int i) const { return v[i]; }
  static Lanes unit(int lane, Real value) {
    Lanes l;
    l.v[lane] = value;
    return l;
  }
};

// The same as a GCC vector of four doubles: one AVX register. (Without AVX the compiler
// splits it clumsily, slower than the loops above, so only the AVX2 pass takes it.)
struct VectorLanes {
  using Value = double;
  typedef double Vector __attribute__((vector_size(32)));
  Vector v = {0, 0, 0, 0};

  friend VectorLanes operator+(const VectorLanes& a, const VectorLanes& b) { return {a.v + b.v}; }
  friend VectorLanes operator-(const VectorLanes& a, const VectorLanes& b) { return {a.v - b.v}; }
  friend VectorLanes operator*(const VectorLanes& a, double s) { return {a.v * s}; }
  friend VectorLanes operator*(const VectorLanes& a, const VectorLanes& b) { return {a.v * b.v}; }
  double operator[](int i) const { return v[i]; }
  static VectorLanes unit(int lane, double value) {
    VectorLanes l;
    l.v[lane] = value;
    return l;
  }
};

template <typename To, typename From>
To convert(const From& from) {
  To to;
  for (int i = 0; i < 4; ++i) to.v[i] = static_cast<typename To::Value>(from[i]);
  return to;
}

// What a pass adds up over the terms after the burn-in: the log-likelihood's parts, each
// term's derivatives and their squares.
template <typename Tangent>
struct ScoreSums {
  using Real = typename Tangent::Value;
  Real quadratic = 0;  // sum of v^2 / f
  Tangent d_terms;     // the derivatives of sum (log f + v^2 / f)
  Tangent squares;     // the sums of their squares, term by term
  LogSum log_f;
  size_t terms = 0;

  // One term: the innovation v, its variance f = 1 / g, e = v / f and their derivatives.
  void add(Real f, Real g, Real innovation, Real e, const Tangent& d_f,
           const Tangent& d_innovation) {
    // d (log f + v^2 / f) = d_f / f (1 - v^2 / f) + 2 v d_v / f
    const Tangent d_term = d_f * g * (Real(1) - innovation * e) + d_innovation * (2 * e);
    d_terms = d_terms + d_term;
    squares = squares + d_term * d_term;
    quadratic += innovation * e;
    log_f.add(static_cast<double>(f));
    ++terms;
  }

  template <typename Other>
  void take(const ScoreSums<Other>& s) {
    quadratic = Real(s.quadratic);
    d_terms = convert<Tangent>(s.d_terms), squares = convert<Tangent>(s.squares);
    log_f = s.log_f;
    terms = s.terms;
  }

  KalmanScore score() {
    KalmanScore s;
    s.loglik = -0.5 * (static_cast<double>(terms) * kLogTwoPi + log_f.total() +
                       static_cast<double>(quadratic));
    for (int j = 0; j < 3; ++j) {
      s.gradient[j] = -0.5 * static_cast<double>(d_terms[j]);
      s.information[j] = 0.25 * static_cast<double>(squares[j]);
    }
    return s;
  }
};

// The filter of kalman.cpp (state (a, h), covariance [[p00, p01], [p01, p11]]) with the
// derivative d_ of each quantity along each parameter, step by step as the filter goes.
// Without an intercept a, p00 and p01 stay 0 and so do their derivatives. The pass runs
// its careful first steps with it, in long double.
template <typename Tangent, bool kIntercept>
struct ScoreState {
  using Real = typename Tangent::Value;
  Real a = 0, h = 0, p00 = 0, p01 = 0, p11 = 0;
  Tangent d_a, d_h, d_p00, d_p01, d_p11;
  ScoreSums<Tangent> sums;

  // Predict (not before the first return), update, and count the term after burn-in.
  void step(size_t t, double y, double x, size_t burn, const KalmanVariances& v) {
    if (t > 0) {
      if (kIntercept) p00 += Real(v.q_intercept), d_p00 = d_p00 + Tangent::unit(2, Real(v.q_intercept));
      p11 += Real(v.q_ratio), d_p11 = d_p11 + Tangent::unit(1, Real(v.q_ratio));
    }
    const Real xt = x;
    const Real pz0 = kIntercept ? p00 + p01 * xt : Real(0);
    const Real pz1 = kIntercept ? p01 + p11 * xt : p11 * xt;
    const Real f = pz0 + pz1 * xt + Real(v.r);
    const Real innovation = Real(y) - (a + h * xt);
    const Real g = Real(1) / f;
    const Real k0 = pz0 * g, k1 = pz1 * g;
    const Real e = innovation * g;
    const Tangent d_pz0 = kIntercept ? d_p00 + d_p01 * xt : Tangent();
    const Tangent d_pz1 = kIntercept ? d_p01 + d_p11 * xt : d_p11 * xt;
    const Tangent d_f = d_pz0 + d_pz1 * xt + Tangent::unit(0, Real(v.r));
    const Tangent d_innovation = Tangent() - (d_a + d_h * xt);
    const Tangent d_k0 = (d_pz0 - d_f * k0) * g, d_k1 = (d_pz1 - d_f * k1) * g;
    if (kIntercept) {
      d_a = d_a + (d_k0 * innovation + d_innovation * k0);
      d_p00 = d_p00 - (d_k0 * pz0 + d_pz0 * k0);
      d_p01 = d_p01 - (d_k0 * pz1 + d_pz1 * k0);
      a += k0 * innovation;
      p00 -= k0 * pz0;
      p01 -= k0 * pz1;
    }
    d_h = d_h + (d_k1 * innovation + d_innovation * k1);
    d_p11 = d_p11 - (d_k1 * pz1 + d_pz1 * k1);
    h += k1 * innovation;
    p11 -= k1 * pz1;
    if (t >= burn) sums.add(f, g, innovation, e, d_f, d_innovation);
  }
};

// The same filter and derivatives after the careful start, arranged for speed. A step
// waits on the last one's covariance, through a division, and so the pass runs at the
// speed of that chain of dependent operations. To shorten it:
// - the state carried is the prediction P + Q, not P, so that adding Q is off the chain;
// - f = z'Pz + r is summed as (p00 + r) + 2x p01 + x^2 p11, three terms known at once;
// - the update P - pz pz' / f has the derivative dP - (dpz k' + k dpz') + k k' df, which
//   waits on df by one product and one sum, where dP - (dk pz' + k dpz') with
//   dk = (dpz - df k) / f waits by five operations.
// The same quantities, rounded otherwise than in the careful steps.
template <typename Tangent, bool kIntercept>
struct FastScoreState {
  using Real = typename Tangent::Value;
  Real a = 0, h = 0, p00 = 0, p01 = 0, p11 = 0;  // p: the prediction for the next return
  Tangent d_a, d_h, d_p00, d_p01, d_p11;
  ScoreSums<Tangent> sums;

  // From the careful state after its last update: the prediction for the next return.
  template <typename Other>
  void take(const ScoreState<Other, kIntercept>& s, const KalmanVariances& v) {
    a = Real(s.a), h = Real(s.h), p01 = Real(s.p01);
    p00 = kIntercept ? Real(s.p00) + Real(v.q_intercept) : Real(0);
    p11 = Real(s.p11) + Real(v.q_ratio);
    d_a = convert<Tangent>(s.d_a), d_h = convert<Tangent>(s.d_h), d_p01 = convert<Tangent>(s.d_p01);
    d_p00 =
        kIntercept ? convert<Tangent>(s.d_p00) + Tangent::unit(2, Real(v.q_intercept)) : Tangent();
    d_p11 = convert<Tangent>(s.d_p11) + Tangent::unit(1, Real(v.q_ratio));
    sums.take(s.sums);
  }

  // Update with a return after the burn-in, count its term, and predict the next.
  void step(double y, double x, const KalmanVariances& v) {
    const Real xt = x, xx = xt * xt;
    const Real pz0 = kIntercept ? p00 + p01 * xt : Real(0);
    const Real pz1 = kIntercept ? p01 + p11 * xt : p11 * xt;
    const Real f =
        kIntercept ? ((p00 + Real(v.r)) + p01 * (xt + xt)) + p11 * xx : Real(v.r) + p11 * xx;
    const Real g = Real(1) / f;
    const Real k0 = pz0 * g, k1 = pz1 * g;
    const Real innovation = Real(y) - (a + h * xt);
    const Real e = innovation * g;
    const Tangent d_pz0 = kIntercept ? d_p00 + d_p01 * xt : Tangent();
    const Tangent d_pz1 = kIntercept ? d_p01 + d_p11 * xt : d_p11 * xt;
    const Tangent d_f =
        kIntercept ? ((d_p00 + Tangent::unit(0, Real(v.r))) + d_p01 * (xt + xt)) + d_p11 * xx
                   : Tangent::unit(0, Real(v.r)) + d_p11 * xx;
    const Tangent d_innovation = Tangent() - (d_a + d_h * xt);
    if (kIntercept) {
      const Tangent d_k0 = (d_pz0 - d_f * k0) * g;
      d_a = d_a + (d_k0 * innovation + d_innovation * k0);
      a += k0 * innovation;
      d_p00 =
          (d_p00 + Tangent::unit(2, Real(v.q_intercept))) + (d_f * (k0 * k0) - d_pz0 * (2 * k0));
      d_p01 = d_p01 + (d_f * (k0 * k1) - (d_pz0 * k1 + d_pz1 * k0));
      p00 = (p00 + Real(v.q_intercept)) - pz0 * k0;
      p01 = p01 - pz0 * k1;
    }
    const Tangent d_k1 = (d_pz1 - d_f * k1) * g;
    d_h = d_h + (d_k1 * innovation + d_innovation * k1);
    h += k1 * innovation;
    d_p11 = (d_p11 + Tangent::unit(1, Real(v.q_ratio))) + (d_f * (k1 * k1) - d_pz1 * (2 * k1));
    p11 = (p11 + Real(v.q_ratio)) - pz1 * k1;
    sums.add(f, g, innovation, e, d_f, d_innovation);
  }
};

template <typename Fast, bool kIntercept>
KalmanScore score_pass(const double* y, const double* x, size_t n, const KalmanVariances& v) {
  const size_t burn = kIntercept ? 2 : 1;
  static_assert(kKalmanCarefulSteps > 2, "the fast steps are past the burn-in");
  ScoreState<Lanes<long double>, kIntercept> careful;
  careful.p00 = kIntercept ? kKalmanDiffuse : 0;
  careful.p11 = kKalmanDiffuse;
  size_t t = 0;
  for (; t < n && t < kKalmanCarefulSteps; ++t) careful.step(t, y[t], x[t], burn, v);
  if (t == n) return careful.sums.score();
  FastScoreState<Fast, kIntercept> fast;
  fast.take(careful, v);
  for (; t < n; ++t) fast.step(y[t], x[t], v);
  return fast.sums.score();
}

// The same pass compiled for AVX2 and for AVX-512 as well, the best chosen at run time:
// the lanes fill one register, and the pass takes about half the time. AVX-512's 32
// registers hold the whole state where AVX2's 16 spill some of it to memory, and every
// step waits on the last. No product is fused into a sum (this file is compiled with
// -ffp-contract=off), so every version rounds alike and gives the same bits.
template <bool kIntercept>
__attribute__((target("avx2"), flatten)) KalmanScore score_pass_avx2(const double* y, const double* x,
                                                                      size_t n, const KalmanVariances& v) {
  return score_pass<VectorLanes, kIntercept>(y, x, n, v);
}

template <bool kIntercept>
__attribute__((target("avx512f,avx512vl"), flatten)) KalmanScore score_pass_avx512(
    const double* y, const double* x, size_t n, const KalmanVariances& v) {
  return score_pass<VectorLanes, kIntercept>(y, x, n, v);
}

}  // namespace

bool cpu_runs(ScorePass pass) {
  switch (pass) {
    case ScorePass::kPortable:
      return true;
    case ScorePass::kAvx2:
      return __builtin_cpu_supports("avx2");
    case ScorePass::kAvx512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl");
  }
  return false;
}

KalmanScore kalman_score_with(ScorePass pass, const double* y, const double* x, size_t size,
                              bool intercept, const KalmanVariances& variances) {
  switch (pass) {
    case ScorePass::kAvx512:
      return intercept ? score_pass_avx512<true>(y, x, size, variances)
                       : score_pass_avx512<false>(y, x, size, variances);
    case ScorePass::kAvx2:
      return intercept ? score_pass_avx2<true>(y, x, size, variances)
                       : score_pass_avx2<false>(y, x, size, variances);
    case ScorePass::kPortable:
      break;
  }
  return intercept ? score_pass<Lanes<double>, true>(y, x, size, variances)
                   : score_pass<Lanes<double>, false>(y, x, size, variances);
}

KalmanScore kalman_score(const double* y, const double* x, size_t size, bool intercept,
                         const KalmanVariances& variances) {
  static const ScorePass fastest = cpu_runs(ScorePass::kAvx512) ? ScorePass::kAvx512
                                   : cpu_runs(ScorePass::kAvx2) ? ScorePass::kAvx2
                                                                : ScorePass::kPortable;
  return kalman_score_with(fastest, y, x, size, intercept, variances);
}

}  // namespace hedgecalc
