// Unattended runs (cron, schedulers): killed batches, resumes and --output never lose or
// corrupt results. Each case names its item of the issue "Safe to leave unattended".

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "process.hpp"

using Catch::Matchers::Contains;

namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A PAIRS file of `rows` pairs of the sample data, with ids.
std::string sample_pairs(const std::string& folder, int rows) {
  std::string text = "id,target,proxy\n";
  for (int i = 0; i < rows; ++i) {
    text += "p" + std::to_string(i) + "," + source_dir() + "/data/token.csv," + source_dir() +
            "/data/btc.csv\n";
  }
  write_text(folder + "/pairs.csv", text);
  return folder + "/pairs.csv";
}

const char* const kBatch = "batch --quiet --format csv --window 30 ";

}  // namespace

TEST_CASE("item 1: --resume of a file cut mid-row fails and says where to cut it", "[unattended]") {
  const std::string folder = fresh_folder("cut");
  const std::string pairs = sample_pairs(folder, 5);
  const std::string whole = run_hedgecalc(kBatch + pairs).out;
  REQUIRE(whole.size() > 200);
  const size_t second_row_end = whole.find('\n', whole.find('\n', whole.find('\n') + 1) + 1);
  const std::string cut = whole.substr(0, second_row_end + 40);  // two rows and a fragment
  write_text(folder + "/out.csv", cut);
  const ProcessResult r = run_hedgecalc(kBatch + std::string("--resume ") + folder + "/out.csv " + pairs);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains(folder + "/out.csv: the last row is cut short"));
  CHECK_THAT(r.err, Contains("truncate -s " + std::to_string(second_row_end + 1)));
  // Cut as told, the resume appends exactly the missing rows.
  REQUIRE(::truncate((folder + "/out.csv").c_str(), static_cast<off_t>(second_row_end + 1)) == 0);
  const int appended = std::system(("cd '" + source_dir() + "' && '" + hedgecalc_binary() + "' " +
                                    kBatch + "--resume " + folder + "/out.csv " + pairs + " >> " +
                                    folder + "/out.csv").c_str());
  CHECK(appended == 0);
  CHECK(file_text(folder + "/out.csv") == whole);
}

TEST_CASE("item 2: --resume F --output F completes F, by any path", "[unattended]") {
  const std::string folder = fresh_folder("resume_output");
  const std::string pairs = sample_pairs(folder, 6);
  const std::string whole = run_hedgecalc(kBatch + pairs).out;
  const size_t three_rows = whole.find('\n', whole.find('\n', whole.find('\n', whole.find('\n') + 1) + 1) + 1);
  for (const std::string& output : {folder + "/out.csv", folder + "/./out.csv"}) {
    write_text(folder + "/out.csv", whole.substr(0, three_rows + 1));
    const ProcessResult r = run_hedgecalc(kBatch + std::string("--resume ") + folder +
                                          "/out.csv --output " + output + " " + pairs);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(file_text(folder + "/out.csv") == whole);
  }
  // Into another file: the finished rows, then the missing ones (item 5: a .partial
  // resumed into Y gives a whole Y, header included).
  write_text(folder + "/out.csv.partial", whole.substr(0, three_rows + 1));
  CHECK(run_hedgecalc(kBatch + std::string("--resume ") + folder + "/out.csv.partial --output " +
                      folder + "/y.csv " + pairs).exit_code == 0);
  CHECK(file_text(folder + "/y.csv") == whole);
}

