#pragma once
// Reads tests/golden/single_pair.csv (made by tests/golden/make_golden.py with
// pandas and statsmodels) and compares hedgecalc's fields to it.

#include <map>
#include <string>
#include <vector>

/// One golden case: its name, arguments and expected fields as text.
struct GoldenCase {
  std::string name, target, proxy, options;
  std::map<std::string, std::string> fields;
};

/// Every case of the golden file.
std::vector<GoldenCase> read_golden_cases();

/// One CSV output of hedgecalc (header + one row) as field -> text.
std::map<std::string, std::string> parse_csv_row(const std::string& text);

/// A CSV text with a header (lines starting with '#' skipped) as one map per row.
std::vector<std::map<std::string, std::string>> parse_csv_table(const std::string& text);

/// The whitespace-separated words of text (options as a shell splits them).
std::vector<std::string> split_words(const std::string& text);

/// True when actual is within relative_tolerance of golden (both empty counts too).
bool close_enough(const std::string& golden, const std::string& actual, double relative_tolerance);

/// CHECKs every golden field against actual: integers and dates exactly, numbers
/// to relative_tolerance.
void check_fields(const GoldenCase& expected, const std::map<std::string, std::string>& actual,
                  double relative_tolerance);
