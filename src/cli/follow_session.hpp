#pragma once
// `monitor --follow` without the waiting: the bytes of each input in, one event row out
// per return they complete. The pipeline is the one-shot's, fed one row at a time: the
// loader's reading (GrowingCsv), the inner join and returns (StreamingJoin), and the
// watch that monitor --series runs (HedgeWatch), so the events equal its rows. The loop
// that reads growing files and pipes (follow_command.cpp) feeds it; tests feed it
// directly.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "command_options.hpp"
#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/hedge_watch.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/reporter.hpp"
#include "hedgecalc/streaming_join.hpp"

namespace hedgecalc {

/// One followed hedge.
class FollowSession {
 public:
  /// Validated monitor options with --follow; files tells a path from PATH:COLUMN. Events
  /// go to out, notes (the horizon passed, the alarm) to err.
  FollowSession(const SingleOptions& options, const FileSystem& files, std::ostream& out,
                std::ostream& err);
  ~FollowSession();

  /// The inputs to read, each once: a path, or "-" for standard input.
  const std::vector<std::string>& inputs() const { return paths_; }

  /// Reads whole lines of input i and writes the events of the returns they complete.
  /// Throws DataError naming file, line and column for a row it cannot use.
  void feed(size_t input, std::string_view lines);

  /// The inputs have ended (or the follow was stopped): a history still incomplete is an
  /// error (DataError), as for a one-shot run over the same rows.
  void finish();

  /// True once the monitor has raised its alarm.
  bool alarm() const;

 private:
  struct Input {
    std::string path;
    std::unique_ptr<GrowingCsv> csv;
    std::vector<size_t> series;  // the series each of csv's columns is
  };
  void drain();
  void write_event(const WatchEvent& event);

  const SingleOptions& options_;
  std::ostream& err_;
  std::vector<std::string> paths_;
  std::vector<Input> inputs_;
  std::unique_ptr<StreamingJoin> join_;
  std::unique_ptr<HedgeWatch> watch_;
  std::unique_ptr<Reporter> reporter_;
  MonitorColumns columns_;
  Value row_ = Value::object();  // the event row, refilled for each event
  std::vector<double> values_;
  bool date_only_ = true;
  bool horizon_noted_ = false, alarm_noted_ = false;
};

}  // namespace hedgecalc