TEST_CASE("item 3: --output onto an input is refused; links and modes are kept", "[unattended]") {
  const std::string folder = fresh_folder("inputs");
  const std::string pairs = sample_pairs(folder, 2);
  std::system(("cp '" + source_dir() + "/data/token.csv' '" + source_dir() + "/data/btc.csv' '" +
               folder + "/'").c_str());
  const std::string token = folder + "/token.csv", btc = folder + "/btc.csv";
  const std::string before = file_text(token);
  for (const std::string& output : {token, folder + "/../" + folder.substr(folder.rfind('/') + 1) + "/token.csv"}) {
    const ProcessResult r = run_hedgecalc("--output " + output + " " + token + " " + btc);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("is the input"));
  }
  CHECK(run_hedgecalc("batch --output " + pairs + " " + pairs).exit_code == 2);
  write_text(folder + "/p.csv", "target,proxy\ntoken.csv,btc.csv\n");
  CHECK(run_hedgecalc("batch --output " + btc + " " + folder + "/p.csv").exit_code == 2);
  CHECK(run_hedgecalc("matrix --output " + token + " " + token).exit_code == 2);
  CHECK(file_text(token) == before);
  // A symlink: the file it points to gets the results, the link stays a link.
  write_text(folder + "/real.csv", "old\n");
  REQUIRE(::symlink((folder + "/real.csv").c_str(), (folder + "/link.csv").c_str()) == 0);
  CHECK(run_hedgecalc("--format csv --output " + folder + "/link.csv " + token + " " + btc).exit_code == 0);
  struct stat info;
  REQUIRE(::lstat((folder + "/link.csv").c_str(), &info) == 0);
  CHECK(S_ISLNK(info.st_mode));
  CHECK(file_text(folder + "/real.csv") == run_hedgecalc("--format csv " + token + " " + btc).out);
  // A private file stays private.
  write_text(folder + "/private.csv", "");
  ::chmod((folder + "/private.csv").c_str(), 0600);
  CHECK(run_hedgecalc("--output " + folder + "/private.csv " + token + " " + btc).exit_code == 0);
  REQUIRE(::stat((folder + "/private.csv").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("item 4: SIGHUP ends a batch on whole rows, exit 129, and --resume finishes it", "[unattended]") {
  const std::string folder = fresh_folder("hup");
  const std::string pairs = sample_pairs(folder, 20000);
  const std::string out = folder + "/out.csv";
  const ProcessResult r = run_shell("( '" + hedgecalc_binary() + "' " + kBatch + "--jobs 1 " + pairs +
                                    " > " + out + " & sleep 0.6; kill -HUP $!; wait $!; echo $? )");
  const std::string code = r.out.substr(0, r.out.find('\n'));
  INFO(r.err);
  if (code == "129") {  // after some rows, or before any (a loaded machine)
    CHECK_THAT(r.err, Contains("interrupted by SIGHUP after") ||
                          Contains("interrupted by SIGHUP before any output"));
    const std::string partial = file_text(out);
    CHECK((partial.empty() || partial.back() == '\n'));
  } else {
    CHECK(code == "0");  // a fast machine finished first
  }
  CHECK(run_shell("( '" + hedgecalc_binary() + "' " + kBatch + "--resume " + out + " " + pairs +
                  " >> " + out + " )").exit_code == 0);
  CHECK(file_text(out) == run_hedgecalc(kBatch + pairs).out);
}

TEST_CASE("item 4: a signal while the files load ends the batch at once, with a word why",
          "[unattended]") {
  // A price file that is a pipe nobody writes to: the batch waits in its load for as long
  // as it lives, before any row. Each signal must end it there, with the exit code the
  // signal's and a line on stderr, and nothing on stdout.
  const std::string folder = fresh_folder("load_signal");
  REQUIRE(::mkfifo((folder + "/never.csv").c_str(), 0600) == 0);
  write_text(folder + "/p.csv",
             "id,target,proxy\np1,never.csv," + source_dir() + "/data/btc.csv\n");
  for (const auto& [signal, code] : std::vector<std::pair<std::string, std::string>>{
           {"HUP", "129"}, {"INT", "130"}, {"TERM", "143"}}) {
    INFO("SIG" << signal);
    const std::string out = folder + "/out.csv";
    // (A build that ignored the signal would wait forever: it is killed after 20 s.)
    const ProcessResult r = run_shell("( '" + hedgecalc_binary() + "' " + kBatch + folder +
                                      "/p.csv > " + out + " & P=$!; sleep 0.3; kill -" + signal +
                                      " $P; (sleep 20; kill -KILL $P) 2>/dev/null & W=$!; wait $P; "
                                      "echo $?; kill $W )");
    CHECK(r.out.substr(0, r.out.find('\n')) == code);
    CHECK_THAT(r.err, Contains("hedgecalc: interrupted by SIG" + signal + " before any output"));
    CHECK(file_text(out).empty());
  }
}

TEST_CASE("item 4: under nohup a batch outlives the hangup", "[unattended]") {
  const std::string folder = fresh_folder("nohup");
  const std::string pairs = sample_pairs(folder, 20000);  // about a second of work
  const std::string out = folder + "/out.csv";
  const ProcessResult r = run_shell("( nohup '" + hedgecalc_binary() + "' " + kBatch + "--jobs 1 " +
                                    pairs + " > " + out + " 2>" + folder +
                                    "/err.txt & P=$!; sleep 0.3; kill -HUP $P; "
                                    "wait $P; echo $? )");
  CHECK(r.out == "0\n");
  CHECK(file_text(out) == run_hedgecalc(kBatch + pairs).out);
}

TEST_CASE("item 5: --resume of an empty file prints the header and every row", "[unattended]") {
  const std::string folder = fresh_folder("empty");
  const std::string pairs = sample_pairs(folder, 3);
  write_text(folder + "/out.csv", "");
  const ProcessResult r = run_hedgecalc(kBatch + std::string("--resume ") + folder + "/out.csv " + pairs);
  CHECK(r.exit_code == 0);
  CHECK(r.out == run_hedgecalc(kBatch + pairs).out);
}

TEST_CASE("item 6: a temporary file a killed run left is removed by the next run", "[unattended]") {
  const std::string folder = fresh_folder("stale");
  const std::string out = folder + "/r.csv";
  // What SIGKILL leaves: FILE.tmp.XXXXXX beside FILE, locked by no one.
  write_text(out + ".tmp.Ab12Cd", "a,b\n1,");
  write_text(folder + "/other.csv.tmp.Ab12Cd", "not ours");
  CHECK(run_hedgecalc("--output " + out + " data/token.csv data/btc.csv").exit_code == 0);
  CHECK(file_text(out + ".tmp.Ab12Cd").empty());
  struct stat info;
  CHECK(::stat((out + ".tmp.Ab12Cd").c_str(), &info) != 0);
  CHECK(file_text(folder + "/other.csv.tmp.Ab12Cd") == "not ours");
  // Killed with SIGKILL while writing: at most one temporary file, and the next run clears it.
  const std::string pairs = sample_pairs(folder, 20000);
  for (int kill = 0; kill < 3; ++kill) {
    run_shell("( '" + hedgecalc_binary() + "' " + kBatch + "--jobs 1 --output " + out + " " + pairs +
              " & sleep 0.3; kill -KILL $!; wait $! )");
  }
  const ProcessResult count = run_shell("ls '" + folder + "' | grep -c '^r.csv.tmp.' ; true");
  CHECK(std::atoi(count.out.c_str()) <= 1);
  CHECK(run_hedgecalc("--output " + out + " data/token.csv data/btc.csv").exit_code == 0);
  CHECK(std::atoi(run_shell("ls '" + folder + "' | grep -c '^r.csv.tmp.' ; true").out.c_str()) == 0);
}

TEST_CASE("item 8: an option mistake that would fail every row is one usage error", "[unattended]") {
  const std::string folder = fresh_folder("every_row");
  const ProcessResult r = run_hedgecalc("batch --compare " + sample_pairs(folder, 3));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("add --rebalance K"));
}

TEST_CASE("item 9: an empty item in a comma list is refused, not dropped", "[unattended]") {
  for (const char* options : {"--horizons 1,,5", "--horizons 1,5,", "--horizons ,5",
                              "--exposure 1 --proxy-price 10,", "--exposure 1 --contract-size ,2",
                              "--kalman --kalman-r 1e-4 --kalman-q 1e-6,"}) {
    INFO(options);
    const ProcessResult r = run_hedgecalc(std::string(options) + " data/token.csv data/btc.csv");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("an empty item between commas"));
  }
}

