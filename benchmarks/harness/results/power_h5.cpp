#include "results/power_h5.hpp"


#include "core/format_units.hpp"
#include "results/h5_io.hpp"

namespace bramble {
namespace {

std::string join(const std::vector<int>& v) {
  std::string out;
  for (int x : v) {
    if (!out.empty()) out += ',';
    out += std::to_string(x);
  }
  return out;
}

}  // namespace

void write_run_power(hid_t run, const RunPower& p) {
  h5::Handle g = h5::create_group(run, "power");
  h5::write_attrs(g, {{"requested", p.requested},
                      {"notice", p.notice},
                      {"idle_seconds", p.idle_seconds},
                      {"meters", std::int64_t(p.meters.size())}});
  for (std::size_t m = 0; m < p.meters.size(); ++m) {
    const MeterInfo& i = p.meters[m];
    h5::write_attrs(h5::create_group(g, numbered("meter-", m, 3)),
                    {{"name", i.name},
                     {"nodes", join(i.nodes)},
                     {"reader_node", std::int64_t{i.reader_node}},
                     {"kind", i.kind},
                     {"scope", i.scope},
                     {"source", i.source},
                     {"interval_s", i.interval},
                     {"idle_watts", i.idle_watts},
                     {"idle_samples", std::int64_t{i.idle_samples}}});
  }
  for (std::size_t n = 0; n < p.telemetry.size(); ++n)
    h5::write_attrs(h5::create_group(g, numbered("node-", n, 3)),
                    {{"telemetry", p.telemetry[n]},
                     {"series_start_unix", n < p.series_start_unix.size() ? p.series_start_unix[n] : power::kUnknown}});
}

void write_kernel_power(hid_t kernel, const PowerRecord& p) {
  h5::Handle g = h5::create_group(kernel, "power");
  std::vector<NamedValue> attrs{{"throttled", std::int64_t{p.throttled}},
                                {"green500_valid", std::int64_t{p.green500_valid}},
                                {"green500_reason", p.green500_reason},
                                {"notes", p.notes}};
  for (const auto& [name, value] : p.figures) attrs.push_back({name, value});
  for (const ScopeTotal& t : p.totals) attrs.push_back({"nodes_covered_" + t.scope, std::int64_t{t.nodes_covered}});
  h5::write_attrs(g, attrs);
  for (std::size_t n = 0; n < p.nodes.size(); ++n) {
    const NodePhase& node = p.nodes[n];
    const power::WindowStats& s = node.stats;
    h5::Handle ng = h5::create_group(g, numbered("node-", n, 3));
    const bool metered = node.meter >= 0 && node.meter < int(p.meters.size());
    std::vector<NamedValue> a{{"meter", std::int64_t{node.meter}},
                              {"meter_name", metered ? p.meters[std::size_t(node.meter)].name : std::string()},
                              {"reads_meter", std::int64_t{node.reads_meter}},
                              {"seconds", s.seconds},
                              {"temp_start_c", s.temp_start},
                              {"temp_end_c", s.temp_end},
                              {"temp_max_c", s.temp_max},
                              {"clock_start_mhz", s.clock_start},
                              {"clock_end_mhz", s.clock_end},
                              {"clock_min_mhz", s.clock_min},
                              {"throttled_word", std::int64_t{s.throttled}}};
    if (node.reads_meter) {
      for (NamedValue v : std::vector<NamedValue>{{"joules", s.joules},
                                                  {"covered_seconds", s.covered},
                                                  {"mean_watts", s.mean_watts},
                                                  {"min_watts", s.min_watts},
                                                  {"max_watts", s.max_watts},
                                                  {"samples", std::int64_t{s.samples}},
                                                  {"failed_samples", std::int64_t{s.failed}},
                                                  {"interval_s", s.interval},
                                                  {"longest_repeat_s", s.longest_repeat},
                                                  {"wraps", std::int64_t{node.wraps}},
                                                  {"errors", std::int64_t{node.errors}},
                                                  {"error", node.error}})
        a.push_back(std::move(v));
    }
    h5::write_attrs(ng, a);
    std::vector<double> windows;
    for (const auto& w : node.windows) {
      windows.push_back(w.t0);
      windows.push_back(w.t1);
    }
    h5::write_dataset(ng, "windows", windows, {node.windows.size(), 2});
    const std::vector<double> empty;
    const std::vector<double>& series = n < p.series.size() ? p.series[n] : empty;
    h5::write_dataset(ng, "series", series, {series.size() / kSeriesWidth, hsize_t{kSeriesWidth}});
    h5::write_attr(h5::open_dataset(ng, "series"), "columns",
                   std::vector<std::string>(std::begin(kSeriesColumns), std::end(kSeriesColumns)));
  }
}

PowerGroupContents read_power_group(hid_t parent) {
  PowerGroupContents c;
  if (!h5::exists(parent, "power")) return c;
  h5::Handle g = h5::open_group(parent, "power");
  c.attrs = h5::read_attrs(g);
  for (const auto& name : h5::children(g)) {
    h5::Handle m = h5::open_group(g, name);
    c.members.push_back(h5::read_attrs(m));
    if (h5::exists(m, "series")) c.series.push_back(h5::read_dataset(m, "series"));
  }
  return c;
}

}  // namespace bramble
