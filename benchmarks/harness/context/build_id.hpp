#pragma once
// Which build of bramble a process is: a digest of its own executable file. Version and
// commit alone cannot tell apart two builds of one commit with different flags, a tree
// edited since the commit, or a binary copied to a node last week and never rebuilt; the
// bytes of the executable can. (The harness libraries are static, so they are in it; the
// shared OpenBLAS and MPI libraries are checked apart, by their versions.)
#include <cstdint>
#include <string>

namespace bramble {

// A 64-bit digest of the file's bytes as 16 hex digits. Not cryptographic: it tells honest
// builds apart, nothing more. Streams the file (a 50 MB debug build takes tens of
// milliseconds). Throws Error (kExitInternal) naming the file when it cannot be read.
std::string file_digest(const std::string& path);

// The digest of this process's executable (/proc/self/exe), computed anew on each call.
std::string this_build_id();

}  // namespace bramble
