#include "batch_command.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <new>

#include "batch_library.hpp"
#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/batch_resume.hpp"
#include "hedgecalc/batch_writer.hpp"
#include "cost_options.hpp"
#include "hedgecalc/error.hpp"
#include "interrupt.hpp"
#include "output_onto_input.hpp"
#include "shard_option.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/output_check.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// One pair's row, and how it went.
struct PairOutcome {
  Value row = Value::object();
  bool ok = false;
  bool threshold_missed = false;
};

// Pairs counted so far: done (written now or by the run --resume continues), and of
// those the failed ones and the alarms.
struct Tally {
  size_t done = 0, failed = 0, missed = 0;
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

// PAIRS, cut to this --shard.
PairsFile read_batch_pairs(const BatchOptions& options, FileSystem& disk) {
  const FileContents contents = disk.read(options.pairs);
  PairsFile file = read_pairs_file(contents.bytes(), options.pairs == "-" ? "<stdin>" : options.pairs);
  if (options.shard) {
    std::vector<PairRow> mine;
    for (PairRow& pair : file.rows) {
      if (options.shard->holds(pair.index)) mine.push_back(std::move(pair));
    }
    file.rows.swap(mine);
  }
  return file;
}

// The options every pair shares: a position column of PAIRS needs --exposure, and
// --band needs a position from somewhere.
AnalysisOptions shared_options(const BatchOptions& options, const PairsFile& pairs) {
  const AnalysisOptions& analysis = options.analysis.analysis;
  if (pairs.has_position && !analysis.sizing.exposure) {
    throw UsageError(options.pairs + " has a position column: add --exposure X to size the "
                     "hedge each position is compared with");
  }
  if (analysis.band && !analysis.position && !pairs.has_position) {
    throw UsageError("--band says when a trade is too small to make: add --position Q or a "
                     "position column to " + options.pairs);
  }
  return analysis;
}

// Columns: [id,] target, proxy, status, error, then the single analysis' fields.
std::vector<std::string> batch_columns(bool has_id, const AnalysisOptions& shape) {
  std::vector<std::string> columns;
  if (has_id) columns.push_back("id");
  for (const char* base : {"target", "proxy", "status", "error"}) columns.push_back(base);
  for (const std::string& key : record_columns(analysis_sections(shape, 1))) {
    if (key != "target" && key != "proxy") columns.push_back(key);
  }
  return columns;
}

// --resume: the pairs whose rows an earlier run wrote are counted, not run again.
Tally count_resumed(const BatchOptions& options, const FileContents& contents,
                    const PairsFile& pairs, const PairLibrary& library,
                    const std::vector<std::string>& columns) {
  const SingleOptions& single = options.analysis;
  const std::vector<DoneRow> rows =
      read_done_rows(contents.bytes(), options.resume, single.format, !single.no_header, columns);
  if (rows.size() > pairs.rows.size()) {
    throw UsageError("--resume " + options.resume + ": it has " + std::to_string(rows.size()) +
                     " rows, more than the " + std::to_string(pairs.rows.size()) + " pairs to run");
  }
  Tally tally;
  for (const DoneRow& row : rows) {
    const PairRow& pair = pairs.rows[tally.done];
    const bool same = pairs.has_id ? row.id == pair.id.value_or("")
                                   : row.target == pair.target ||
                                         row.target.rfind(library.target_spec(tally.done).path + ":", 0) == 0;
    if (!same) {
      throw UsageError(location(options.resume, row.line) + "this row is not for pair " +
                       std::to_string(pair.index + 1) + " (" + pair.target + ", " + pair.proxy +
                       "): --resume takes the output of the same PAIRS, --shard and options");
    }
    tally.failed += row.status == "error";
    tally.missed += row.status == "alarm";
    ++tally.done;
  }
  return tally;
}

// Runs one pair of a batch into its row.
class PairRunner {
 public:
  PairRunner(const BatchOptions& options, const PairsFile& pairs, const PairLibrary& library,
             AnalysisOptions shared)
      : options_(options), pairs_(pairs), library_(library), shared_(std::move(shared)),
        position_per_pair_(pairs.has_position && !shared_.position) {}

