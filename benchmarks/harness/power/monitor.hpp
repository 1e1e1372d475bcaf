#pragma once
// Power measurement around the kernels, for the suite: one sampler per node (the node's
// lowest rank runs it on a thread), meters resolved from `--power` and the per-node config
// file, an idle baseline before the kernels, and each kernel's timed windows turned into a
// PowerRecord on rank 0. Kernels see only the TimedPhaseListener side of it.
//
// Everything here is collective over `world` except started()/stopped(), which each rank
// calls right after the same barrier.
#include <mpi.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "power/meter_plan.hpp"
#include "power/power_extra.hpp"
#include "power/timed_phase.hpp"
#include "power/clock.hpp"
#include "power/sampler.hpp"
#include "power/record.hpp"
#include "context/topology.hpp"

namespace bramble {

struct PowerOptions {
  std::string spec = "auto";     // --power, for nodes the config file does not name
  bool spec_given = false;       // --power was on the command line (it must then matter)
  std::string config_file;       // --power-config
  double interval = 0;           // --power-interval; 0 = the source kind's default
  double idle_seconds = 10;      // --idle-seconds; 0 skips the baseline
  double settle_seconds = 2;     // quiet time before the baseline starts
  double min_phase_seconds = 0;  // --min-phase-seconds
  std::string root;              // --power-root: prefix for /sys and /proc (tests)
  std::vector<PowerExtra> extras;  // --power-extra: declared shared gear, added to the cluster's total
};

class PowerMonitor : public TimedPhaseListener {
 public:
  // Resolves every node's meter and starts the samplers. A source that was asked for by name
  // and cannot be read is an AgreedError naming the node; `auto` finding nothing is not.
  PowerMonitor(MPI_Comm world, const Topology& topology, const PowerOptions& options);
  ~PowerMonitor() override;

  bool metering() const { return !meters_.empty(); }
  const std::string& notice() const { return notice_; }  // one line for the user, or ""

  void measure_idle();  // the baseline: every rank sleeps, the meters read

  void started() override;
  void stopped() override;
  bool wants_more() override;

  // The record of the timed windows since the last call; rank 0 only (nullopt elsewhere,
  // and everywhere when no node is metered and none reports health).
  std::optional<PowerRecord> finish_phase(const std::string& figure_name, double figure);

  RunPower run_power();  // what the run's meters and nodes are (rank 0); collective

 private:
  // The constructor's steps, in order.
  struct OpenedSource {
    std::unique_ptr<power::PowerSource> source;  // null: not a reader, or auto found nothing
    std::string why_none;                        // what auto tried here, when it found nothing
    int plan = -1;                               // the plan this node reads, -1 none
    MeterInfo meter;
  };
  std::vector<MeterPlan> plan();
  OpenedSource open_source(const std::vector<MeterPlan>& plans);
  void activate_meters(const std::vector<MeterPlan>& plans, const OpenedSource& mine);
  void describe_meters(const MeterInfo& mine);
  void start_sampler(std::unique_ptr<power::PowerSource> source);

  // This node's meter over windows_: from the sampler's samples, or from the source's own
  // record (a meter log) read now.
  power::WindowStats meter_stats(const std::vector<power::Sample>& samples) const;
  void ensure_sample_after(double t_mono);
  std::vector<double> new_series_rows(const std::vector<power::Sample>& samples);  // not yet sent

  MPI_Comm world_;
  const Topology& topology_;
  PowerOptions options_;
  std::vector<MeterInfo> meters_;  // active meters, the same on every rank
  int my_meter_ = -1;              // the meter this node reads, -1 none (leaders only)
  int covering_meter_ = -1;        // the meter covering this node
  std::unique_ptr<power::Sampler> sampler_;  // node leaders only
  power::Instant base_;            // the sampler's start: t = 0 in the time series
  std::size_t series_sent_ = 0;
  std::vector<power::Window> windows_;
  double window_seconds_ = 0;      // this phase so far (rank 0 decides wants_more)
  std::string notice_, requested_;
  std::vector<std::string> telemetry_;  // rank 0: per node
};

}  // namespace bramble
