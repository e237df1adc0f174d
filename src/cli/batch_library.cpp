#include "batch_library.hpp"

#include <tuple>
#include <unordered_map>

#include "hedgecalc/error.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/reading_options.hpp"

namespace hedgecalc {

bool RelativeFileSystem::is_file(const std::string& path) const {
  return inner_.is_file(resolve_path(folder_, path));
}

FileContents RelativeFileSystem::read(const std::string& path) {
  return inner_.read(resolve_path(folder_, path));
}

void RelativeFileSystem::write(const std::string& path, const std::string& contents) {
  inner_.write(resolve_path(folder_, path), contents);
}

PairLibrary::PairLibrary(const std::vector<PairRow>& pairs, FileSystem& files) {
  of_pair_.reserve(pairs.size());
  std::unordered_map<std::string, std::uint32_t> resolved;
  auto resolve = [&](const std::string& argument) {
    auto found = resolved.find(argument);
    if (found == resolved.end()) {
      distinct_.push_back(parse_series_spec(argument, files));
      found = resolved.emplace(argument, static_cast<std::uint32_t>(distinct_.size() - 1)).first;
    }
    return found->second;
  };
  for (const PairRow& pair : pairs) of_pair_.emplace_back(resolve(pair.target), resolve(pair.proxy));
  for (const SeriesSpec& spec : distinct_) files_[FileKey{spec.path, spec.reading}][spec.column];
}

void PairLibrary::load_file(const FileKey& key, Columns& columns, FileSystem& files,
                            const SingleOptions& options) {
  std::vector<std::optional<std::string>> requests;
  for (const auto& [column, loaded] : columns) requests.push_back(column);
  try {
    const CsvOptions own = series_csv_options(options.csv, key.reading, key.label());
    FileContents contents = files.read(key.path);
    std::vector<ColumnLoad> loads = parse_unchanged(contents, key.path, [&](std::string_view bytes) {
      return load_columns(bytes, key.path, requests, own, release_behind(contents));
    });
    size_t c = 0;
    for (auto& [column, loaded] : columns) {
      loaded.series = std::move(loads[c].series);
      loaded.error = std::move(loads[c].error);
      ++c;
      if (!loaded.error.empty()) continue;
      try {
        prepare_series(loaded.series, options);
      } catch (const Error& e) {
        loaded.error = e.what();
      }
    }
  } catch (const Error& e) {
    for (auto& [column, loaded] : columns) loaded.error = e.what();
  }
}

void PairLibrary::load(FileSystem& files, const SingleOptions& options, const Executor& executor) {
  std::vector<std::pair<const FileKey*, Columns*>> order;
  for (auto& [key, columns] : files_) order.emplace_back(&key, &columns);
  executor.for_each(order.size(), [&](size_t f) {
    load_file(*order[f].first, *order[f].second, files, options);
  });
}

const LoadedColumn& PairLibrary::column(const SeriesSpec& spec) const {
  return files_.at(FileKey{spec.path, spec.reading}).at(spec.column);
}

}  // namespace hedgecalc
