#include "hedgecalc/pair_matrix.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>

#include "hedgecalc/align.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/hedge_analysis.hpp"

using namespace hedgecalc;

namespace {

// A universe of price columns on business days with everything that breaks a naive
// pairwise computation: scattered missing cells, a late listing, an early delisting,
// a long gap and a stretch where the price does not move.
std::vector<PriceSeries> universe(size_t columns, size_t rows, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  std::vector<PriceSeries> out(columns);
  std::vector<double> level(columns, 100.0);
  for (size_t t = 0; t < rows; ++t) {
    const double market = 0.01 * normal(rng);
    for (size_t c = 0; c < columns; ++c) {
      const bool constant = c == 3 && t > 100 && t < 160;
      if (!constant) level[c] *= 1 + (0.5 + 0.2 * static_cast<double>(c)) * market + 0.008 * normal(rng);
      // Column 5 lists late, with fewer returns than gaps: its sums are added up, not
      // subtracted from the totals.
      const bool listed = !(c == 1 && t < 120) && !(c == 2 && t > rows - 90) && !(c == 5 && t < 300);
      const bool gap = c == 4 && t > 200 && t < 230;
      if (!listed || gap || uniform(rng) < 0.02) continue;
      out[c].file = "u.csv";
      out[c].column = "c" + std::to_string(c);
      out[c].time.push_back(static_cast<Timestamp>(t) * kNanosPerDay);
      out[c].price.push_back(level[c]);
      out[c].line.push_back(static_cast<std::uint32_t>(t + 2));
    }
  }
  return out;
}

bool close(double a, double b, double tolerance) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= tolerance * std::max(std::fabs(b), 1e-300);
}

}  // namespace

TEST_CASE("every pair of the matrix equals the single analysis of that pair", "[matrix]") {
  for (ReturnKind kind : {ReturnKind::kSimple, ReturnKind::kLog, ReturnKind::kDiff}) {
    const std::vector<PriceSeries> u = universe(8, 400, 17);
    std::vector<const PriceSeries*> pointers;
    for (const PriceSeries& s : u) pointers.push_back(&s);
    const PairMatrix matrix(pointers, kind);
    size_t mismatches = 0, compared = 0;
    for (size_t t = 0; t < u.size(); ++t) {
      for (size_t p = 0; p < u.size(); ++p) {
        if (t == p) continue;
        const ReturnSeries r = compute_returns(align_inner({&u[t], &u[p]}), kind);
        const PairResult m = pair_result(matrix, t, p);
        REQUIRE(m.n == r.size());
        try {
          const HedgeAnalysis single = analyse_hedge(r, {"t", "p"}, {});
          mismatches += !close(m.hedge_ratio, single.proxies[0].hedge_ratio, 1e-12);
          mismatches += !close(m.correlation, single.correlation, 1e-12);
          mismatches += !close(m.effectiveness, single.effectiveness, 1e-12);
          ++compared;
        } catch (const DataError&) {
          // The single analysis refuses a constant proxy: the matrix leaves it undefined.
          CHECK(std::isnan(m.hedge_ratio));
        }
      }
    }
    CHECK(compared >= 50);
    CHECK(mismatches == 0);
  }
}

TEST_CASE("pairs that never overlap have no returns", "[matrix]") {
  PriceSeries a, b;
  a.time = {0, kNanosPerDay, 2 * kNanosPerDay};
  a.price = {1, 2, 3};
  b.time = {5 * kNanosPerDay, 6 * kNanosPerDay};
  b.price = {1, 2};
  a.line = {1, 2, 3};
  b.line = {1, 2};
  const PairMatrix matrix({&a, &b}, ReturnKind::kSimple);
  const PairResult r = pair_result(matrix, 0, 1);
  CHECK(r.n == 0);
  CHECK(std::isnan(r.hedge_ratio));
}

namespace {

// Bit for bit: a shard must print the whole run's bytes, not numbers within 1e-15.
bool same_bits(const PairStats& a, const PairStats& b) {
  return a.n == b.n && std::memcmp(&a.sxx, &b.sxx, sizeof(double)) == 0 &&
         std::memcmp(&a.syy, &b.syy, sizeof(double)) == 0 &&
         std::memcmp(&a.sxy, &b.sxy, sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("a shard's pairs have the whole run's bits", "[matrix][shard]") {
  // Sizes around the product kernel's panels of four and Eigen's small-product and
  // blocking thresholds (20 and 48 rows), where a blocked product would differ.
  struct Size { size_t columns, rows; };
  for (const Size size : {Size{2, 5}, Size{3, 9}, Size{5, 19}, Size{7, 48}, Size{9, 130},
                          Size{13, 400}, Size{33, 257}}) {
    const std::vector<PriceSeries> u = universe(size.columns, size.rows, 100 + static_cast<unsigned>(size.columns));
    std::vector<const PriceSeries*> pointers;
    for (const PriceSeries& s : u) {
      if (!s.price.empty()) pointers.push_back(&s);
    }
    const size_t k = pointers.size();
    for (ReturnKind kind : {ReturnKind::kSimple, ReturnKind::kLog, ReturnKind::kNone}) {
      const PairMatrix whole(pointers, kind, Executor(2));
      for (size_t count : {size_t{2}, size_t{3}, size_t{4}, k + 2}) {
        for (size_t index = 0; index < count; ++index) {
          const PairMatrix part(pointers, kind, Executor(1 + index % 2), Shard{index, count});
          size_t differ = 0, compared = 0;
          for (size_t t = index; t < k; t += count) {
            for (size_t p = 0; p < k; ++p) {
              if (p == t) continue;
              differ += !same_bits(part.stats(t, p), whole.stats(t, p));
              ++compared;
            }
          }
          INFO(size.columns << " columns, " << size.rows << " rows, shard " << index + 1 << "/" << count);
          CHECK(differ == 0);
          CHECK(compared == (index < k ? ((k - 1 - index) / count + 1) * (k - 1) : 0));
        }
      }
    }
  }
}
