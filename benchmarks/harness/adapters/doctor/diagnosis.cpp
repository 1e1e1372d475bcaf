#include "adapters/doctor/diagnosis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "adapters/doctor/outliers.hpp"
#include "power/window_stats.hpp"

namespace bramble::doctor {
namespace {

std::string scientific(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// How sure a finding is: how often the figure was measured, and after how many of those
// measurements the node was still an outlier (suspects.hpp).
std::string evidence(const std::string& probe, const NodeFigures& n) {
  if (probe == "link" || probe == "latency") {
    if (n.link_measurements <= 1) return "measured once";
    return "best of " + std::to_string(n.link_measurements) + " measurements, an outlier after " +
           std::to_string(n.link_suspect_after) + " of them";
  }
  return n.hardware_measurements <= 1 ? "probed once" : "best of " + std::to_string(n.hardware_measurements) + " probes";
}

class Rules {
 public:
  Rules(const std::vector<NodeFigures>& nodes, Diagnosis& d) : nodes_(nodes), d_(d) {}

  void add(int node, const std::string& probe, const std::string& what) {
    std::string text = nodes_[static_cast<std::size_t>(node)].name;
    text.append(": ").append(what);
    d_.findings.push_back({node, probe, std::move(text)});
  }

  // Checks that need no peers: wrong answers, failed probes, heat, throttling.
  void absolute() {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const NodeFigures& n = nodes_[i];
      const int node = static_cast<int>(i);
      if (n.dgemm_residual > kDgemmThreshold || std::isinf(n.dgemm_residual))
        add(node, "dgemm", std::string("DGEMM answer wrong (check ") + scientific(n.dgemm_residual) + " > " +
                               figure_text(kDgemmThreshold) + ")");
      if (n.triad_wrong > 0) add(node, "triad", std::string("STREAM triad answer wrong in ") + figure_text(n.triad_wrong) + " elements");
      if (!n.disk_error.empty()) add(node, "disk", std::string("disk not measured: ") + n.disk_error);
      if (n.temp_c >= kHotCelsius)
        add(node, "health", figure_text(n.temp_c) + " C, at or above the " + figure_text(kHotCelsius) +
                                " C where a Raspberry Pi throttles");
      if (n.throttled < 0) continue;  // no throttle word on this node: nothing more to read
      const std::string now = power::throttle_text(n.throttled & power::kThrottleNowMask);
      const std::string since = power::throttle_text((n.throttled >> 16) & power::kThrottleNowMask);
      if (!now.empty()) add(node, "health", std::string("throttle state now: ") + now);
      if (!since.empty() && since != now) add(node, "health", std::string("throttle state since boot: ") + since);
    }
  }

  // `figure` of every node against its peers; `what` names it in the message, `evidence`
  // says how sure the finding is.
  void compare(const std::string& probe, const std::string& what, const std::string& unit,
               const std::function<double(const NodeFigures&)>& figure, Better better, double factor,
               double min_difference = 0) {
    std::vector<double> values;
    for (const auto& n : nodes_) values.push_back(figure(n));
    for (const Outlier& o : outliers(values, better, factor, min_difference)) {
      const double gap = better == Better::higher ? o.peers_median / o.value : o.value / o.peers_median;
      add(o.node, probe,
          what + " " + figure_text(o.value) + " " + unit + " vs median " + figure_text(o.peers_median) + " " + unit +
              " (" + figure_text(gap) + "x " + (better == Better::higher ? "below" : "above") + ", margin " +
              figure_text(factor) + "x; " + evidence(probe, nodes_[static_cast<std::size_t>(o.node)]) + ")");
    }
  }

  void hotter_than_peers() {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      std::vector<double> peers;
      for (std::size_t j = 0; j < nodes_.size(); ++j)
        if (j != i && !std::isnan(nodes_[j].temp_c)) peers.push_back(nodes_[j].temp_c);
      const double reference = median(peers);
      if (nodes_[i].temp_c > reference + kHotterThanPeersCelsius)
        add(static_cast<int>(i), "health",
            figure_text(nodes_[i].temp_c) + " C vs median " + figure_text(reference) + " C");
    }
  }

 private:
  const std::vector<NodeFigures>& nodes_;
  Diagnosis& d_;
};

}  // namespace

Diagnosis diagnose(const std::vector<NodeFigures>& nodes, bool shared_machine) {
  Diagnosis d;
  Rules rules(nodes, d);
  rules.absolute();
  if (nodes.size() < 2) {
    d.notes.push_back("one node: no peers to compare it with, so only wrong answers, heat and throttling are checked");
  } else if (shared_machine) {
    d.notes.push_back("the nodes share a machine (the same boot id): their DGEMM, triad, disk and temperature "
                      "are the same hardware's, so they are not compared; their links are");
  } else {
    rules.compare("dgemm", "DGEMM", "Gflop/s", [](const NodeFigures& n) { return n.dgemm_gflops; }, Better::higher,
                  kHardwareFactor);
    rules.compare("triad", "STREAM triad", "GB/s", [](const NodeFigures& n) { return n.triad_gbs; }, Better::higher,
                  kHardwareFactor);
    rules.compare("disk", "disk write+fsync", "MB/s", [](const NodeFigures& n) { return n.disk_mbs; }, Better::higher,
                  kHardwareFactor);
    rules.hotter_than_peers();
  }
  rules.compare("link", "link to others", "MB/s", [](const NodeFigures& n) { return n.link_mbs; }, Better::higher,
                kLinkFactor);
  rules.compare("latency", "latency (best round trip) to others", "us",
                [](const NodeFigures& n) { return n.latency_best_us; }, Better::lower, kLatencyFactor,
                kLatencyMinDifferenceUs);
  std::stable_sort(d.findings.begin(), d.findings.end(), [](const Finding& a, const Finding& b) { return a.node < b.node; });
  return d;
}

std::string findings_text(const Diagnosis& d, const std::vector<std::string>& probes) {
  std::string text;
  for (const Finding& f : d.findings)
    if (std::find(probes.begin(), probes.end(), f.probe) != probes.end()) text.append(text.empty() ? "" : "; ").append(f.text);
  return text.empty() ? "none" : text;
}

}  // namespace bramble::doctor