TEST_CASE("item 9: --accounting with no position, a trade under one contract, --min-obs past the data",
          "[unattended]") {
  const ProcessResult zero = run_hedgecalc("--accounting --exposure 0 data/token.csv data/btc.csv");
  CHECK(zero.exit_code == 2);
  CHECK(zero.out.empty());
  CHECK_THAT(zero.err, Contains("--exposure 0 holds none"));
  // The target is -136.784 units: -136.5 is 0.28 over it, a sell of less than one contract.
  const std::string sell = "--exposure 1000000 --position -136.5 data/token.csv data/btc.csv";
  const ProcessResult json = run_hedgecalc("--format json " + sell);
  CHECK_THAT(json.out, Contains("\"trade_contracts\": 0,"));
  CHECK_THAT(json.out, !Contains("-0,"));
  CHECK_THAT(run_hedgecalc(sell).out, Contains("trade         sell 0.28 of a contract (0 whole contracts)"));
  for (const char* options : {"--expanding --min-obs 5000", "--window 30d --min-obs 728",
                              "--ewma 0.94 --min-obs 728"}) {
    INFO(options);
    const ProcessResult r = run_hedgecalc(std::string(options) + " data/token.csv data/btc.csv");
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("--min-obs") && Contains("is more than the 727 aligned returns"));
  }
  CHECK(run_hedgecalc("--ewma 0.94 --min-obs 727 data/token.csv data/btc.csv").exit_code == 0);
}

