#pragma once
// libarchive's functions, loaded when the first compressed input is read instead of at
// start-up: linked in, libarchive and what it links (libxml2, ICU, nettle, the codecs)
// cost every run about 1.5 ms before main, most of a short run's start.

#include <archive.h>
#include <archive_entry.h>

#include <string>

namespace hedgecalc {

/// The libarchive functions unpack() uses.
struct ArchiveLibrary {
  decltype(&::archive_read_new) read_new;
  decltype(&::archive_read_free) read_free;
  decltype(&::archive_read_support_filter_gzip) support_gzip;
  decltype(&::archive_read_support_filter_zstd) support_zstd;
  decltype(&::archive_read_support_filter_xz) support_xz;
  decltype(&::archive_read_support_filter_bzip2) support_bzip2;
  decltype(&::archive_read_support_format_zip) support_zip;
  decltype(&::archive_read_support_format_raw) support_raw;
  decltype(&::archive_read_support_format_empty) support_empty;
  decltype(&::archive_read_open) read_open;
  decltype(&::archive_read_next_header) read_next_header;
  decltype(&::archive_read_data) read_data;
  decltype(&::archive_filter_code) filter_code;
  decltype(&::archive_error_string) error_string;
  decltype(&::archive_set_error) set_error;
  decltype(&::archive_entry_filetype) entry_filetype;
  decltype(&::archive_entry_pathname) entry_pathname;
};

/// The library, loaded on the first call; throws DataError naming `label` (the input
/// that needs it) when it cannot be loaded.
const ArchiveLibrary& archive_library(const std::string& label);

}  // namespace hedgecalc
