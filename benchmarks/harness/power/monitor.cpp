#include "power/monitor.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/errors.hpp"
#include "core/gather.hpp"
#include "core/input_file.hpp"
#include "power/sources/source_factory.hpp"
#include "power/config.hpp"
#include "power/totals.hpp"

namespace bramble {
namespace {

// Seconds between samples when neither the config nor --power-interval says: fast enough
// for short phases where reading is cheap, 2 Hz where a read is an HTTP request or a BMC
// round trip (Green500 wants at least 1 Hz, and a 1 s schedule would miss it by jitter),
// 5 Hz for the Pi PMIC (vcgencmd forks a process per read).
double default_interval(const std::string& kind) {
  if (kind == "smartplug" || kind == "ipmi") return 0.5;
  if (kind == "pi5-pmic") return 0.2;
  return 0.1;
}

std::string kind_of(const std::string& spec) { return spec.substr(0, spec.find(':')); }

// A meter as planned from the configuration, before any source is opened.
struct Plan {
  std::string key, name, spec;
  std::vector<int> nodes;
  double interval = 0;
};

std::vector<Plan> plan_meters(const Topology& topology, const PowerConfig& config, const PowerOptions& options) {
  std::vector<Plan> plans;
  for (int node = 0; node < topology.node_count(); ++node) {
    const std::string& host = topology.nodes()[static_cast<std::size_t>(node)].hostname;
    NodePowerConfig c = config.for_host(host);
    // Pretend nodes (--ranks-per-node) share their host's sensors: one reading covers them
    // all, or the host's energy would be counted once per pretend node. Only a declared
    // wattage can differ between them.
    const std::string spec = c.power.empty() ? options.spec : c.power;
    if (topology.pretend() && c.group.empty() && kind_of(spec) != "fixed") c.group = topology.host_of(node);
    const std::string key = c.group.empty() ? "node " + std::to_string(node) : "group " + c.group;
    auto it = std::find_if(plans.begin(), plans.end(), [&](const Plan& p) { return p.key == key; });
    if (it == plans.end()) {
      it = plans.insert(plans.end(), Plan{key, c.group.empty() ? host : c.group, "", {}, 0});
    }
    it->nodes.push_back(node);
    if (!c.power.empty()) {
      if (!it->spec.empty() && it->spec != c.power)
        throw InputError("power config: nodes of group \"" + c.group + "\" name different sources (\"" + it->spec +
                         "\" and \"" + c.power + "\"); a group shares one meter");
      it->spec = c.power;
    }
    if (c.interval > 0) it->interval = c.interval;
  }
  for (Plan& p : plans) {
    if (p.spec.empty()) p.spec = options.spec;
    if (p.interval <= 0) p.interval = options.interval > 0 ? options.interval : default_interval(kind_of(p.spec));
  }
  return plans;
}

int leader_rank(const Topology& topology, int node, int size) {
  for (int r = 0; r < size; ++r)
    if (topology.node_of_rank(r) == node) return r;
  return 0;
}

// A node's phase record travels to rank 0 as the result file's named values; its windows
// travel apart, as numbers.
std::string serialise(const NodePhase& n) {
  std::vector<NamedValue> values = to_values(n, node_health_fields());
  for (auto& v : to_values(n, node_energy_fields())) values.push_back(std::move(v));
  return encode(values);
}

NodePhase deserialise(const std::string& text, const std::vector<double>& windows) {
  const std::vector<NamedValue> values = decode(text);
  NodePhase n;
  from_values(n, values, node_health_fields());
  from_values(n, values, node_energy_fields());
  for (std::size_t i = 0; i + 1 < windows.size(); i += 2) n.windows.push_back({windows[i], windows[i + 1]});
  return n;
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
  const int rank = comm_rank(world), size = comm_size(world);
  const bool leader = topology.is_node_leader();
  const int my_node = topology.my_node();

  // `off`: no sampler thread at all (the baseline of the overhead benchmark).
  requested_ = "--power " + options.spec;
  agree(world, [&] {
    if (options.spec == "off" && !options.config_file.empty())
      throw InputError("--power off measures nothing; it cannot be combined with --power-config");
  });
  if (options.spec == "off") return;

  // 1. Plan the meters: the same on every rank, from the same config text.
  const std::string config_text =
      options.config_file.empty() ? "" : read_on_rank0(world, options.config_file, "power config file");
  std::vector<Plan> plans;
  agree(world, [&] {
    const PowerConfig config = options.config_file.empty() ? PowerConfig{} : parse_power_config(config_text, options.config_file);
    plans = plan_meters(topology, config, options);
  });
  if (!options.config_file.empty()) requested_ += " --power-config " + options.config_file;

  // 2. Each meter's first node opens its source. A named source that fails stops the run.
  std::unique_ptr<power::PowerSource> source;
  std::string why_none;  // what auto tried here, when it found nothing
  int my_plan = -1;
  MeterInfo mine;
  agree(world, [&] {
    for (std::size_t p = 0; p < plans.size(); ++p) {
      if (std::find(plans[p].nodes.begin(), plans[p].nodes.end(), my_node) != plans[p].nodes.end())
        covering_meter_ = int(p);
      if (!leader || plans[p].nodes.front() != my_node) continue;
      my_plan = int(p);
      const std::string host = topology.nodes()[static_cast<std::size_t>(my_node)].hostname;
      try {
        source = power::make_source(plans[p].spec, options.root, &why_none);
        if (source)
          mine = {plans[p].name, plans[p].nodes, my_node, source->kind(), power::scope_name(source->scope()),
                  source->describe(), plans[p].interval, power::kUnknown, 0};
      } catch (const power::PowerError& e) {
        throw InputError("power source on node " + host + ": " + e.what());
      }
    }
  });

  // 3. Every rank learns which meters are live (auto may have found nothing).
  const int live = (my_plan >= 0 && source) ? 1 : 0;
  std::vector<int> live_at(static_cast<std::size_t>(size));
  MPI_Allgather(&live, 1, MPI_INT, live_at.data(), 1, MPI_INT, world);
  std::ostringstream missing;
  std::vector<int> plan_to_meter(plans.size(), -1);
  for (std::size_t p = 0; p < plans.size(); ++p) {
    if (live_at[static_cast<std::size_t>(leader_rank(topology, plans[p].nodes.front(), size))]) {
      plan_to_meter[p] = int(meters_.size());
      meters_.push_back(MeterInfo{plans[p].name, plans[p].nodes, plans[p].nodes.front(), "", "", "", plans[p].interval,
                                  power::kUnknown, 0});
    } else {
      missing << (missing.tellp() > 0 ? ", " : "") << plans[p].name;
    }
  }
  my_meter_ = my_plan >= 0 ? plan_to_meter[static_cast<std::size_t>(my_plan)] : -1;
  covering_meter_ = covering_meter_ >= 0 ? plan_to_meter[static_cast<std::size_t>(covering_meter_)] : -1;
  // The first unmetered node's reasons stand for all (nodes of one cluster tend to agree).
  std::string why;
  for (const std::string& w : gather_text(world, why_none))
    if (why.empty()) why = w;
  if (meters_.empty())
    notice_ = "power: no power source found (" + requested_ + (why.empty() ? "" : ": " + why) +
              "): no energy figures, temperature and clocks only";
  else if (missing.tellp() > 0)
    notice_ = "power: no power source on " + missing.str() + (why.empty() ? "" : " (" + why + ")") +
              ": energy figures cover the other nodes only";

  // 4. What each meter reads, and each node's telemetry files, to rank 0 for the record.
  const std::vector<std::string> described =
      gather_text(world, my_meter_ >= 0 ? encode(to_values(mine, meter_fields())) : "");
  if (rank == 0)
    for (std::size_t m = 0; m < meters_.size(); ++m) {
      const auto reader = static_cast<std::size_t>(leader_rank(topology, meters_[m].reader_node, size));
      const MeterInfo d = from_values(decode(described[reader]), meter_fields());
      meters_[m].kind = d.kind;
      meters_[m].scope = d.scope;
      meters_[m].source = d.source;
    }
  if (leader) {
    const double interval = my_meter_ >= 0 ? meters_[static_cast<std::size_t>(my_meter_)].interval
                                           : (options.interval > 0 ? options.interval : 0.5);
    sampler_ = std::make_unique<power::Sampler>(std::move(source), power::TelemetryReader(options.root), interval);
    base_ = power::now();
    sampler_->start();
  }
  // Each node's telemetry files, from its leader (in rank order, so in node order).
  for (const std::string& t : gather_text(world, leader ? sampler_->telemetry_description() : ""))
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
// than reading here) keeps a slow plug or BMC read off the main thread; a source that hangs
// is cut off by its own timeout, and after that the window is simply not fully covered.
void PowerMonitor::ensure_sample_after(double t_mono) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(3 * sampler_->interval() + 6);
  while (!sampler_->has_sample_after(t_mono) && std::chrono::steady_clock::now() < deadline)
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
    } else {
      n.stats = power::window_stats(samples, windows_, false);
      n.stats.failed = 0;  // no meter read here: unread power is not a failed reading
    }
    for (const auto& w : windows_) windows.insert(windows.end(), {w.t0 - base_.mono, w.t1 - base_.mono});
    mine = serialise(n);
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
      rec.nodes.push_back(deserialise(all[r], all_windows[r]));
      rec.series.push_back(all_series[r]);
    }
  if (rec.nodes.empty()) return std::nullopt;  // --power off
  summarise_power(rec, topology_.node_count(), hosts, figure_name, figure);
  return rec;
}

