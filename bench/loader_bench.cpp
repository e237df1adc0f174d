// Loader throughput and memory on one-minute bars read from disk (page cache), next to
// `wc -l` on the same file.
//
//   cmake -S . -B build -G Ninja -DHEDGECALC_BENCH=ON && cmake --build build
//   build/bench/loader_bench [DIR]     (files are made in DIR, default /tmp, once)
//
// Each load runs in a fresh child process so that its peak resident memory is its own.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "hedgecalc/file_system.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/timestamp.hpp"

namespace {

// "2024-01-01T00:00:00Z,42261.61,12.3456": about 40 bytes a row, as an exchange
// export of close and volume.
void write_bars(const std::string& path, size_t rows) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) std::exit(1);
  std::fputs("timestamp,close,volume\n", out);
  std::mt19937_64 rng(rows);
  std::normal_distribution<double> normal;
  double price = 42000;
  const long long start = 1704067200;  // 2024-01-01T00:00:00Z
  for (size_t i = 0; i < rows; ++i) {
    const long long t = start + static_cast<long long>(i) * 60;
    const std::string stamp = hedgecalc::format_timestamp(t * hedgecalc::kNanosPerSecond, false);
    price *= 1 + 0.0005 * normal(rng);
    std::fprintf(out, "%s,%.2f,%.4f\n", stamp.c_str(), price, 10 + std::fabs(normal(rng)) * 5);
  }
  std::fclose(out);
}

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
  }
  return 0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Loads the file in a child; the child prints seconds, rows, baseline and peak KiB.
void measure_load(const std::string& path, size_t file_bytes) {
  std::fflush(stdout);
  const pid_t child = fork();
  if (child == 0) {
    const long baseline = resident_kib();
    const auto start = std::chrono::steady_clock::now();
    hedgecalc::DiskFileSystem disk;
    const hedgecalc::FileContents contents = disk.read(path);
    const hedgecalc::PriceSeries s =
        hedgecalc::load_series(contents.bytes(), path, std::nullopt, {});
    const double elapsed = seconds_since(start);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    const double peak = static_cast<double>(usage.ru_maxrss);  // KiB
    const double beyond = (peak - baseline) * 1024.0 - static_cast<double>(file_bytes);
    std::printf("%-28s %9zu rows %7.1f MB  load %7.3f s  %6.1f MB/s  %5.2fM rows/s  "
                "peak RSS %6.1f MB  beyond file %5.1f B/row\n",
                path.c_str(), s.size(), file_bytes / 1e6, elapsed, file_bytes / 1e6 / elapsed,
                s.size() / 1e6 / elapsed, peak / 1024.0, beyond / static_cast<double>(s.size()));
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
}

void measure_wc(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const std::string command = "wc -l < '" + path + "' > /dev/null";
  if (std::system(command.c_str()) != 0) return;
  std::printf("%-28s wc -l %.3f s\n", path.c_str(), seconds_since(start));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "/tmp";
  for (size_t rows : {1'000'000ul, 5'000'000ul}) {
    const std::string path = dir + "/hedgecalc_bars_" + std::to_string(rows) + ".csv";
    if (std::ifstream(path).peek() == std::ifstream::traits_type::eof()) write_bars(path, rows);
    std::ifstream in(path, std::ios::ate | std::ios::binary);
    const size_t bytes = static_cast<size_t>(in.tellg());
    // Warm the page cache, then measure three times.
    measure_wc(path);
    for (int run = 0; run < 3; ++run) measure_load(path, bytes);
    measure_wc(path);
  }
}
