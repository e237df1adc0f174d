#pragma once
// How the --kalman filter starts, shared by the filter and its gradient pass.

#include <cstddef>

namespace hedgecalc {

/// The starting state covariance, kDiffuse times the identity.
constexpr double kKalmanDiffuse = 1e6;

/// While P still holds the diffuse 1e6, each update subtracts numbers near 1e6 from each
/// other, which would cost a double about 7 of its 16 digits for many dates after
/// (statsmodels' own filter shows that error). The first dates run in long double;
/// after them P is of the size of the data and double loses nothing more.
constexpr size_t kKalmanCarefulSteps = 32;

}  // namespace hedgecalc