TEST_CASE("item 10: messages say what is wanted", "[unattended]") {
  for (const char* date : {"2262-01-01", "0001-01-01"}) {
    const ProcessResult r = run_hedgecalc(std::string("--from ") + date + " data/token.csv data/btc.csv");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("outside the dates hedgecalc can hold (years 1678 to 2261"));
  }
  const std::string folder = fresh_folder("messages");
  write_text(folder + "/old.csv", "date,p\n0001-01-01,1\n2024-01-02,2\n");
  CHECK_THAT(run_hedgecalc(folder + "/old.csv data/btc.csv").err,
             Contains(":2: column \"date\": \"0001-01-01\" is outside the dates"));
  CHECK_THAT(run_hedgecalc("--stability --trim 0 data/token.csv data/btc.csv").err,
             Contains("between 0 and 0.5 (exclusive)"));
  CHECK_THAT(run_hedgecalc("--window 30 --min-obs abc data/token.csv data/btc.csv").err,
             Contains("expected a whole number") && !Contains("1099511627776"));
  CHECK_THAT(run_hedgecalc("--window 30 --rebalance 0 data/token.csv data/btc.csv").err,
             Contains("expected a whole number") && !Contains("1099511627776"));
  write_text(folder + "/grouped.csv", "date,p\n2024-01-01,\"1,000.5\"\n2024-01-02,1001\n");
  CHECK_THAT(run_hedgecalc(folder + "/grouped.csv data/btc.csv").err,
             Contains("\"1,000.5\" is not a number (for thousands separators add --thousands comma)"));
  // Excel's #N/A is a missing value: the row is skipped and counted, as NA is.
  std::string with_na = "date,p\n";
  for (int day = 1; day <= 9; ++day) {
    with_na += "2024-01-0" + std::to_string(day) + "," + (day == 4 ? "#N/A" : std::to_string(100 + day * day)) + "\n";
  }
  write_text(folder + "/na.csv", with_na);
  const ProcessResult na = run_hedgecalc("--format json " + folder + "/na.csv " + folder + "/na.csv");
  CHECK(na.exit_code == 0);
  CHECK_THAT(na.out, Contains("\"target_missing\": 1"));
  // The basket table: the effectiveness once, and every proxy's ratio before and after.
  const std::string table = run_hedgecalc(
      "--stability tests/data/basket.csv:target tests/data/basket.csv:p1 tests/data/basket.csv:p2").out;
  size_t effectiveness_lines = 0;
  for (size_t at = table.find("effectiveness 0.5022 before"); at != std::string::npos;
       at = table.find("effectiveness 0.5022 before", at + 1)) {
    ++effectiveness_lines;
  }
  CHECK(effectiveness_lines == 1);
  CHECK_THAT(table, Contains("ratio on tests/data/basket.csv:p1 ") && Contains("ratio on tests/data/basket.csv:p2 "));
}

