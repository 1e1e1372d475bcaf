#pragma once
// Recognising a bramble result file before trusting or extending it. Each way a file can
// fail to be one has its own message: missing, not a regular file (a directory, a FIFO, a
// device), empty, not HDF5, truncated, HDF5 of another program, written by a newer bramble.
// The file's type is checked before anything opens it, and HDF5 opens only the regular file
// checked (through its descriptor), so a FIFO or a device can never make a reader block.
// Only the header is read for the checks: a 300 MB file costs what a small one does.
#include <string>

#include "results/h5_io.hpp"

namespace bramble {

// The result file at `path`, checked and opened; `writable` to change it in place (only a
// private copy is ever changed: results/writer.cpp). Throws InputError saying what is wrong.
h5::Handle open_result_file(const std::string& path, bool writable);

}  // namespace bramble
