#include "golden.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

#include "io/csv_fields.hpp"
#include "process.hpp"

namespace {
std::vector<std::string> split_line(const std::string& line) {
  hedgecalc::FieldSplitter splitter;
  REQUIRE(splitter.split(line, ',') == hedgecalc::SplitStatus::kOk);
  return {splitter.fields().begin(), splitter.fields().end()};
}
}  // namespace

std::vector<GoldenCase> read_golden_cases() {
  std::ifstream in(source_dir() + "/tests/golden/single_pair.csv");
  REQUIRE(in);
  std::string line;
  std::vector<std::string> header;
  std::vector<GoldenCase> cases;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header.empty()) {
      header = split_line(line);
      continue;
    }
    const std::vector<std::string> cells = split_line(line);
    REQUIRE(cells.size() == header.size());
    GoldenCase c{cells[0], cells[1], cells[2], cells[3], {}};
    for (size_t i = 4; i < cells.size(); ++i) c.fields[header[i]] = cells[i];
    cases.push_back(c);
  }
  REQUIRE(cases.size() >= 5);
  return cases;
}

std::map<std::string, std::string> parse_csv_row(const std::string& text) {
  std::istringstream lines(text);
  std::string header_line, row_line;
  REQUIRE(std::getline(lines, header_line));
  REQUIRE(std::getline(lines, row_line));
  const auto header = split_line(header_line);
  const auto row = split_line(row_line);
  REQUIRE(header.size() == row.size());
  std::map<std::string, std::string> fields;
  for (size_t i = 0; i < header.size(); ++i) fields[header[i]] = row[i];
  return fields;
}

std::vector<std::map<std::string, std::string>> parse_csv_table(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header.empty()) {
      header = split_line(line);
      continue;
    }
    const auto cells = split_line(line);
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

bool close_enough(const std::string& golden, const std::string& actual, double relative_tolerance) {
  if (golden.empty() || actual.empty()) return golden.empty() && actual.empty();
  const double g = std::stod(golden), a = std::stod(actual);
  return std::fabs(a - g) <= relative_tolerance * std::fabs(g);
}

void check_fields(const GoldenCase& expected, const std::map<std::string, std::string>& actual,
                  double relative_tolerance) {
  for (const auto& [key, want] : expected.fields) {
    INFO("case " << expected.name << ", field " << key << ": golden " << want);
    const auto found = actual.find(key);
    REQUIRE(found != actual.end());
    if (key == "n" || key == "start" || key == "end") {
      CHECK(found->second == want);
      continue;
    }
    const double golden = std::stod(want);
    const double value = std::stod(found->second);
    INFO("hedgecalc " << found->second);
    CHECK(std::fabs(value - golden) <= relative_tolerance * std::fabs(golden));
  }
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}
