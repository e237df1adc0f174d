// monitor --follow through the built binary: files that grow while a writer process
// appends to them (in pieces cut anywhere, lines included), pipes that trickle, standard
// input with both columns, the signals that end it, and the inputs it must refuse. The
// reference is always the one-shot `monitor --series` over the final files.

#include <catch2/catch.hpp>

#include <cstdio>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "hedgecalc/timestamp.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;

namespace {

// A daily pair, target = 0.8 proxy + noise in returns until `break_at`, 1.6 proxy after.
struct PricePair {
  std::string target, proxy, both;  // target.csv, proxy.csv, and both as two columns
};

PricePair make_pair(size_t rows, size_t break_at, unsigned seed) {
  std::mt19937_64 random(seed);
  std::normal_distribution<double> normal(0, 0.01);
  std::ostringstream target, proxy, both;
  target << "date,close\n";
  proxy << "Date,Settle\n";
  both << "date,tok,idx\n";
  double t = 100, p = 50;
  const hedgecalc::Timestamp first = 18262 * hedgecalc::kNanosPerDay;  // 2020-01-01
  for (size_t i = 0; i < rows; ++i) {
    const std::string date = hedgecalc::format_timestamp(first + static_cast<long long>(i) * hedgecalc::kNanosPerDay, true);
    const double r = normal(random);
    p *= 1 + r;
    t *= 1 + (i < break_at ? 0.8 : 1.6) * r + 0.5 * normal(random);
    char line[128];
    std::snprintf(line, sizeof line, "%s,%.6f\n", date.c_str(), t);
    target << line;
    std::snprintf(line, sizeof line, "%s,%.6f\n", date.c_str(), p);
    proxy << line;
    std::snprintf(line, sizeof line, "%s,%.6f,%.6f\n", date.c_str(), t, p);
    both << line;
  }
  return {target.str(), proxy.str(), both.str()};
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

size_t line_count(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

// text cut into files of about `piece` bytes each (cut wherever they fall, in the middle
// of lines too), named NAME.partK.
std::vector<std::string> pieces(const std::string& folder, const std::string& name,
                                const std::string& text, size_t piece) {
  std::vector<std::string> files;
  for (size_t at = 0; at < text.size(); at += piece) {
    files.push_back(folder + "/" + name + ".part" + std::to_string(files.size()));
    write_file(files.back(), text.substr(at, piece));
  }
  return files;
}

// A shell script that appends text to FOLDER/NAME piece by piece, pausing between them.
std::string appender(const std::string& folder, const std::string& name, const std::string& text,
                     size_t piece) {
  std::string script;
  for (const std::string& file : pieces(folder, name, text, piece)) {
    script += "cat '" + file + "' >> '" + folder + "/" + name + "'; sleep 0.01; ";
  }
  return script;
}

// A shell script that writes text to its stdout piece by piece, pausing between them.
std::string trickler(const std::string& folder, const std::string& name, const std::string& text,
                     size_t piece) {
  std::string script;
  for (const std::string& file : pieces(folder, name, text, piece)) script += "cat '" + file + "'; sleep 0.01; ";
  return script;
}

// Shell lines that wait (at most 30 s) until a file has `lines` lines.
std::string wait_for_lines(const std::string& file, size_t lines) {
  // A file not there yet counts as no lines.
  return "for i in $(seq 600); do n=$( (wc -l < " + file + ") 2>/dev/null); [ \"${n:-0}\" -ge " +
         std::to_string(lines) + " ] && break; sleep 0.05; done; ";
}

const std::string kMonitor = "monitor --history 150 ";
// Moving estimates: the test with power against a change of the ratio itself.
const std::string kMovingEstimates = "monitor --history 150 --process me --bandwidth 0.5 ";

}  // namespace

TEST_CASE("following files that grow prints the one-shot --series rows", "[cli][follow]") {
  const std::string folder = fresh_folder("follow_grow");
  const PricePair pair = make_pair(400, 250, 1);
  write_file(folder + "/final_t.csv", pair.target);
  write_file(folder + "/final_p.csv", pair.proxy);
  const auto expected = run_hedgecalc(kMovingEstimates + "--series --format csv " + folder + "/final_t.csv " +
                                      folder + "/final_p.csv");
  REQUIRE(expected.exit_code == 3);  // the planted break raises the alarm
  const size_t rows = line_count(expected.out);
  REQUIRE(rows > 100);
  // Both files start with their first 100 lines; the writers append the rest in pieces
  // of 97 and 61 bytes; once the follower has printed every row it is told to stop.
  const size_t head_t = pair.target.find('\n', 1200) + 1, head_p = pair.proxy.find('\n', 1000) + 1;
  write_file(folder + "/t.csv", pair.target.substr(0, head_t));
  write_file(folder + "/p.csv", pair.proxy.substr(0, head_p));
  const std::string writers = "( " + appender(folder, "t.csv", pair.target.substr(head_t), 97) + ") & W1=$!; ( " +
                              appender(folder, "p.csv", pair.proxy.substr(head_p), 61) + ") & W2=$!; ";
  const std::string follower = "'" + hedgecalc_binary() + "' " + kMovingEstimates + "--follow " + folder + "/t.csv " +
                               folder + "/p.csv > " + folder + "/out.csv 2> " + folder + "/err.txt & F=$!; ";
  const std::string until_done = "for i in $(seq 600); do [ \"$(wc -l < " + folder + "/out.csv)\" -ge " +
                                 std::to_string(rows) + " ] && break; sleep 0.05; done; wait $W1 $W2; "
                                 "sleep 0.2; kill -TERM $F; wait $F; echo $? > " + folder + "/rc";
  const auto run = run_shell("(" + follower + writers + until_done + ")");
  CHECK(file_text(folder + "/out.csv") == expected.out);
  CHECK(file_text(folder + "/rc") == "3\n");
  CHECK_THAT(file_text(folder + "/err.txt"), Contains("hedgecalc: alarm: the monitor (me) crossed"));
}

TEST_CASE("following a pipe that trickles ends with its input, every format as --series", "[cli][follow]") {
  const std::string folder = fresh_folder("follow_pipe");
  const PricePair pair = make_pair(300, 1000, 2);
  write_file(folder + "/both.csv", pair.both);
  for (const std::string format : {"csv", "tsv", "ndjson"}) {
    const auto expected = run_hedgecalc(kMonitor + "--series --format " + format + " " + folder +
                                        "/both.csv:tok " + folder + "/both.csv:idx");
    REQUIRE(expected.exit_code == 0);
    const auto follow = run_shell("(( " + trickler(folder, "piped.csv", pair.both, 503) + ") | '" +
                                  hedgecalc_binary() + "' " + kMonitor + "--follow --format " + format +
                                  " -:tok -:idx)");
    CHECK(follow.exit_code == 0);
    CHECK(follow.out == expected.out);
  }
}

TEST_CASE("follow's estimator columns, trade and --alarms-only equal the one-shot's", "[cli][follow]") {
  const std::string folder = fresh_folder("follow_columns");
  const PricePair pair = make_pair(400, 250, 3);
  write_file(folder + "/both.csv", pair.both);
  const std::string options = "--ewma 0.94 --window 30 --kalman --exposure 1000000 --position -12000 --band 0.05 ";
  const auto expected = run_hedgecalc(kMovingEstimates + options + "--series --format csv " + folder +
                                      "/both.csv:tok " + folder + "/both.csv:idx");
  REQUIRE(expected.exit_code == 3);
  CHECK_THAT(expected.out, Contains("window_hedge_ratio,ewma_hedge_ratio,kalman_hedge_ratio,target_position,trade,trade_contracts,action"));
  const auto follow = run_shell("(cat " + folder + "/both.csv | '" + hedgecalc_binary() + "' " + kMovingEstimates +
                                options + "--follow -:tok -:idx)");
  CHECK(follow.exit_code == 3);
  CHECK(follow.out == expected.out);

  // --alarms-only: the header and the rows that cross, nothing else.
  std::istringstream lines(expected.out);
  std::string line, crossing;
  std::getline(lines, line);
  crossing = line + "\n";
  while (std::getline(lines, line)) {
    if (line.find(",true,") != std::string::npos) crossing += line + "\n";
  }
  REQUIRE(line_count(crossing) > 1);
  const auto alarms = run_shell("(cat " + folder + "/both.csv | '" + hedgecalc_binary() + "' " + kMovingEstimates +
                                options + "--follow --alarms-only -:tok -:idx)");
  CHECK(alarms.exit_code == 3);
  CHECK(alarms.out == crossing);
}

TEST_CASE("a follow prints each event as its rows arrive, and ends cleanly on SIGINT or SIGTERM",
          "[cli][follow]") {
  const std::string folder = fresh_folder("follow_live");
  const PricePair pair = make_pair(400, 1000, 4);
  const size_t cut = pair.both.find('\n', pair.both.size() * 2 / 3) + 1;
  write_file(folder + "/first.csv", pair.both.substr(0, cut));
  write_file(folder + "/rest.csv", pair.both.substr(cut));
  const auto expected_first = run_hedgecalc(kMonitor + "--series --format csv " + folder + "/first.csv:tok " +
                                            folder + "/first.csv:idx");
  REQUIRE(line_count(expected_first.out) > 10);
  // The pipe stays open for 3 seconds after the first half: its events must be out by then.
  const auto live = run_shell("((cat " + folder + "/first.csv; sleep 3; cat " + folder + "/rest.csv) | '" +
                              hedgecalc_binary() + "' " + kMonitor + "--follow -:tok -:idx > " + folder +
                              "/out.csv & sleep 1.5; cp " + folder + "/out.csv " + folder + "/early.csv; wait)");
  CHECK(file_text(folder + "/early.csv") == expected_first.out);
  CHECK(line_count(file_text(folder + "/out.csv")) == 400 - 1 - 150 + 1);

  for (const std::string signal : {"INT", "TERM"}) {
    write_file(folder + "/grow.csv", pair.both);
    const auto expected = run_hedgecalc(kMonitor + "--series --format csv " + folder + "/grow.csv:tok " +
                                        folder + "/grow.csv:idx");
    // Stopped once every row is out (a slow machine gets 30 s for it). The previous
    // step's out.csv holds the same rows: it goes first, or a loaded machine could send
    // the signal before this follow had started (and installed its handler).
    std::remove((folder + "/out.csv").c_str());
    const auto stopped = run_shell("('" + hedgecalc_binary() + "' " + kMonitor + "--follow " + folder + "/grow.csv:tok " +
                                   folder + "/grow.csv:idx > " + folder + "/out.csv & F=$!; " +
                                   wait_for_lines(folder + "/out.csv", line_count(expected.out)) + "kill -" + signal +
                                   " $F; wait $F; echo $? > " + folder + "/rc)");
    CHECK(file_text(folder + "/out.csv") == expected.out);
    CHECK(file_text(folder + "/rc") == "0\n");
  }
}

TEST_CASE("a follow refuses what it cannot honour, and stops at rows it cannot use", "[cli][follow]") {
  const std::string folder = fresh_folder("follow_bad");
  const PricePair pair = make_pair(300, 1000, 5);
  write_file(folder + "/both.csv", pair.both);
  const std::string both = folder + "/both.csv:tok " + folder + "/both.csv:idx";
  for (const auto& [options, words] : std::vector<std::pair<std::string, std::string>>{
           {"--format json", "--format json: --follow prints one event per line"},
           {"--format table", "--format table: --follow prints one event per line"},
           {"--output " + folder + "/x.csv", "--output: a follow never ends"},
           {"--frequency weekly", "--frequency"},
           {"--horizon 5", "--horizon"},
           {"--align asof", "--align asof"},
           {"--stability", "--stability belongs to the one-shot record"},
           {"--min-correlation 0.5", "--min-correlation"}}) {
    const auto r = run_hedgecalc(kMonitor + "--follow " + options + " " + both);
    INFO(options);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains(words));
  }
  const auto alone = run_hedgecalc(kMonitor + "--alarms-only " + both);
  CHECK(alone.exit_code == 2);
  CHECK_THAT(alone.err, Contains("--alarms-only filters the events of --follow"));

  // Rows out of order in a pipe: exit 1 naming the file, line and column.
  std::string shuffled = pair.both;
  const size_t line10 = [&] { size_t at = 0; for (int i = 0; i < 10; ++i) at = shuffled.find('\n', at) + 1; return at; }();
  const size_t line11 = shuffled.find('\n', line10) + 1;
  const std::string moved = shuffled.substr(line10, line11 - line10);
  shuffled.erase(line10, line11 - line10);
  shuffled += moved;
  write_file(folder + "/shuffled.csv", shuffled);
  const auto disorder = run_shell("(cat " + folder + "/shuffled.csv | '" + hedgecalc_binary() + "' " + kMonitor +
                                  "--follow -:tok -:idx)");
  CHECK(disorder.exit_code == 1);
  CHECK_THAT(disorder.err, Contains("-:301: column \"tok\": this row's date comes before line 300's") &&
                               Contains("rows out of order"));

  // A file that shrinks while it is followed.
  write_file(folder + "/shrinks.csv", pair.both);
  // Cut once the follower has read it all; a watchdog ends a follower that missed the cut.
  const auto shrank = run_shell("('" + hedgecalc_binary() + "' " + kMonitor + "--follow " + folder + "/shrinks.csv:tok " +
                                folder + "/shrinks.csv:idx > " + folder + "/shrink_out.csv & F=$!; " +
                                wait_for_lines(folder + "/shrink_out.csv", 300 - 1 - 150 + 1) + "head -n 100 " + folder +
                                "/both.csv > " + folder + "/shrinks.csv; (sleep 30; kill -KILL $F) 2>/dev/null & wait $F)");
  CHECK(shrank.exit_code == 1);
  CHECK_THAT(shrank.err, Contains("shrinks.csv: the file shrank from"));

  // A column the stream does not have; a compressed file.
  const auto missing = run_shell("(cat " + folder + "/both.csv | '" + hedgecalc_binary() + "' " + kMonitor +
                                 "--follow -:tok -:nope)");
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.empty());
  CHECK_THAT(missing.err, Contains("nope"));
  const auto packed = run_shell("(gzip -c " + folder + "/both.csv > " + folder + "/both.csv.gz; '" + hedgecalc_binary() +
                                "' " + kMonitor + "--follow " + folder + "/both.csv.gz:tok " + folder + "/both.csv.gz:idx)");
  CHECK(packed.exit_code == 1);
  CHECK_THAT(packed.err, Contains("is compressed; --follow reads plain text"));

