#pragma once
// Recognising a bramble result file before trusting or extending it.
#include <string>

namespace bramble {

// Throws InputError with a clear message if `path` is not readable HDF5, is not a bramble
// result file, or has a schema newer than this program knows.
void require_appendable_result_file(const std::string& path);

}  // namespace bramble
