#include "hedgecalc/streaming_join.hpp"

#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {

StreamingJoin::StreamingJoin(std::vector<std::string> files, std::vector<std::string> columns,
                             ReturnKind kind, DateRange range)
    : files_(std::move(files)),
      columns_(std::move(columns)),
      kind_(kind),
      range_(range),
      pending_(files_.size()),
      last_added_(files_.size()),
      any_added_(files_.size(), false),
      joined_(files_.size()),
      previous_(files_.size()) {}

std::string StreamingJoin::where(size_t k, std::uint32_t line) const {
  return location(files_[k], line) + "column " + quoted_excerpt(columns_[k], 40) + ": ";
}

void StreamingJoin::add(size_t k, Timestamp time, double price, std::uint32_t line) {
  if (any_added_[k]) {
    const Row& last = last_added_[k];
    if (time == last.time && price == last.price) return;
    if (time < last.time) {
      throw DataError(where(k, line) + "this row's date comes before line " +
                      std::to_string(last.line) +
                      "'s: a followed file must be in time order (rows out of order)");
    }
    if (time == last.time) {
      throw DataError(where(k, line) + "the same date as line " + std::to_string(last.line) +
                      " with another price");
    }
  }
  last_added_[k] = Row{time, price, line};
  any_added_[k] = true;
  if (range_.from && time < *range_.from) return;
  if (range_.until && time >= *range_.until) return;
  if (!(price > 0) && (kind_ == ReturnKind::kSimple || kind_ == ReturnKind::kLog)) {
    throw DataError(where(k, line) + shortest_decimal(price) + " is not a positive price (" +
                    return_kind_name(kind_) + " returns divide by prices)");
  }
  pending_[k].push_back(last_added_[k]);
}

// Drops rows no other series can match, until every series' first row has one time.
bool StreamingJoin::next_common_row(Timestamp& time) {
  for (;;) {
    Timestamp latest = std::numeric_limits<Timestamp>::min();
    for (const auto& rows : pending_) {
      if (rows.empty()) return false;
      latest = std::max(latest, rows.front().time);
    }
    bool all_there = true;
    for (auto& rows : pending_) {
      while (!rows.empty() && rows.front().time < latest) rows.pop_front();
      if (rows.empty()) return false;
      all_there &= rows.front().time == latest;
    }
    if (!all_there) continue;
    time = latest;
    for (size_t k = 0; k < pending_.size(); ++k) {
      joined_[k] = pending_[k].front();
      pending_[k].pop_front();
    }
    return true;
  }
}

bool StreamingJoin::next(Timestamp& time, std::vector<double>& values, double& proxy_price) {
  values.resize(pending_.size());
  for (;;) {
    if (!next_common_row(time)) return false;
    const bool given = given_as_values(kind_);
    if (!given && !have_previous_) {
      for (size_t k = 0; k < joined_.size(); ++k) previous_[k] = joined_[k].price;
      have_previous_ = true;
      continue;  // the first row of prices starts the returns
    }
    for (size_t k = 0; k < joined_.size(); ++k) {
      const double p = joined_[k].price;
      double r = p;
      if (kind_ == ReturnKind::kSimple) r = p / previous_[k] - 1.0;
      if (kind_ == ReturnKind::kLog) r = std::log(p / previous_[k]);
      if (kind_ == ReturnKind::kDiff) r = p - previous_[k];
      // As require_finite_returns, with room for 2^40 returns in the sums of squares.
      const double largest = std::sqrt(std::numeric_limits<double>::max() / 0x1p42);
      if (!(std::fabs(r) <= largest)) {
        throw DataError(where(k, joined_[k].line) +
                        (std::isfinite(r) ? "the return ending here, " + shortest_decimal(r) +
                                                ", is too large for the sums of squares; "
                                          : std::string("the return ending here is not a finite "
                                                        "number (a price underflows or overflows "
                                                        "the division); ")) +
                        "check the prices around this line");
      }
      values[k] = r;
      previous_[k] = p;
    }
    proxy_price = given ? std::numeric_limits<double>::quiet_NaN() : joined_[1].price;
    return true;
  }
}

}  // namespace hedgecalc
