#include "power/monitor.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/errors.hpp"
#include "core/gather.hpp"
#include "core/input_file.hpp"
#include "power/sources/source_factory.hpp"
#include "power/config.hpp"
#include "power/meter_plan.hpp"
#include "power/overdue_reading.hpp"
#include "power/totals.hpp"

namespace bramble {
namespace {

int leader_rank(const Topology& topology, int node, int size) {
  for (int r = 0; r < size; ++r)
    if (topology.node_of_rank(r) == node) return r;
  return 0;
}

// Temperature, clocks and throttling from `health` into `to` (whose energy came from elsewhere).
void take_health(power::WindowStats& to, const power::WindowStats& health) {
  to.temp_start = health.temp_start;
  to.temp_end = health.temp_end;
  to.temp_max = health.temp_max;
  to.clock_start = health.clock_start;
  to.clock_end = health.clock_end;
  to.clock_min = health.clock_min;
  to.throttled = health.throttled;
}

// Counter or power readings: decided by the first good sample (a failed first read has neither).
bool is_cumulative(const std::vector<power::Sample>& readings) {
  for (const auto& r : readings)
    if (r.ok) return !std::isnan(r.joules);
  return false;
}

void sleep_seconds(double s) {
  if (s > 0) std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

}  // namespace

PowerMonitor::PowerMonitor(MPI_Comm world, const Topology& topology, const PowerOptions& options)
    : world_(world), topology_(topology), options_(options) {
  // `off`: no sampler thread at all (the baseline of the overhead benchmark).
  requested_ = "--power " + options.spec;
  agree(world, [&] {
    if (options.spec == "off" && !options.config_file.empty())
      throw InputError("--power off measures nothing; it cannot be combined with --power-config");
    if (options.spec == "off" && !options.extras.empty())
      throw InputError("--power off measures nothing; --power-extra has no total to add to");
  });
  if (options.spec == "off") return;
  const std::vector<MeterPlan> plans = plan();
  OpenedSource mine = open_source(plans);
  activate_meters(plans, mine);
  describe_meters(mine.meter);
  start_sampler(std::move(mine.source));
}

// The same plan on every rank, from the same config text.
std::vector<MeterPlan> PowerMonitor::plan() {
  const std::string config_text =
      options_.config_file.empty() ? "" : read_on_rank0(world_, options_.config_file, "power config file");
  std::vector<MeterPlan> plans;
  agree(world_, [&] {
    const PowerConfig config =
        options_.config_file.empty() ? PowerConfig{} : parse_power_config(config_text, options_.config_file);
    if (options_.spec_given && !options_.config_file.empty()) {
      std::vector<std::string> hosts;
      for (const NodeInfo& node : topology_.nodes()) hosts.push_back(node.hostname);
      check_power_option_against_config(config, options_.spec, hosts, options_.config_file);
    }
    plans = plan_meters(topology_, config, options_.spec, options_.interval);
  });
  if (!options_.config_file.empty()) requested_ += " --power-config " + options_.config_file;
  return plans;
}

// Each meter's first node opens its source. A source asked for by name that fails stops
// the run, with the node named; `auto` finding nothing does not.
PowerMonitor::OpenedSource PowerMonitor::open_source(const std::vector<MeterPlan>& plans) {
  const int my_node = topology_.my_node();
  OpenedSource mine;
  agree(world_, [&] {
    for (std::size_t p = 0; p < plans.size(); ++p) {
      if (std::find(plans[p].nodes.begin(), plans[p].nodes.end(), my_node) != plans[p].nodes.end())
        covering_meter_ = int(p);
      if (!topology_.is_node_leader() || plans[p].nodes.front() != my_node) continue;
      mine.plan = int(p);
      try {
        mine.source = power::make_source(plans[p].spec, options_.root, &mine.why_none, plans[p].credentials);
      } catch (const power::PowerError& e) {
        throw InputError("power source on node " + topology_.nodes()[std::size_t(my_node)].hostname + ": " + e.what());
      }
      if (mine.source)
        mine.meter = {plans[p].name, plans[p].nodes, my_node, mine.source->kind(),
                      power::scope_name(mine.source->scope()), mine.source->describe(), plans[p].interval,
                      power::kUnknown, 0};
    }
  });
  return mine;
}

// Every rank learns which meters are live (auto may have found nothing on some nodes),
// and the user is told what is missing.
void PowerMonitor::activate_meters(const std::vector<MeterPlan>& plans, const OpenedSource& mine) {
  const int size = comm_size(world_);
  const int live = (mine.plan >= 0 && mine.source) ? 1 : 0;
  std::vector<int> live_at(static_cast<std::size_t>(size));
  MPI_Allgather(&live, 1, MPI_INT, live_at.data(), 1, MPI_INT, world_);
  std::string missing;
  std::vector<int> plan_to_meter(plans.size(), -1);
  for (std::size_t p = 0; p < plans.size(); ++p) {
    if (live_at[static_cast<std::size_t>(leader_rank(topology_, plans[p].nodes.front(), size))]) {
      plan_to_meter[p] = int(meters_.size());
      meters_.push_back(MeterInfo{plans[p].name, plans[p].nodes, plans[p].nodes.front(), "", "", "", plans[p].interval,
                                  power::kUnknown, 0});
    } else {
      missing += (missing.empty() ? "" : ", ") + plans[p].name;
    }
  }
  my_meter_ = mine.plan >= 0 ? plan_to_meter[static_cast<std::size_t>(mine.plan)] : -1;
  covering_meter_ = covering_meter_ >= 0 ? plan_to_meter[static_cast<std::size_t>(covering_meter_)] : -1;
  // The first unmetered node's reasons stand for all (nodes of one cluster tend to agree).
  std::string why;
  for (const std::string& w : gather_text(world_, mine.why_none))
    if (why.empty()) why = w;
  if (meters_.empty())
    notice_ = "power: no power source found (" + requested_ + (why.empty() ? "" : ": " + why) +
              "): no energy figures, temperature and clocks only";
  else if (!missing.empty())
    notice_ = "power: no power source on " + missing + (why.empty() ? "" : " (" + why + ")") +
              ": energy figures cover the other nodes only";
}

// What each meter reads, from the node that reads it, to rank 0 for the record.
void PowerMonitor::describe_meters(const MeterInfo& mine) {
  const int size = comm_size(world_);
  const std::vector<std::string> described =
      gather_text(world_, my_meter_ >= 0 ? encode(to_values(mine, meter_fields())) : "");
  if (comm_rank(world_) != 0) return;
  for (MeterInfo& meter : meters_) {
    const auto reader = static_cast<std::size_t>(leader_rank(topology_, meter.reader_node, size));
    const MeterInfo d = from_values(decode(described[reader]), meter_fields());
    meter.kind = d.kind;
    meter.scope = d.scope;
    meter.source = d.source;
  }
}

// A sampler on every node's lowest rank (health even where no meter is read); each node's
// telemetry files to rank 0, in node order.
void PowerMonitor::start_sampler(std::unique_ptr<power::PowerSource> source) {
  const bool leader = topology_.is_node_leader();
  if (leader) {
    const double interval = my_meter_ >= 0 ? meters_[static_cast<std::size_t>(my_meter_)].interval
                                           : (options_.interval > 0 ? options_.interval : 0.5);
    sampler_ = std::make_unique<power::Sampler>(std::move(source), power::TelemetryReader(options_.root), interval);
    base_ = power::now();
    sampler_->start();
  }
  for (const std::string& t : gather_text(world_, leader ? sampler_->telemetry_description() : ""))
    if (!t.empty()) telemetry_.push_back(t);
}

PowerMonitor::~PowerMonitor() {
  if (sampler_) sampler_->stop();
}

// Every rank keeps the windows (rank 0's decide --min-phase-seconds, even with --power off);
// only node leaders integrate over them.
void PowerMonitor::started() {
  const double t = power::now().mono;
  windows_.push_back({t, t});
}

void PowerMonitor::stopped() {
  if (windows_.empty()) return;
  windows_.back().t1 = power::now().mono;
  window_seconds_ += windows_.back().t1 - windows_.back().t0;
}

bool PowerMonitor::wants_more() {
  if (!(options_.min_phase_seconds > 0)) return false;
  int more = comm_rank(world_) == 0 && window_seconds_ < options_.min_phase_seconds ? 1 : 0;
  MPI_Bcast(&more, 1, MPI_INT, 0, world_);
  return more != 0;
}

// The thread's next sample, so the window's end lies between two samples. Waiting (rather
// than reading here) keeps a slow plug or BMC read off the main thread. A source that is
// not answering (its last reading failed, or the read in progress is overdue) is not waited
// for at all: the window is then covered up to its last good reading, and the record's
// failed readings and coverage say so. The deadline only backs that up (a starved sampler
// thread on an oversubscribed node).
void PowerMonitor::ensure_sample_after(double t_mono) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(3 * sampler_->interval() + 6);
  while (!sampler_->has_sample_after(t_mono) && !sampler_->stalled() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

power::WindowStats PowerMonitor::meter_stats(const std::vector<power::Sample>& samples) const {
  const auto recorded = sampler_->source()->recorded(base_.real - base_.mono);
  if (!recorded) return power::window_stats(samples, windows_, is_cumulative(samples));
  // A source with its own record (a meter's log): energy from the record, health from this
  // node's own samples.
  power::WindowStats st = power::window_stats(*recorded, windows_, false);
  take_health(st, power::window_stats(samples, windows_, false));
  return st;
}

std::optional<PowerRecord> PowerMonitor::finish_phase(const std::string& figure_name, double figure) {
  std::string mine;
  std::vector<double> series, windows;
  if (sampler_) {
    NodePhase n;
    n.meter = covering_meter_;
    n.reads_meter = my_meter_ >= 0;
    // A meter's energy needs a reading after the window; health alone need not wait.
    if (n.reads_meter && !windows_.empty()) ensure_sample_after(windows_.back().t1);
    const std::vector<power::Sample> samples = sampler_->samples();
    if (n.reads_meter) {
      try {
        n.stats = meter_stats(samples);
      } catch (const power::PowerError& e) {  // a meter log gone bad: health still counts
        n.stats = power::window_stats(samples, windows_, false);
        n.error = e.what();
      }
      n.wraps = sampler_->wraps();
      n.errors = sampler_->errors();
      if (n.error.empty()) n.error = sampler_->first_error();
      count_overdue_reading(n, *sampler_, windows_);
    } else {
      n.stats = power::window_stats(samples, windows_, false);
      n.stats.failed = 0;  // no meter read here: unread power is not a failed reading
    }
    for (const auto& w : windows_) windows.insert(windows.end(), {w.t0 - base_.mono, w.t1 - base_.mono});
    mine = encode_node_phase(n);
    series = new_series_rows(samples);
  }
  windows_.clear();
  window_seconds_ = 0;

  const std::vector<std::string> all = gather_text(world_, mine);
  const auto all_series = gather_doubles(world_, series);
  const auto all_windows = gather_doubles(world_, windows);
  if (comm_rank(world_) != 0) return std::nullopt;
  PowerRecord rec;
  rec.meters = meters_;
  std::vector<std::string> hosts;
  for (const auto& node : topology_.nodes()) hosts.push_back(node.hostname);
  for (std::size_t r = 0; r < all.size(); ++r)
    if (!all[r].empty()) {
      rec.nodes.push_back(decode_node_phase(all[r], all_windows[r]));
      rec.series.push_back(all_series[r]);
    }
  if (rec.nodes.empty()) return std::nullopt;  // --power off
  summarise_power(rec, topology_.node_count(), hosts, figure_name, figure, total_extra_watts(options_.extras));
  return rec;
}

void PowerMonitor::measure_idle() {
  if (!metering()) return;
  // A declared idle figure (fixed:LOAD:IDLE) needs no measurement: it stands even with
  // --idle-seconds 0, which only skips measuring.
  const bool measure = options_.idle_seconds > 0;
  if (measure) {
    // Every rank sleeps (a barrier would spin): the node is as idle as a booted node running
    // bramble can be.
    MPI_Barrier(world_);
    sleep_seconds(options_.settle_seconds);
    MPI_Barrier(world_);
    started();
    sleep_seconds(options_.idle_seconds);
    MPI_Barrier(world_);
    stopped();
  }
  // Without the idle wait, the first phase may start before a sampler's first reading, and a
  // phase shorter than one interval would then have none before it to start from: wait for
  // one reading (one interval at most; a source that does not answer is not waited for).
  if (!measure && sampler_ && my_meter_ >= 0) ensure_sample_after(power::now().mono);
  double idle[2] = {power::kUnknown, 0};  // watts, samples
  if (sampler_ && my_meter_ >= 0) {
    const auto declared = sampler_->source() ? sampler_->source()->declared_idle_watts() : std::nullopt;
    if (declared) {
      idle[0] = *declared;
    } else if (measure) {
      ensure_sample_after(windows_.back().t1);
      try {
        const power::WindowStats st = meter_stats(sampler_->samples());
        idle[0] = st.mean_watts;
        idle[1] = st.samples;
      } catch (const power::PowerError&) {  // a broken meter log: no baseline
      }
    }
  }
  windows_.clear();
  window_seconds_ = 0;
  const auto all = gather_doubles(world_, my_meter_ >= 0 ? std::vector<double>{double(my_meter_), idle[0], idle[1]}
                                                          : std::vector<double>{});
  if (comm_rank(world_) != 0) return;
  std::string line;
  for (const auto& v : all) {
    if (v.size() != 3 || (!measure && std::isnan(v[1]))) continue;
    MeterInfo& m = meters_[static_cast<std::size_t>(v[0])];
    m.idle_watts = v[1];
    m.idle_samples = int(v[2]);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s%s %.2f W (%s)", line.empty() ? "" : ", ", m.name.c_str(), m.idle_watts,
                  m.scope.c_str());
    line += buf;
  }
  if (measure) std::fprintf(stderr, "power: idle baseline over %.1f s: %s\n", options_.idle_seconds, line.c_str());
  else if (!line.empty()) std::fprintf(stderr, "power: idle baseline as declared (not measured): %s\n", line.c_str());
}

RunPower PowerMonitor::run_power() {
  const auto starts = gather_doubles(world_, sampler_ ? std::vector<double>{base_.real} : std::vector<double>{});
  RunPower run;
  if (comm_rank(world_) != 0) return run;
  run.requested = requested_;
  run.notice = notice_;
  run.idle_seconds = metering() ? options_.idle_seconds : 0;
  run.meters = meters_;
  run.extras = options_.extras;
  run.telemetry = telemetry_;
  for (const auto& s : starts)
    if (!s.empty()) run.series_start_unix.push_back(s.front());
  return run;
}

std::vector<double> PowerMonitor::new_series_rows(const std::vector<power::Sample>& samples) {
  std::vector<double> rows;
  for (std::size_t i = series_sent_; i < samples.size(); ++i) {
    const power::Sample& s = samples[i];
    const double row[kSeriesWidth] = {s.t_mono - base_.mono, s.t_real, s.watts, s.joules, s.temp_c, s.clock_mhz,
                                      double(s.throttled)};
    rows.insert(rows.end(), row, row + kSeriesWidth);
  }
  series_sent_ = samples.size();
  return rows;
}

}  // namespace bramble