  PairOutcome operator()(size_t i) const {
    const PairRow& pair = pairs_.rows[i];
    PairOutcome outcome;
    if (pair.id) outcome.row.add("id", Value::string(*pair.id));
    std::string error;
    const LoadedColumn& target = column(library_.target_spec(i), error);
    const LoadedColumn& proxy = column(library_.proxy_spec(i), error);
    AnalysisOptions pair_options = shared_;
    if (error.empty()) error = take_position(pair, pair_options);
    Value record = Value::object();
    if (error.empty()) record = analyse_pair({&target.series, &proxy.series}, pair_options, outcome, error);
    std::vector<Field> fields = record.take_fields();
    outcome.row.reserve(outcome.row.fields().size() + 4 + fields.size());
    // An alarm row keeps every field and says in the error column what was missed.
    const char* status = !outcome.ok ? "error" : outcome.threshold_missed ? "alarm" : "ok";
    outcome.row.add("target", Value::string(outcome.ok ? target.series.label() : pair.target))
        .add("proxy", Value::string(outcome.ok ? proxy.series.label() : pair.proxy))
        .add("status", Value::string(status))
        .add("error", Value::string(printable_message(error)));
    for (Field& field : fields) {
      if (field.key != "target" && field.key != "proxy") {
        outcome.row.add(std::move(field.key), std::move(field.value));
      }
    }
    return outcome;
  }

  /// Every row has the trade fields when positions come from PAIRS.
  AnalysisOptions shape() const {
    AnalysisOptions shape = shared_;
    if (position_per_pair_) shape.position = 0.0;
    return shape;
  }

 private:
  // The column, noting the first error of the pair.
  const LoadedColumn& column(const SeriesSpec& spec, std::string& error) const {
    const LoadedColumn& loaded = library_.column(spec);
    if (!loaded.error.empty() && error.empty()) error = loaded.error;
    return loaded;
  }

  // The pair's position from its PAIRS cell; an error message when it has none to give.
  std::string take_position(const PairRow& pair, AnalysisOptions& pair_options) const {
    if (pair.position && !pair.position->empty()) {
      const Cell cell = parse_cell(*pair.position);
      pair_options.position = cell.value;
      if (cell.kind == CellKind::kNumber) return "";
      return location(options_.pairs, pair.line) + "position \"" +
             printable_message(*pair.position) + "\" is not a number of proxy units";
    }
    if (!position_per_pair_) return "";
    return location(options_.pairs, pair.line) +
           "no position: the position cell is empty and --position is not given";
  }

  Value analyse_pair(const std::vector<const PriceSeries*>& series, const AnalysisOptions& pair_options,
                     PairOutcome& outcome, std::string& error) const {
    // Each worker thread reuses its own buffers from pair to pair.
    static thread_local AnalysisScratch scratch;
    try {
      Analysis analysis = analyse(series, pair_options, Executor(1), &scratch);
      outcome.ok = true;
      for (const std::string& message : unmet_thresholds(analysis, options_.analysis.thresholds)) {
        error += (error.empty() ? "threshold not met: " : "; ") + message;
        outcome.threshold_missed = true;
      }
      Value record = analysis_record(analysis);
      recycle(std::move(analysis), scratch);
      return record;
    } catch (const Error& e) {
      error = e.what();
      return Value::object();
    } catch (const std::bad_alloc&) {  // a worker must not throw: the pair fails alone
      error = "out of memory while analysing this pair";
      return Value::object();
    }
  }

  const BatchOptions& options_;
  const PairsFile& pairs_;
  const PairLibrary& library_;
  const AnalysisOptions shared_;
  const bool position_per_pair_;
};

// The price files PAIRS names, as paths from the current folder.
std::vector<std::string> library_paths(const BatchOptions& options, const PairLibrary& library) {
  std::vector<std::string> paths;
  const std::string folder = pairs_folder(options.pairs);
  for (const SeriesSpec& spec : library.series()) paths.push_back(resolve_path(folder, spec.path));
  return paths;
}

// What the batch says on stderr at the end, and its exit code.
int batch_exit(const Tally& tally, size_t total, std::ostream& err) {
  if (tally.done < total) {
    const int signal = InterruptCatcher::caught();
    const char* name = signal == SIGINT ? "SIGINT" : signal == SIGHUP ? "SIGHUP" : "SIGTERM";
    err << "hedgecalc: interrupted by " << name << " after "
        << tally.done << " of " << total << " pairs; every row written is whole: run again "
        << "with --resume FILE to do the rest\n";
    return 128 + signal;
  }
  if (tally.failed > 0) {
    err << "hedgecalc: " << tally.failed << " of " << total
        << " pairs failed (status \"error\"; the error column says why)\n";
    return static_cast<int>(ExitCode::kDataError);
  }
  if (tally.missed > 0) {
    err << "hedgecalc: threshold not met by " << tally.missed << " of " << total
        << " pairs (status \"alarm\")\n";
    return static_cast<int>(ExitCode::kThresholdNotMet);
  }
  return static_cast<int>(ExitCode::kSuccess);
}

}  // namespace

