#include "shard_option.hpp"

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

// A count of at most 9 digits: no sign, space or overflow gets through (std::stoul
// would read "-1" as the largest number).
std::optional<size_t> small_count(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  if (text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return static_cast<size_t>(std::stoul(text));
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash != std::string::npos) {
    const auto part = small_count(text.substr(0, slash));
    const auto parts = small_count(text.substr(slash + 1));
    if (part && parts && *part >= 1 && *part <= *parts) return Shard{*part - 1, *parts};
  }
  throw UsageError("--shard " + text + ": expected I/N with 1 <= I <= N, e.g. 3/8");
}

CLI::Option* add_shard_option(CLI::App& app, std::optional<Shard>& shard, const std::string& help) {
  return app
      .add_option_function<std::string>(
          "--shard", [&shard](const std::string& text) { shard = parse_shard(text); }, help)
      ->type_name("I/N")
      ->allow_extra_args(false);
}

}  // namespace hedgecalc
