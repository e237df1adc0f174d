// End to end: `hedgecalc monitor` and `batch --monitor` through the built binary, on the
// golden data of tests/golden/make_monitor_golden.R (R strucchange's mefp + monitor).

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>

#include "golden.hpp"
#include "hedgecalc/timestamp.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;

namespace {

using Table = std::vector<std::map<std::string, std::string>>;

// target.csv and proxy.csv of a golden data set: its returns as values (--returns none)
// on consecutive days from 2001-01-01.
std::string write_returns(const std::string& set) {
  const std::string folder = fresh_folder("monitor_" + set);
  std::ofstream target(folder + "/target.csv"), proxy(folder + "/proxy.csv");
  target << "date,value\n";
  proxy << "date,value\n";
  const hedgecalc::Timestamp first = 11323 * hedgecalc::kNanosPerDay;  // 2001-01-01
  for (const auto& row : parse_csv_table(source_file_text("tests/golden/monitor_inputs.csv"))) {
    if (row.at("set") != set) continue;
    const std::string date =
        hedgecalc::format_timestamp(first + (std::stoll(row.at("t")) - 1) * hedgecalc::kNanosPerDay, true);
    target << date << "," << row.at("y") << "\n";
    proxy << date << "," << row.at("x") << "\n";
  }
  return folder;
}

double relative(const std::string& a, const std::string& b) {
  return std::fabs(std::stod(a) - std::stod(b)) / std::fabs(std::stod(b));
}

}  // namespace

TEST_CASE("monitor --series equals strucchange at every monitored date", "[cli][monitor][golden]") {
  const Table cases = parse_csv_table(source_file_text("tests/golden/monitor_cases.csv"));
  std::map<std::string, Table> steps;
  for (auto& row : parse_csv_table(source_file_text("tests/golden/monitor_steps.csv"))) {
    steps[row.at("case")].push_back(row);
  }
  std::map<std::string, std::string> folders;
  size_t compared = 0;
  for (const auto& c : cases) {
    if (c.at("set") == "sim_basket") continue;  // one proxy here; baskets in the unit test
    if (!folders.count(c.at("set"))) folders[c.at("set")] = write_returns(c.at("set"));
    const std::string& folder = folders[c.at("set")];
    std::string process = c.at("process") == "OLS-CUSUM" ? "ols-cusum" : c.at("process") == "OLS-MOSUM" ? "ols-mosum" : "me";
    const std::string options = "monitor --returns none --history " + c.at("history") + " --process " + process +
                                " --bandwidth " + c.at("h") + " --period " + c.at("period") + " --alpha " +
                                c.at("alpha") + " " + folder + "/target.csv " + folder + "/proxy.csv";
    INFO("case " << c.at("case") << ": " << options);
    const ProcessResult series = run_hedgecalc(options + " --series --format csv");
    const int expected_exit = c.at("alarm").empty() ? 0 : 3;
    REQUIRE(series.exit_code == expected_exit);
    const Table rows = parse_csv_table(series.out);
    const Table& want = steps.at(c.at("case"));
    REQUIRE(rows.size() == want.size());
    // OLS-CUSUM's critical value is the accurate root, about 4e-9 from strucchange's.
    const double boundary_tolerance = process == "ols-cusum" ? 5e-9 : 1e-9;
    size_t crossings = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      CHECK(relative(rows[i].at("process"), want[i].at("process")) < 1e-9);
      CHECK(relative(rows[i].at("boundary"), want[i].at("boundary")) < boundary_tolerance);
      crossings += rows[i].at("crossed") == "true";
    }
    const auto record = parse_csv_row(run_hedgecalc(options + " --format csv").out);
    CHECK(record.at("monitor_alarm_index") == c.at("alarm"));
    CHECK(relative(record.at("monitor_critical_value"), c.at("critical_value")) < 1e-6);
    CHECK(relative(record.at("monitor_statistic"), c.at("statistic")) < 1e-9);
    CHECK((crossings > 0) == !c.at("alarm").empty());
    if (expected_exit == 3) CHECK_THAT(series.err, Contains("raised an alarm"));
    ++compared;
  }
  CHECK(compared == 35);
}

