#pragma once
// What power measurement adds to a run and to each kernel result (layout in results/README.md).
//
// A *meter* is one power reading point: a node's own sensor, or one plug feeding a group of
// nodes (read by one node, its energy attributed to the whole group). Every node also
// samples its own health (temperature, clock, throttling), metered or not.
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "power/power_extra.hpp"
#include "power/window_stats.hpp"

namespace bramble {

struct MeterInfo {
  std::string name;         // the hostname, or the group's name
  std::vector<int> nodes;   // nodes it covers
  int reader_node = 0;      // the node that reads it
  std::string kind, scope, source;  // "rapl", "cpu-package", what exactly is read
  double interval = 0;      // seconds between samples
  double idle_watts = power::kUnknown;  // baseline before the suite
  int idle_samples = 0;
};

// One node over one kernel's timed phase.
struct NodePhase {
  int meter = -1;                // the meter covering this node, -1 none
  bool reads_meter = false;      // this node read it: `stats` holds the meter's energy
  power::WindowStats stats;      // energy fields only where reads_meter; health always
  int wraps = 0, errors = 0;     // counter wraps and failed readings so far in the run
  std::string error;             // the first error, "" if none
  std::vector<power::Window> windows;  // seconds since this node's sampler started
};

struct ScopeTotal {
  std::string scope;
  double joules = 0, seconds = 0, mean_watts = 0;  // with extra_watts (over `seconds`)
  double idle_watts = 0;          // sum of the meters' baselines (NaN if any lacks one), with extra_watts
  double extra_watts = 0;         // declared shared gear (--power-extra) in the figures above
  int nodes_covered = 0;          // of the run's nodes
};

struct PowerRecord {
  std::vector<MeterInfo> meters;  // as in the run
  std::vector<NodePhase> nodes;   // one per node
  std::vector<ScopeTotal> totals;
  std::vector<std::pair<std::string, double>> figures;  // joules_<scope>, <figure>_per_watt_<scope>,
                                                        // extra_watts_<scope> (totals.hpp) ...
  bool throttled = false;           // a node throttled (or was capped) during the phase
  bool green500_valid = false;
  std::string green500_reason;      // why not, "" if valid
  std::string notes;                // which nodes throttled; meter errors and gaps
  // Per node, the samples taken since the previous kernel's record (the first kernel's
  // include the idle baseline): concatenated in kernel order they are the run's full
  // time series, so the file only ever grows by appending. Rows of kSeriesWidth.
  std::vector<std::vector<double>> series;
};

// Time series columns; t_s counts from the node's sampler start (RunPower::series_start_unix).
inline constexpr const char* kSeriesColumns[] = {"t_s", "unix_time_s", "watts", "joules", "temp_c", "clock_mhz",
                                                 "throttled"};
inline constexpr int kSeriesWidth = 7;

// The result file's names for these records (results/README.md): a meter (run/power/meter-NNN),
// a node's health over a phase (every node) and its meter's energy (the node that reads it).
const Fields<MeterInfo>& meter_fields();
const Fields<NodePhase>& node_health_fields();
const Fields<NodePhase>& node_energy_fields();

// A node's phase record as text for the gather to rank 0 (its windows travel apart, as
// numbers: t0, t1, t0, t1, ...).
std::string encode_node_phase(const NodePhase& n);
NodePhase decode_node_phase(const std::string& text, const std::vector<double>& windows);

struct RunPower {
  std::string requested;          // --power / config as given
  std::string notice;             // one line shown to the user ("" if none)
  double idle_seconds = 0;
  std::vector<MeterInfo> meters;
  std::vector<PowerExtra> extras;         // --power-extra, in the order given (power_extra.hpp)
  std::vector<std::string> telemetry;     // per node: what health files are read
  std::vector<double> series_start_unix;  // per node: CLOCK_REALTIME at t_s = 0
};

}  // namespace bramble
