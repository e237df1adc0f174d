#pragma once
// The price files of a batch, each read once: every distinct PATH[:COLUMN] of PAIRS is
// resolved once, and each file is parsed once for all the columns its pairs ask of it,
// files side by side on the executor. A million pairs over a few hundred files hold
// eight bytes a pair here.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "command_options.hpp"
#include "hedgecalc/executor.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/pairs_file.hpp"
#include "hedgecalc/series_spec.hpp"

namespace hedgecalc {

/// Serves the paths written in PAIRS from the PAIRS file's folder, so that the labels
/// keep the paths as written.
class RelativeFileSystem : public FileSystem {
 public:
  RelativeFileSystem(FileSystem& inner, std::string folder)
      : inner_(inner), folder_(std::move(folder)) {}
  bool is_file(const std::string& path) const override;
  FileContents read(const std::string& path) override;
  void write(const std::string& path, const std::string& contents) override;

 private:
  FileSystem& inner_;
  std::string folder_;
};

/// A loaded column, or why it is not there.
struct LoadedColumn {
  PriceSeries series;
  std::string error;
};

/// The columns every pair of a batch reads.
class PairLibrary {
 public:
  /// Resolves each distinct PATH[:COLUMN] of pairs (it may stat files).
  PairLibrary(const std::vector<PairRow>& pairs, FileSystem& files);

  /// Reads every file once and prepares its columns (--from/--to, --frequency, prices
  /// > 0); a file or column that fails keeps its message for the pairs that name it.
  void load(FileSystem& files, const SingleOptions& options, const Executor& executor);

  /// The resolved target and proxy of pair i.
  const SeriesSpec& target_spec(size_t i) const { return distinct_[of_pair_[i].first]; }
  const SeriesSpec& proxy_spec(size_t i) const { return distinct_[of_pair_[i].second]; }

  /// Every distinct series the pairs name, once.
  const std::vector<SeriesSpec>& series() const { return distinct_; }

  /// A column once loaded.
  const LoadedColumn& column(const SeriesSpec& spec) const;

 private:
  // A file read with its own reading options is a different load from the plain file.
  struct FileKey {
    std::string path, reading;
    bool operator<(const FileKey& other) const {
      return std::tie(path, reading) < std::tie(other.path, other.reading);
    }
    /// As messages name it: PATH, or PATH@OPTIONS.
    std::string label() const { return reading.empty() ? path : path + '@' + reading; }
  };
  // Per file, the requested columns (none: the guess).
  using Columns = std::map<std::optional<std::string>, LoadedColumn>;

  static void load_file(const FileKey& key, Columns& columns, FileSystem& files,
                        const SingleOptions& options);

  std::vector<SeriesSpec> distinct_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> of_pair_;
  std::map<FileKey, Columns> files_;
};

}  // namespace hedgecalc
