#pragma once
// `bramble doctor`: a quick health check of a cluster, run through the suite like any
// kernel, so it writes a result file that `bramble show` prints. DoctorKernel::run reads as
// its phases:
//   plan      - probe sizes (smaller with --quick), the results directory for the disk probe;
//   nodes     - on each node's leader, one core: DGEMM, STREAM triad, temperature and
//               throttle state, write+fsync of the results directory's disk (node_phase.hpp);
//   links     - latency and bandwidth between every pair of nodes' leaders, both ways, in
//               rounds (link_matrix.hpp, pairing.hpp);
//   diagnose  - findings by node name: wrong answers, heat, throttling, and figures far from
//               the median of the other nodes (diagnosis.hpp);
//   record    - one KernelResult per probe (doctor_results.hpp); the doctor's table and its
//               findings wait on rank 0 for print_report, after the suite's summary.
// Findings are not failures: the doctor exits 0 when it ran, and 4 only when a probe's own
// answer was wrong (README "bramble doctor").
#include <ostream>
#include <string>

#include "suite/kernel.hpp"

namespace bramble {

struct DoctorOptions {
  int disk_mib = -1;            // --disk-mib; -1: 64, or 16 with --quick; 0: no disk probe
  int pretend_slow_link = -1;   // hidden --pretend-slow-link NODE (tests): see LinkPlan::slow_node
};

class DoctorKernel : public Kernel {
 public:
  std::string name() const override { return "doctor"; }
  std::string description() const override {
    return "Check every node (DGEMM, STREAM triad, disk, temperature) and every link, and name the outliers";
  }
  void add_options(CLI::App& sub) override;
  void run(RunContext& context) override;

  // The doctor's table and findings (rank 0, after run; nothing elsewhere).
  void print_report(std::ostream& out) const { out << report_; }

 private:
  DoctorOptions opt_;
  std::string report_;
};

}  // namespace bramble