TEST_CASE("item 13: a headerless export loses no row: a first row of numbers and dates is data",
          "[unattended]") {
  // Binance's kline files: no header, open time in epoch milliseconds, then numbers.
  const std::string folder = fresh_folder("klines");
  std::string token, eth, token_named = "open_time,open,close\n", eth_named = token_named;
  for (int hour = 0; hour < 48; ++hour) {
    const std::string time = std::to_string(1704067200000LL + hour * 3600000LL);
    const std::string a = std::to_string(2 + 0.01 * ((hour * 7) % 11));
    const std::string b = std::to_string(2300 + (hour * 13) % 17);
    token += time + ",1.0," + a + "\n";
    eth += time + ",1.0," + b + "\n";
    token_named += time + ",1.0," + a + "\n";
    eth_named += time + ",1.0," + b + "\n";
  }
  write_text(folder + "/tok.csv", token);
  write_text(folder + "/eth.csv", eth);
  write_text(folder + "/tok_named.csv", token_named);
  write_text(folder + "/eth_named.csv", eth_named);
  const ProcessResult bare = run_hedgecalc("--format json " + folder + "/tok.csv:3 " + folder + "/eth.csv:3");
  const ProcessResult named = run_hedgecalc("--format json " + folder + "/tok_named.csv:close " +
                                            folder + "/eth_named.csv:close");
  REQUIRE(bare.exit_code == 0);
  REQUIRE(named.exit_code == 0);
  CHECK_THAT(bare.out, Contains("\"n\": 47,"));  // 48 rows, none lost to a "header"
  const auto ratio = [](const std::string& json) {
    const size_t at = json.find("\"hedge_ratio\": ");
    return json.substr(at, json.find(',', at) - at);
  };
  CHECK(ratio(bare.out) == ratio(named.out));
  CHECK_THAT(run_hedgecalc(folder + "/tok.csv:3 " + folder + "/eth.csv:3").out,
             Contains("target: 48 rows (no header: the first row is data)"));
  // A header stays a header, and @headerless=no keeps the old reading.
  CHECK_THAT(run_hedgecalc(folder + "/tok_named.csv:close " + folder + "/eth_named.csv:close").out,
             !Contains("no header"));
  CHECK_THAT(run_hedgecalc("--format json " + folder + "/tok.csv:3@headerless=no " + folder +
                           "/eth.csv:3@headerless=no").out,
             Contains("\"n\": 46,"));
}

TEST_CASE("item 11: price changes are read as such with --returns changes, and none warns of them",
          "[unattended]") {
  // Hull's jet-fuel table gives monthly price changes; differencing the sample prices
  // makes the same, and must size as --returns diff on the prices does: 37 contracts.
  const std::string folder = fresh_folder("changes");
  const auto differenced = [&](const std::string& file, const std::string& name) {
    std::string text = "date,change\n";
    const std::string prices = source_file_text("data/" + file);
    double before = 0;
    size_t row = 0;
    for (size_t at = prices.find('\n') + 1; at < prices.size(); at = prices.find('\n', at) + 1, ++row) {
      const std::string line = prices.substr(at, prices.find('\n', at) - at);
      const std::string date = line.substr(0, line.find(','));
      const double price = std::stod(line.substr(line.rfind(',') + 1));
      if (row > 0) text += date + "," + std::to_string(price - before) + "\n";
      before = price;
    }
    write_text(folder + "/" + name, text);
  };
  differenced("jetfuel.csv", "jet.csv");
  differenced("heatingoil.csv", "ho.csv");
  const ProcessResult changes = run_hedgecalc(
      "--returns changes --exposure 2000000 --proxy-price 2.5 --contract-size 42000 --format json " +
      folder + "/jet.csv " + folder + "/ho.csv");
  REQUIRE(changes.exit_code == 0);
  CHECK_THAT(changes.out, Contains("\"returns\": \"changes\""));
  CHECK_THAT(changes.out, Contains("\"contracts\": 37\n"));
  const std::string ratio_key = "\"hedge_ratio\": ";
  const size_t at = changes.out.find(ratio_key) + ratio_key.size();
  const double ratio = std::stod(changes.out.substr(at));
  const size_t exact_at = changes.out.find("\"contracts_exact\": ") + 19;
  // Units, as for diff: ratio x 2,000,000 gallons / 42,000 gallons a contract.
  CHECK(std::stod(changes.out.substr(exact_at)) == Approx(ratio * 2000000 / 42000).epsilon(1e-12));
  CHECK_THAT(run_hedgecalc("--returns changes --frequency weekly " + folder + "/jet.csv " + folder +
                           "/ho.csv").err,
             Contains("needs prices, not --returns changes"));
  // Changes of a price near 100 are no plausible returns: --returns none says so.
  std::string big = "date,p\n", other = "date,p\n";
  for (int day = 1; day <= 28; ++day) {
    const std::string date = "2024-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    big += date + "," + std::to_string((day * 37) % 11 - 5.0) + "\n";
    other += date + "," + std::to_string((day * 53) % 13 - 6.0) + "\n";
  }
  write_text(folder + "/big.csv", big);
  write_text(folder + "/other.csv", other);
  const ProcessResult none = run_hedgecalc("--returns none --exposure 100 --proxy-price 100 " +
                                           folder + "/big.csv " + folder + "/other.csv");
  CHECK(none.exit_code == 0);
  CHECK_THAT(none.err, Contains("looks like price changes, not returns") &&
                           Contains("give --returns changes"));
}