void setup_batch(CLI::App& command, BatchOptions& options) {
  command.add_option("pairs", options.pairs,
                     "CSV with target and proxy columns (and optionally id); '-' is stdin")
      ->type_name("PAIRS")
      ->required();
  add_analysis_options(command, options.analysis);
  command.add_flag("--monitor", options.analysis.monitor,
                   "Monitor each pair as `hedgecalc monitor` does (needs --history-to or "
                   "--history); an alarm makes the row's status alarm")
      ->group("Monitoring");
  add_monitor_options(command, options.analysis);
  add_shard_option(command, options.shard, "I/N: only pairs whose 0-based row number mod N is I-1")
      ->group("Output");
  command.add_flag("--quiet", options.quiet, "No progress on stderr")->group("Output");
  command.add_option("--resume", options.resume,
                     "Earlier partial output (csv, tsv, ndjson) of this batch: print only the "
                     "rows it lacks, without a header, to append to it")
      ->type_name("FILE")
      ->group("Output");
}

void validate_batch_command(BatchOptions& options) {
  SingleOptions& single = options.analysis;
  if (single.per_date) throw UsageError("--series is not available in batch");
  if (!single.plot.empty()) throw UsageError("--plot is not available in batch");
  validate_single(single, 1, /*positions_from_pairs=*/true);
}

int run_batch(const BatchOptions& options, FileSystem& disk, std::ostream& out, std::ostream& err,
              bool show_progress) {
  const SingleOptions& single = options.analysis;
  const Executor executor(single.jobs);
  // A signal while the pairs and their files load ends the run at once (nothing written
  // yet); from the first row on, it stops the batch between rows.
  InterruptCatcher interrupts(InterruptCatcher::BeforeRows::kExit);
  const PairsFile pairs = read_batch_pairs(options, disk);
  AnalysisOptions shared = shared_options(options, pairs);
  // --carry-series names a file from the current folder, read once for every pair.
  std::optional<PriceSeries> carry;
  if (single.carry_series) {
    carry = load_carry_series(*single.carry_series, disk, single.csv);
    shared.costs.carry_series = &*carry;
  }
  RelativeFileSystem files(disk, pairs_folder(options.pairs));
  PairLibrary library(pairs.rows, files);
  refuse_output_onto_inputs(single.output, library_paths(options, library));
  library.load(files, single, executor);
  const PairRunner run_pair(options, pairs, library, shared);

  ReportOptions report;
  report.header = !single.no_header;
  report.precision = single.precision;
  std::vector<std::string> columns = batch_columns(pairs.has_id, run_pair.shape());
  Tally tally;
  std::optional<FileContents> resumed;
  if (!options.resume.empty()) {
    resumed = disk.read(options.resume);
    tally = count_resumed(options, *resumed, pairs, library, columns);
    // The rows go after the ones FILE has: a header only when FILE is empty. Into
    // --output, FILE's rows come first, so that the file written is the whole result.
    report.header = report.header && resumed->bytes().empty();
    if (!single.output.empty()) out << resumed->bytes();
  }
  interrupts.rows_begin();
  BatchWriter writer(single.format, out, report, std::move(columns));
  Progress progress(err, pairs.rows.size(), show_progress && !options.quiet);
  const size_t first = tally.done;
  tally.done += executor.ordered_map<PairOutcome>(
      pairs.rows.size() - first, 4096, [&](size_t i) { return run_pair(first + i); },
      [&](size_t i, PairOutcome& outcome) {
        writer.write(outcome.row);
        check_written(out);
        tally.failed += !outcome.ok;
        tally.missed += outcome.threshold_missed;
        progress.update(first + i + 1);
      },
      [] { return InterruptCatcher::caught() != 0; });
  writer.finish();
  out << std::flush;
  check_written(out);
  progress.finish();
  return batch_exit(tally, pairs.rows.size(), err);
}

}  // namespace hedgecalc