TEST_CASE("monitor says in words whether and when the hedge broke", "[cli][monitor]") {
  const std::string folder = write_returns("sim_break");
  const std::string pair = " --returns none " + folder + "/target.csv " + folder + "/proxy.csv";
  // strucchange: ME with h 0.5, period 2 raises its alarm at observation 448 (case 12).
  const ProcessResult alarm = run_hedgecalc("monitor --history 250 --process me --bandwidth 0.5 --period 2" + pair);
  CHECK(alarm.exit_code == 3);
  const std::string day_448 = hedgecalc::format_timestamp((11323 + 447) * hedgecalc::kNanosPerDay, true);
  CHECK_THAT(alarm.out, Contains("ALARM: the hedge broke on " + day_448 + " (return 448"));
  CHECK_THAT(alarm.out, Contains("past the horizon of 2 times the history"));
  CHECK_THAT(alarm.err, Contains("threshold not met: the monitor (me) raised an alarm on " + day_448));
  const ProcessResult calm = run_hedgecalc("monitor --history 250" + pair);  // OLS-CUSUM: no alarm
  CHECK(calm.exit_code == 0);
  CHECK_THAT(calm.out, Contains("no alarm: the hedge holds through"));
  // --history-to names the same history by its last date.
  const std::string day_250 = hedgecalc::format_timestamp((11323 + 249) * hedgecalc::kNanosPerDay, true);
  const ProcessResult by_date =
      run_hedgecalc("monitor --format json --history-to " + day_250 + " --process me --bandwidth 0.5 --period 2" + pair);
  CHECK(by_date.exit_code == 3);
  CHECK_THAT(by_date.out, Contains("\"alarm_index\": 448") && Contains("\"history_n\": 250") &&
                              Contains("\"alarm\": true") && Contains("\"horizon_passed\": true"));
}

TEST_CASE("monitor's usage and data errors name the option or the numbers", "[cli][monitor]") {
  const std::string folder = write_returns("sim_calm");
  const std::string pair = " --returns none " + folder + "/target.csv " + folder + "/proxy.csv";
  struct Bad { std::string options; int exit_code; std::string says; };
  for (const Bad& bad : std::vector<Bad>{
           {"monitor", 2, "--history-to DATE or --history N"},
           {"monitor --history 100 --history-to 2001-02-01", 2, "once"},
           {"monitor --history 100 --alpha 1.5", 2, "--alpha"},
           {"monitor --history 100 --alpha 0", 2, "--alpha"},
           {"monitor --history 100 --process me --bandwidth 0.75", 2, "0.25, 0.5 or 1"},
           {"monitor --history 100 --process ols-mosum --period 5", 2, "2, 4, 6, 8 or 10"},
           {"monitor --history 100 --process ols-mosum --alpha 0.1", 2, "alpha 0.001-0.05"},
           {"monitor --history 100 --process me --alpha 0.2", 2, "0.002 to 0.1 here"},
           {"monitor --history 100 --process cusum", 2, "--process"},
           {"monitor --history 0", 2, "--history"},
           {"monitor --history-to someday", 2, "--history-to someday"},
           {"monitor --history 100 --no-intercept", 2, "--no-intercept"},
           {"--history 100", 2, "--history"},  // only monitor and batch take it
           {"monitor --history 3", 1, "the history has 3 returns; monitoring 1 proxy needs at least 4"},
           {"monitor --history 800", 1, "longer than the 700 returns"},
           {"monitor --history-to 1999-12-31", 1, "outside the returns"},
           {"monitor --history 7 --process me --bandwidth 0.25 --period 6 --alpha 0.01", 1, "moving window of 1 returns"}}) {
    const ProcessResult r = run_hedgecalc(bad.options + pair);
    INFO(bad.options << "\n" << r.err);
    CHECK(r.exit_code == bad.exit_code);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains(bad.says));
  }
}

TEST_CASE("batch --monitor: a row per pair, status alarm and exit 3 on an alarm", "[cli][monitor][batch]") {
  const std::string calm = write_returns("sim_calm"), broken = write_returns("sim_break");
  const std::string pairs = fresh_folder("monitor_pairs") + "/pairs.csv";
  std::ofstream(pairs) << "id,target,proxy\ncalm," << calm << "/target.csv," << calm << "/proxy.csv\nbroken,"
                       << broken << "/target.csv," << broken << "/proxy.csv\n";
  const ProcessResult r = run_hedgecalc("batch --quiet --format csv --returns none --monitor --history 250 "
                                        "--process me --bandwidth 0.5 --period 2 " + pairs);
  CHECK(r.exit_code == 3);
  const Table rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("status") == "ok");
  CHECK(rows[0].at("monitor_alarm") == "false");
  CHECK(rows[1].at("status") == "alarm");
  CHECK(rows[1].at("monitor_alarm_index") == "448");  // as the single form and strucchange
  CHECK_THAT(rows[1].at("error"), Contains("raised an alarm"));
  CHECK(run_hedgecalc("batch --history 250 " + pairs).exit_code == 2);  // needs --monitor
}
