#include "follow_session.hpp"

#include <cassert>
#include <map>

#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/analysis_sections.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/series_spec.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {

FollowSession::FollowSession(const SingleOptions& options, const FileSystem& files, std::ostream& out,
                             std::ostream& err)
    : options_(options), err_(err) {
  // One reader per input; a file named twice (two of its columns) is read once.
  std::map<std::string, size_t> input_of;
  std::vector<std::string> readings;
  std::vector<std::vector<std::optional<std::string>>> columns;
  std::vector<std::string> file_labels, column_labels(options.series.size());
  for (size_t i = 0; i < options.series.size(); ++i) {
    const SeriesSpec spec = parse_series_spec(options.series[i], files);
    auto [at, added] = input_of.emplace(spec.path, inputs_.size());
    if (added) {
      inputs_.push_back(Input{spec.path, nullptr, {}});
      paths_.push_back(spec.path);
      readings.push_back(spec.reading);
      columns.emplace_back();
    } else if (readings[at->second] != spec.reading) {
      throw UsageError("--follow reads " + spec.path +
                       " once: give its series the same reading options (@...)");
    }
    inputs_[at->second].series.push_back(i);
    columns[at->second].push_back(spec.column);
    file_labels.push_back(spec.path);
  }
  for (size_t f = 0; f < inputs_.size(); ++f) {
    const CsvOptions own = series_csv_options(options.csv, readings[f], inputs_[f].path);
    inputs_[f].csv = std::make_unique<GrowingCsv>(inputs_[f].path, columns[f], own);
  }
  join_ = std::make_unique<StreamingJoin>(file_labels, column_labels, options.analysis.kind,
                                          options.range);
  const auto critical = monitor_critical_value(options.analysis.monitor->settings,
                                               options.series.size());
  assert(critical);  // the command line checked the settings against the table
  watch_ = std::make_unique<HedgeWatch>(watch_options(options.analysis, *critical),
                                        options.series.size() - 1);
  ReportOptions report;
  report.header = !options.no_header;
  report.precision = options.precision;
  reporter_ = make_reporter(options.format, out, report);
  columns_ = monitor_columns(analysis_sections(options.analysis, options.series.size() - 1));
}

FollowSession::~FollowSession() = default;

void FollowSession::feed(size_t input, std::string_view lines) {
  Input& in = inputs_[input];
  in.csv->feed(lines);
  std::vector<ColumnLoad>& read = in.csv->columns();
  for (size_t c = 0; c < read.size(); ++c) {
    PriceSeries& s = read[c].series;
    // The join names rows by file and column; the column's name is known once read.
    join_->name_column(in.series[c], s.column);
    for (size_t r = 0; r < s.size(); ++r) join_->add(in.series[c], s.time[r], s.price[r], s.line[r]);
    s.time.clear();
    s.price.clear();
    s.line.clear();
  }
  drain();
}

// Every return the rows so far complete, through the watch.
void FollowSession::drain() {
  Timestamp time = 0;
  double proxy_price = 0;
  while (join_->next(time, values_, proxy_price)) {
    const bool history = !watch_->monitoring();
    const auto event = watch_->push(time, values_.data(), proxy_price);
    // Dates print without a time of day when the history's returns are all at midnight,
    // as a one-shot run over daily rows prints them.
    if (history) date_only_ = date_only_ && time % kNanosPerDay == 0;
    if (event) write_event(*event);
  }
}

void FollowSession::write_event(const WatchEvent& event) {
  const bool date_only = date_only_ && event.time % kNanosPerDay == 0;
  if (!options_.alarms_only || event.step.crossed) {
    if (row_.fields().empty()) {
      row_ = monitor_row(event, columns_, date_only);
    } else {
      refill_monitor_row(row_, event, columns_, date_only);
    }
    reporter_->write(row_);
  }
  if (event.step.crossed && !alarm_noted_) {
    alarm_noted_ = true;
    err_ << "hedgecalc: alarm: the monitor ("
         << monitor_process_name(options_.analysis.monitor->settings.process)
         << ") crossed its boundary on " << format_timestamp(event.time, date_only) << ", return "
         << *watch_->monitor().alarm() << " counted from the history's first\n"
         << std::flush;
  }
  if (watch_->horizon_passed() && !horizon_noted_) {
    horizon_noted_ = true;
    err_ << "hedgecalc: note: monitoring passed its horizon (period "
         << significant_decimal(options_.analysis.monitor->settings.period, 6) << " x "
         << watch_->history_size() << " history returns) on "
         << format_timestamp(event.time, date_only)
         << "; the false-alarm rate alpha holds up to it\n"
         << std::flush;
  }
}

void FollowSession::finish() {
  drain();
  watch_->finish();
}

bool FollowSession::alarm() const { return watch_->monitoring() && watch_->monitor().alarm().has_value(); }

}  // namespace hedgecalc
