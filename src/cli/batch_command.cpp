#include "hedgecalc/batch_command.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <thread>

#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/batch_resume.hpp"
#include "hedgecalc/batch_writer.hpp"
#include "hedgecalc/cost_options.hpp"
#include "hedgecalc/csv_reporter.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/interrupt.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/output_check.hpp"
#include "hedgecalc/ordered_pool.hpp"
#include "hedgecalc/pairs_file.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/series_spec.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// Serves paths written in PAIRS relative to the PAIRS file's folder, so that the
// labels keep the paths as written.
class RelativeFileSystem : public FileSystem {
 public:
  RelativeFileSystem(FileSystem& inner, std::string folder)
      : inner_(inner), folder_(std::move(folder)) {}
  bool is_file(const std::string& path) const override {
    return inner_.is_file(resolve_path(folder_, path));
  }
  FileContents read(const std::string& path) override {
    return inner_.read(resolve_path(folder_, path));
  }
  void write(const std::string& path, const std::string& contents) override {
    inner_.write(resolve_path(folder_, path), contents);
  }

 private:
  FileSystem& inner_;
  std::string folder_;
};

// A loaded column, or why it is not there.
struct LoadedColumn {
  PriceSeries series;
  std::string error;
};

// "file" (with its own reading options, if any) -> requested column (" " + name, or
// "\x01" for the guess) -> the column.
using Library = std::map<std::string, std::map<std::string, LoadedColumn>>;

// A file read with its own reading options is a different load from the plain file.
std::string file_key(const SeriesSpec& spec) {
  return spec.reading.empty() ? spec.path : spec.path + '@' + spec.reading;
}

// The path and the reading options back from a file_key.
std::pair<std::string, std::string> split_file_key(const std::string& key,
                                                   const std::map<std::string, std::string>& readings) {
  auto found = readings.find(key);
  if (found == readings.end()) return {key, ""};
  return {key.substr(0, key.size() - found->second.size() - 1), found->second};
}

std::string column_key(const std::optional<std::string>& column) {
  return column ? " " + *column : std::string("\x01");
}

// Each distinct PATH[:COLUMN] of PAIRS resolved once (it may stat files), and each pair's
// target and proxy as indices into them: a million pairs over a few hundred files hold
// eight bytes a pair here, not two copies of the specs.
struct PairSpecs {
  std::vector<SeriesSpec> distinct;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> of_pair;
  const SeriesSpec& target(size_t pair) const { return distinct[of_pair[pair].first]; }
  const SeriesSpec& proxy(size_t pair) const { return distinct[of_pair[pair].second]; }
};