  // The history never completes before the pipe ends: the one-shot's error.
  const auto short_input = run_shell("(head -n 50 " + folder + "/both.csv | '" + hedgecalc_binary() + "' " + kMonitor +
                                     "--follow -:tok -:idx)");
  CHECK(short_input.exit_code == 1);
  CHECK(short_input.out.empty());
  CHECK_THAT(short_input.err, Contains("the history of 150 returns is longer than the 48 returns there are"));
}

TEST_CASE("a follow says once when monitoring passes its horizon, and goes on", "[cli][follow]") {
  const std::string folder = fresh_folder("follow_horizon");
  const PricePair pair = make_pair(400, 1000, 6);
  write_file(folder + "/both.csv", pair.both);
  const auto follow = run_shell("(cat " + folder + "/both.csv | '" + hedgecalc_binary() + "' " + kMonitor +
                                "--period 2 --follow -:tok -:idx)");
  CHECK(follow.exit_code == 0);
  // 150 history returns x period 2: the 301st return is the first past the horizon; it
  // ends on the 302nd day, 2020-01-01 + 301 days.
  const std::string date = hedgecalc::format_timestamp((18262 + 301) * hedgecalc::kNanosPerDay, true);
  CHECK(follow.err == "hedgecalc: note: monitoring passed its horizon (period 2 x 150 history returns) on " +
                          date + "; the false-alarm rate alpha holds up to it\n");
  CHECK(line_count(follow.out) == 400 - 1 - 150 + 1);
}
