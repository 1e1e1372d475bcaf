#pragma once
// The doctor's probes of one node, each run by the node's leader alone on one core (no MPI
// here): the figures describe one core of the node, so nodes compare fairly whatever the
// number of ranks each runs. Each probe checks its own answer, so a fast but wrong node
// (bad memory, an unstable overclock) is caught rather than praised.
#include <cstdint>
#include <string>
#include <vector>

#include "suite/dgemm_rate.hpp"

namespace bramble::doctor {

// C = A B for random n x n matrices with one BLAS thread (suite/dgemm_rate.hpp's
// measure_dgemm: best of `reps` timed products after one untimed, the product checked by
// dgemm_check, whose result <= kDgemmThreshold (diagnosis.hpp) is right).
DgemmFigures dgemm_probe(int n, int reps);

// STREAM's triad a = b + 3 c over `n` doubles per array, best of `iterations` timed
// passes after one untimed; counted as STREAM counts it (24 bytes per element), and every
// element of a checked afterwards.
struct TriadFigures {
  double gbs = 0;
  double wrong = 0;  // elements of a that are not b + 3 c
};
TriadFigures triad_probe(std::int64_t n, int iterations);

// Elements per triad array: four times the last-level cache where the C library knows it,
// so that the triad runs from memory, not cache; at least 16 MB, at most 128 MiB.
std::int64_t triad_elements();

// Writes `bytes` of non-zero data to a new file in `dir`, fsyncs it, and removes it again
// (also when a write fails): MB/s from the first write to the end of the fsync. Never
// throws: a failure is the error text, with mbs NaN.
struct DiskFigures {
  double mbs = 0;
  std::string error;
};
DiskFigures disk_probe(const std::string& dir, std::int64_t bytes);

// The free space the disk probe leaves, whatever --disk-mib asks: 1 GiB or 5 % of the file
// system, the larger. "" when writing `bytes` in `dir` leaves that much, else why not.
inline constexpr std::int64_t kDiskMarginBytes = std::int64_t{1} << 30;
inline constexpr double kDiskMarginShare = 0.05;
std::string disk_room_problem(const std::string& dir, std::int64_t bytes);

// `path` if it is a directory, else its nearest ancestor that is ("." at worst): where the
// disk probe writes when a node lacks the results directory itself (it is on the same disk).
std::string existing_directory(const std::string& path);

}  // namespace bramble::doctor