TEST_CASE("item 7: inputs held in memory are capped, NUL streams stop at once, out of memory names the file",
          "[unattended]") {
  // /dev/zero would be read until memory ran out before the NUL check.
  const ProcessResult zeros = run_hedgecalc("/dev/zero data/btc.csv");
  CHECK(zeros.exit_code == 1);
  CHECK_THAT(zeros.err, Contains("/dev/zero: NUL bytes in its first block"));
  // A pipe past --max-input-size: the message names the input and the option.
  const ProcessResult endless =
      run_shell("( yes 2024-01-01,1 | '" + hedgecalc_binary() + "' --max-input-size 1M - data/btc.csv )");
  CHECK(endless.exit_code == 1);
  CHECK_THAT(endless.err, Contains("-: more than 1 MiB to hold in memory, the --max-input-size limit"));
  const std::string bomb = "tests/data/packed/bomb_2gib.csv.zst";
  CHECK_THAT(run_hedgecalc("--max-input-size 64K " + bomb + " data/btc.csv").err,
             Contains("more than 64 KiB"));
#if defined(__SANITIZE_ADDRESS__)
  WARN("an address-space limit cannot be tested under AddressSanitizer (its shadow memory "
       "needs terabytes of address space): the prlimit checks run in the plain build");
#else
  // A 180 KB .zst of 2 GiB under a 1 GiB address space: the default limit (half of it)
  // stops it, naming the file; with no limit, running out of memory names it too.
  const ProcessResult capped = run_shell("prlimit --as=1073741824 '" + hedgecalc_binary() + "' " + bomb + " data/btc.csv");
  CHECK(capped.exit_code == 1);
  CHECK_THAT(capped.err, Contains(bomb + ": more than 512 MiB to hold in memory"));
  const ProcessResult unlimited = run_shell("prlimit --as=1073741824 '" + hedgecalc_binary() +
                                            "' --max-input-size none " + bomb + " data/btc.csv");
  CHECK(unlimited.exit_code == 1);
  CHECK_THAT(unlimited.err, Contains(bomb + ": out of memory after unpacking"));
  // A plain (mapped) file whose prices do not fit: the message names it too.
  const std::string folder = fresh_folder("memory");
  const ProcessResult made = run_shell(
      "( awk 'BEGIN { print \"time,price\"; for (i = 0; i < 3000000; i++) "
      "printf \"%d,%d.%04d\\n\", 1e9 + 60 * i, 100 + i % 7, i % 9973 }' > " + folder + "/minutes.csv )");
  REQUIRE(made.exit_code == 0);
  // (Limits measured with libarchive opened only for a compressed input: the map fails
  // below about 70 MB, the prices below about 130 MB.)
  for (const char* limit : {"50000000", "100000000"}) {  // its map, or its prices, fail
    INFO("prlimit --as=" << limit);
    const ProcessResult too_big = run_shell("prlimit --as=" + std::string(limit) + " '" +
                                            hedgecalc_binary() + "' " + folder +
                                            "/minutes.csv data/btc.csv");
    CHECK(too_big.exit_code == 1);
    CHECK_THAT(too_big.err, Contains("error: " + folder + "/minutes.csv: ") &&
                                (Contains("out of memory while loading it") ||
                                 Contains("cannot map: Cannot allocate memory")));
  }
#endif
  for (const char* bad : {"12x", "0", "1.5G", "-1", "G", "99999999999999999G"}) {
    INFO(bad);
    const ProcessResult r = run_hedgecalc(std::string("--max-input-size ") + bad + " data/token.csv data/btc.csv");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--max-input-size"));
  }
  for (const char* good : {"none", "NONE", "64k", "2g", "1048576"}) {
    INFO(good);
    CHECK(run_hedgecalc(std::string("--max-input-size ") + good + " data/token.csv data/btc.csv").exit_code == 0);
  }
}
