#pragma once
// Step 3 of the contract's pipeline: from aligned prices to returns.

#include <string>
#include <vector>

#include "hedgecalc/align.hpp"
#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

class Executor;

/// --returns: simple p1/p0-1, log ln(p1/p0), diff p1-p0, none (the files hold returns),
/// changes (the files hold price changes, as diff would make them).
enum class ReturnKind { kSimple, kLog, kDiff, kNone, kChanges };

/// The kind's name as records print it ("simple", "log", "diff", "none", "changes").
const char* return_kind_name(ReturnKind kind);

/// True when the values are changes of a price (diff, changes): a hedge is sized in
/// units, and values add up over time rather than compound.
bool in_price_units(ReturnKind kind);

/// True when the files hold the values themselves (none, changes): there are no prices
/// to difference, resample or carry forward.
bool given_as_values(ReturnKind kind);

/// Returns on consecutive aligned rows; values[k][i] for series k ends at time[i].
struct ReturnSeries {
  std::vector<Timestamp> time;
  std::vector<std::vector<double>> values;
  /// Number of observations.
  size_t size() const { return time.size(); }
};

/// Throws DataError naming file and line at the first price <= 0, for the return
/// kinds that divide by prices.
void require_positive_prices(const PriceSeries& series, ReturnKind kind);

/// --horizon K: every K-th aligned row, counted back from the last, so that returns
/// are K periods long and do not overlap; the oldest (rows - 1) mod K rows, too few
/// for a whole period, are dropped.
AlignedPrices every_kth_row(const AlignedPrices& aligned, size_t k);

/// Returns from aligned prices (for none and changes the aligned values themselves).
ReturnSeries compute_returns(const AlignedPrices& aligned, ReturnKind kind);

/// compute_returns with the columns shared among the executor's threads (the same values).
ReturnSeries compute_returns(const AlignedPrices& aligned, ReturnKind kind, const Executor& executor);

/// compute_returns into returns, whose vectors keep their capacity (a worker making
/// returns pair after pair allocates once).
void compute_returns(const AlignedPrices& aligned, ReturnKind kind, const Executor& executor,
                     ReturnSeries& returns);

/// Throws DataError naming the file and line of the first return that is not finite
/// (a price that underflows or overflows the division) or so large that the sums of
/// squares over all returns would overflow; series[k] is the source of values[k].
void require_finite_returns(const ReturnSeries& returns, const std::vector<const PriceSeries*>& series);

}  // namespace hedgecalc
