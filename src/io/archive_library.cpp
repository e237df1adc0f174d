#include "archive_library.hpp"

#include <dlfcn.h>

#include <mutex>

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

// The functions, or why they could not be had.
struct Loaded {
  ArchiveLibrary functions{};
  std::string failure;
};

template <class Function>
void bind(void* handle, const char* name, Function& function, std::string& failure) {
  function = reinterpret_cast<Function>(::dlsym(handle, name));
  if (function == nullptr && failure.empty()) failure = std::string("no ") + name + " in it";
}

Loaded load() {
  Loaded loaded;
  // The soname the build found (HEDGECALC_LIBARCHIVE_SONAME, set by CMake).
  void* handle = ::dlopen(HEDGECALC_LIBARCHIVE_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    loaded.failure = why != nullptr ? why : "not found";
    return loaded;
  }
  ArchiveLibrary& f = loaded.functions;
  std::string& failure = loaded.failure;
  bind(handle, "archive_read_new", f.read_new, failure);
  bind(handle, "archive_read_free", f.read_free, failure);
  bind(handle, "archive_read_support_filter_gzip", f.support_gzip, failure);
  bind(handle, "archive_read_support_filter_zstd", f.support_zstd, failure);
  bind(handle, "archive_read_support_filter_xz", f.support_xz, failure);
  bind(handle, "archive_read_support_filter_bzip2", f.support_bzip2, failure);
  bind(handle, "archive_read_support_format_zip", f.support_zip, failure);
  bind(handle, "archive_read_support_format_raw", f.support_raw, failure);
  bind(handle, "archive_read_support_format_empty", f.support_empty, failure);
  bind(handle, "archive_read_open", f.read_open, failure);
  bind(handle, "archive_read_next_header", f.read_next_header, failure);
  bind(handle, "archive_read_data", f.read_data, failure);
  bind(handle, "archive_filter_code", f.filter_code, failure);
  bind(handle, "archive_error_string", f.error_string, failure);
  bind(handle, "archive_set_error", f.set_error, failure);
  bind(handle, "archive_entry_filetype", f.entry_filetype, failure);
  bind(handle, "archive_entry_pathname", f.entry_pathname, failure);
  return loaded;
}

}  // namespace

const ArchiveLibrary& archive_library(const std::string& label) {
  static const Loaded loaded = load();  // once, whichever thread asks first
  if (!loaded.failure.empty()) {
    throw DataError(label + ": reading a compressed file needs libarchive (" +
                    HEDGECALC_LIBARCHIVE_SONAME + "), which could not be loaded: " +
                    loaded.failure);
  }
  return loaded.functions;
}

}  // namespace hedgecalc
