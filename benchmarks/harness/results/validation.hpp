#pragma once
// Recognising a bramble result file before trusting or extending it. Each way a file can
// fail to be one has its own message: missing, not a regular file (a directory, a FIFO, a
// device), empty, not HDF5, truncated, HDF5 of another program, written by a newer bramble.
// The file's type is checked before anything opens it, and HDF5 only ever sees its bytes
// in memory, so a FIFO or a device can never make a reader block.
#include <string>

#include "results/h5_io.hpp"

namespace bramble {

// The result file at `path`, checked and opened in memory; `writable` to append to it and
// write its image back (results/writer.cpp). Throws InputError saying what is wrong.
h5::Handle open_result_file(const std::string& path, bool writable);

}  // namespace bramble