void PowerMonitor::measure_idle() {
  if (!metering() || !(options_.idle_seconds > 0)) return;
  // Every rank sleeps (a barrier would spin): the node is as idle as a booted node running
  // bramble can be.
  MPI_Barrier(world_);
  sleep_seconds(options_.settle_seconds);
  MPI_Barrier(world_);
  started();
  sleep_seconds(options_.idle_seconds);
  MPI_Barrier(world_);
  stopped();
  double idle[2] = {power::kUnknown, 0};  // watts, samples
  if (sampler_ && my_meter_ >= 0) {
    ensure_sample_after(windows_.back().t1);
    try {
      const power::WindowStats st = meter_stats(sampler_->samples());
      idle[0] = st.mean_watts;
      idle[1] = st.samples;
    } catch (const power::PowerError&) {  // a broken meter log: no baseline
    }
  }
  windows_.clear();
  window_seconds_ = 0;
  const auto all = gather_doubles(world_, my_meter_ >= 0 ? std::vector<double>{double(my_meter_), idle[0], idle[1]}
                                                          : std::vector<double>{});
  if (comm_rank(world_) != 0) return;
  std::string line;
  for (const auto& v : all) {
    if (v.size() != 3) continue;
    MeterInfo& m = meters_[static_cast<std::size_t>(v[0])];
    m.idle_watts = v[1];
    m.idle_samples = int(v[2]);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s%s %.2f W (%s)", line.empty() ? "" : ", ", m.name.c_str(), m.idle_watts,
                  m.scope.c_str());
    line += buf;
  }
  std::fprintf(stderr, "power: idle baseline over %.1f s: %s\n", options_.idle_seconds, line.c_str());
}

RunPower PowerMonitor::run_power() {
  const auto starts = gather_doubles(world_, sampler_ ? std::vector<double>{base_.real} : std::vector<double>{});
  RunPower run;
  if (comm_rank(world_) != 0) return run;
  run.requested = requested_;
  run.notice = notice_;
  run.idle_seconds = metering() ? options_.idle_seconds : 0;
  run.meters = meters_;
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
