// --output FILE: written beside FILE and renamed into place only on success.

#include "hedgecalc/atomic_output.hpp"

#include <catch2/catch.hpp>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "hedgecalc/error.hpp"
#include "process.hpp"

using namespace hedgecalc;

namespace {

size_t entries(const std::string& folder) {
  size_t count = 0;
  DIR* dir = ::opendir(folder.c_str());
  while (dirent* e = ::readdir(dir)) count += std::string(e->d_name) != "." && std::string(e->d_name) != "..";
  ::closedir(dir);
  return count;
}

}  // namespace

TEST_CASE("the file appears whole on commit and not at all otherwise", "[output]") {
  const std::string folder = fresh_folder("unit");
  const std::string path = folder + "/results.csv";
  {
    AtomicOutput out(path);
    out.stream() << "a,b\n1,2\n";
    CHECK(file_text(path).empty());  // nothing under the final name yet
    CHECK(entries(folder) == 1);      // the temporary file beside it
    out.commit();
  }
  CHECK(file_text(path) == "a,b\n1,2\n");
  struct stat info;
  REQUIRE(::stat(path.c_str(), &info) == 0);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK((info.st_mode & 0777) == (0666 & ~mask));
  {
    AtomicOutput abandoned(path);
    abandoned.stream() << "half";
  }  // an error before commit: the old file stays, the temporary one goes
  CHECK(file_text(path) == "a,b\n1,2\n");
  CHECK(entries(folder) == 1);
  CHECK_THROWS_AS(AtomicOutput(folder + "/missing/x.csv"), DataError);
}

TEST_CASE("results to a file end to end: stdout stays empty, failures leave nothing", "[output]") {
  const std::string folder = fresh_folder("cli");
  const ProcessResult ok =
      run_hedgecalc("--format csv --output '" + folder + "/r.csv' data/token.csv data/btc.csv");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  CHECK(file_text(folder + "/r.csv") == run_hedgecalc("--format csv data/token.csv data/btc.csv").out);
  const ProcessResult bad =
      run_hedgecalc("--output '" + folder + "/bad.csv' data/missing.csv data/btc.csv");
  CHECK(bad.exit_code == 1);
  CHECK(entries(folder) == 1);
  const ProcessResult batch = run_hedgecalc("batch --quiet --format csv --output '" + folder +
                                            "/b.csv' tests/data/batch/pairs.csv");
  CHECK(batch.exit_code == 1);  // some pairs fail by design; the rows are all there
  const std::string rows = file_text(folder + "/b.csv");
  CHECK(std::count(rows.begin(), rows.end(), '\n') == 11);
  const ProcessResult device = run_hedgecalc("--output /dev/full data/token.csv data/btc.csv");
  CHECK(device.exit_code == 1);
  CHECK(device.err.find("No space left on device") != std::string::npos);
}