Library load_library(const PairSpecs& specs, FileSystem& files, const SingleOptions& options,
                     size_t jobs) {
  Library library;
  std::map<std::string, std::string> readings;  // file_key -> its reading options
  for (const SeriesSpec& spec : specs.distinct) {
    library[file_key(spec)][column_key(spec.column)];
    if (!spec.reading.empty()) readings[file_key(spec)] = spec.reading;
  }
  std::vector<std::map<std::string, std::map<std::string, LoadedColumn>>::iterator> order;
  for (auto it = library.begin(); it != library.end(); ++it) order.push_back(it);
  std::atomic<size_t> next{0};
  auto load_files = [&] {
    for (size_t f; (f = next++) < order.size();) {
      auto& [key, columns] = *order[f];
      const auto [path, reading] = split_file_key(key, readings);
      std::vector<std::optional<std::string>> requests;
      for (const auto& [column, loaded] : columns) {
        requests.push_back(column == "\x01" ? std::nullopt
                                             : std::optional<std::string>(column.substr(1)));
      }
      try {
        const std::string& file = path;  // a structured binding cannot be captured
        const CsvOptions own = series_csv_options(options.csv, reading, key);
        const FileContents contents = files.read(file);
        std::vector<ColumnLoad> loads = parse_unchanged(contents, file, [&](std::string_view bytes) {
          return load_columns(bytes, file, requests, own);
        });
        size_t c = 0;
        for (auto& [column, loaded] : columns) {
          loaded.series = std::move(loads[c].series);
          loaded.error = std::move(loads[c].error);
          ++c;
          if (!loaded.error.empty()) continue;
          try {
            prepare_series(loaded.series, options);
          } catch (const Error& e) {
            loaded.error = e.what();
          }
        }
      } catch (const Error& e) {
        for (auto& [column, loaded] : columns) loaded.error = e.what();
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(jobs, order.size()); ++t) pool.emplace_back(load_files);
  load_files();
  for (std::thread& t : pool) t.join();
  return library;
}

struct PairOutcome {
  Value row = Value::object();
  bool ok = false;
  bool threshold_missed = false;
};

// Progress on a terminal: pairs done, rate and time left, at most five times a second.
class Progress {
 public:
  Progress(std::ostream& err, size_t total, bool enabled)
      : err_(err), total_(total), enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void update(size_t done) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    char line[128];
    std::snprintf(line, sizeof line, "\rhedgecalc: %zu/%zu pairs, %.0f/s, %.0fs left ", done,
                  total_, rate, rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0);
    err_ << line << std::flush;
  }
  void finish() {
    if (enabled_) err_ << "\r\033[K" << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  size_t total_;
  bool enabled_;
  Clock::time_point start_, last_;
};

}  // namespace

void setup_batch(CLI::App& command, BatchOptions& options) {
  command.add_option("pairs", options.pairs,
                     "CSV with target and proxy columns (and optionally id); '-' is stdin")
      ->required();
  add_analysis_options(command, options.analysis);
  command.add_option("--jobs", options.jobs, "Worker threads (default: all cores)")
      ->check(CLI::Range(size_t{1}, size_t{1024}));
  command.add_option("--shard", options.shard,
                     "I/N: only pairs whose 0-based row number mod N is I-1");
  command.add_flag("--quiet", options.quiet, "No progress on stderr");
  command.add_option("--resume", options.resume,
                     "Earlier partial output (csv, tsv, ndjson) of this batch: print only the "
                     "rows it lacks, without a header, to append to it");
}

void validate_batch_command(BatchOptions& options) {
  SingleOptions& single = options.analysis;
  if (single.per_date) throw UsageError("--series is not available in batch");
  if (!single.plot.empty()) throw UsageError("--plot is not available in batch");
  if (options.shard) parse_shard(*options.shard);
  validate_single(single, 1, /*positions_from_pairs=*/true);
}

int run_batch(const BatchOptions& options, FileSystem& disk, std::ostream& out, std::ostream& err,
              bool show_progress) {
  const SingleOptions& single = options.analysis;
  AnalysisOptions analysis_options = single.analysis;
  const OutputFormat format = single.format;
  const Thresholds& thresholds = single.thresholds;
  const size_t jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  std::vector<PairRow> pairs;
  bool has_id = false, has_position = false;
  {
    const FileContents contents = disk.read(options.pairs);
    PairsFile file = read_pairs_file(contents.bytes(), options.pairs == "-" ? "<stdin>" : options.pairs);
    pairs = std::move(file.rows);
    has_id = file.has_id;
    has_position = file.has_position;
  }
  if (has_position) {
    if (!analysis_options.sizing.exposure) {
      throw UsageError(options.pairs + " has a position column: add --exposure X to size the "
                       "hedge each position is compared with");
    }
  }
  // Without --position, each pair's position comes from its cell of PAIRS.
  const bool position_per_pair = has_position && !analysis_options.position;
  if (analysis_options.band && !analysis_options.position && !has_position) {
    throw UsageError("--band says when a trade is too small to make: add --position Q or a "
                     "position column to " + options.pairs);
  }
  // --carry-series names a file from the current folder, read once for every pair.
  std::optional<PriceSeries> carry;
  if (single.carry_series) {
    carry = load_carry_series(*single.carry_series, disk, single.csv);
    analysis_options.costs.carry_series = &*carry;
  }
  if (options.shard) {
    const auto [index, count] = parse_shard(*options.shard);
    std::vector<PairRow> mine;
    for (PairRow& pair : pairs) {
      if (pair.index % count == index) mine.push_back(std::move(pair));
    }
    pairs.swap(mine);
  }
  RelativeFileSystem files(disk, pairs_folder(options.pairs));
  PairSpecs specs;
  specs.of_pair.reserve(pairs.size());
  std::unordered_map<std::string, std::uint32_t> resolved;
  auto resolve = [&](const std::string& argument) {
    auto found = resolved.find(argument);
    if (found == resolved.end()) {
      specs.distinct.push_back(parse_series_spec(argument, files));
      found = resolved.emplace(argument, static_cast<std::uint32_t>(specs.distinct.size() - 1)).first;
    }
    return found->second;
  };
  for (const PairRow& pair : pairs) specs.of_pair.emplace_back(resolve(pair.target), resolve(pair.proxy));
  const Library library = load_library(specs, files, single, jobs);

  auto analyse_pair = [&](size_t i) {
    const PairRow& pair = pairs[i];
    PairOutcome outcome;
    if (pair.id) outcome.row.add("id", Value::string(*pair.id));
    std::string target_label = pair.target, proxy_label = pair.proxy, error;
    std::vector<const PriceSeries*> series;
    for (const SeriesSpec* spec : {&specs.target(i), &specs.proxy(i)}) {
      const LoadedColumn& loaded = library.at(file_key(*spec)).at(column_key(spec->column));
      if (!loaded.error.empty() && error.empty()) error = loaded.error;
      series.push_back(&loaded.series);
      (spec == &specs.target(i) ? target_label : proxy_label) = loaded.series.label();
    }
    Value record = Value::object();
    AnalysisOptions pair_options = analysis_options;
    if (error.empty() && pair.position && !pair.position->empty()) {
      const Cell cell = parse_cell(*pair.position);
      if (cell.kind != CellKind::kNumber) {
        error = location(options.pairs, pair.line) + "position \"" +
                printable_message(*pair.position) + "\" is not a number of proxy units";
      }
      pair_options.position = cell.value;
    } else if (error.empty() && position_per_pair) {
      error = location(options.pairs, pair.line) +
              "no position: the position cell is empty and --position is not given";
    }
    if (error.empty()) {
      try {
        const Analysis analysis = analyse(series, pair_options);
        record = analysis_record(analysis);
        outcome.ok = true;
        for (const std::string& message : unmet_thresholds(analysis, thresholds)) {
          error += (error.empty() ? "threshold not met: " : "; ") + message;
          outcome.threshold_missed = true;
        }
      } catch (const Error& e) {
        error = e.what();
      }
    }
    // An alarm row keeps every field and says in the error column what was missed.
    const char* status = !outcome.ok ? "error" : outcome.threshold_missed ? "alarm" : "ok";
    outcome.row.add("target", Value::string(outcome.ok ? target_label : pair.target))
        .add("proxy", Value::string(outcome.ok ? proxy_label : pair.proxy))
        .add("status", Value::string(status))
        .add("error", Value::string(printable_message(error)));
    if (outcome.ok) {
      for (const Field& field : record.fields()) {
        if (field.key != "target" && field.key != "proxy") outcome.row.add(field.key, field.value);
      }
    }
    return outcome;
  };

  ReportOptions report;
  report.header = !single.no_header;
  report.precision = single.precision;
  // Columns: [id,] target, proxy, status, error, then the single analysis' fields.
  std::vector<std::string> columns;
  if (has_id) columns.push_back("id");
  for (const char* base : {"target", "proxy", "status", "error"}) columns.push_back(base);
  AnalysisOptions shape = analysis_options;
  if (position_per_pair) shape.position = 0.0;  // every row has the trade fields
  for (const std::string& key : record_columns(analysis_sections(shape, 1))) {
    if (key != "target" && key != "proxy") columns.push_back(key);
  }
  // --resume: the pairs whose rows an earlier run wrote are counted, not run again.
  size_t done = 0, failed = 0, missed = 0;
  if (!options.resume.empty()) {
    const FileContents contents = disk.read(options.resume);
    const std::vector<DoneRow> rows =
        read_done_rows(contents.bytes(), options.resume, format, report.header, columns);
    if (rows.size() > pairs.size()) {
      throw UsageError("--resume " + options.resume + ": it has " + std::to_string(rows.size()) +
                       " rows, more than the " + std::to_string(pairs.size()) + " pairs to run");
    }
    for (const DoneRow& row : rows) {
      const PairRow& pair = pairs[done];
      const bool same = has_id ? row.id == pair.id.value_or("")
                               : row.target == pair.target ||
                                     row.target.rfind(specs.target(done).path + ":", 0) == 0;
      if (!same) {
        throw UsageError(location(options.resume, row.line) + "this row is not for pair " +
                         std::to_string(pair.index + 1) + " (" + pair.target + ", " + pair.proxy +
                         "): --resume takes the output of the same PAIRS, --shard and options");
      }
      failed += row.status == "error";
      missed += row.status == "alarm";
      ++done;
    }
    report.header = false;  // the rows go after the ones FILE has
  }
  BatchWriter writer(format, out, report, std::move(columns));
  Progress progress(err, pairs.size(), show_progress && !options.quiet);
  const InterruptCatcher interrupts;
  const size_t ran = ordered_parallel_map<PairOutcome>(
      pairs.size() - done, jobs, 4096,
      [&](size_t i) { return analyse_pair(done + i); },
      [&](size_t i, PairOutcome& outcome) {
        writer.write(outcome.row);
        check_written(out);
        failed += !outcome.ok;
        missed += outcome.threshold_missed;
        progress.update(done + i + 1);
      },
      [] { return InterruptCatcher::caught() != 0; });
  writer.finish();
  out << std::flush;
  check_written(out);
  progress.finish();
  done += ran;
  if (done < pairs.size()) {
    const int signal = InterruptCatcher::caught();
    err << "hedgecalc: interrupted by " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << " after "
        << done << " of " << pairs.size() << " pairs; every row written is whole: run again "
        << "with --resume FILE to do the rest\n";
    return 128 + signal;
  }
  if (failed > 0) {
    err << "hedgecalc: " << failed << " of " << pairs.size()
        << " pairs failed (status \"error\"; the error column says why)\n";
    return static_cast<int>(ExitCode::kDataError);
  }
  if (missed > 0) {
    err << "hedgecalc: threshold not met by " << missed << " of " << pairs.size()
        << " pairs (status \"alarm\")\n";
    return static_cast<int>(ExitCode::kThresholdNotMet);
  }
  return static_cast<int>(ExitCode::kSuccess);
}

}  // namespace hedgecalc
