#pragma once
// What the doctor found out about one node: the figures of its probes, as one row of the
// doctor's table. The probes fill it, the diagnosis judges it, the results record it.
#include <cstdint>
#include <limits>
#include <string>

namespace bramble::doctor {

inline constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

struct NodeFigures {
  std::string name;                    // the node's hostname (made unique when two clash)
  double dgemm_gflops = kNotMeasured;  // one core
  double dgemm_residual = kNotMeasured;  // the product's check, scaled (dgemm_probe.cpp)
  double triad_gbs = kNotMeasured;     // one core
  double triad_wrong = kNotMeasured;   // elements of the triad's result that are wrong
  double disk_mbs = kNotMeasured;      // write + fsync in the results directory
  std::string disk_error;              // why disk_mbs is not measured, when it is not
  double temp_c = kNotMeasured;        // hottest CPU sensor, right after the CPU probes
  double clock_mhz = kNotMeasured;
  std::int64_t throttled = -1;         // Raspberry Pi throttle word; -1: none on this node
  int hardware_measurements = 1;       // probes run (a suspect is probed again: suspects.hpp)
  // Links: each pair's best over the measurements (suspects.hpp), then the node's median over
  // its pairs, both directions.
  double link_mbs = kNotMeasured;
  double latency_best_us = kNotMeasured;  // one way, the best round trip: what is judged
  double latency_us = kNotMeasured;       // one way, P50 of the round trips
  double latency_p90_us = kNotMeasured;   // one way, P90 and P99: the tail, shown
  double latency_p99_us = kNotMeasured;
  int link_measurements = 0;             // of the matrix (the first), or of the suspects' pairs
  int link_suspect_after = 0;            // measurements after which the node was still a suspect
};

}  // namespace bramble::doctor
