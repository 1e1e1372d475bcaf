#pragma once
// Link matrices that `bramble doctor` recorded on the namespace testbed (4 nodes, one rank
// each, this 2-vCPU "AMD EPYC" VM, 2026-12-07) with a busy loop on both cores beside it:
//   benchmarks/compare/doctor_noise.sh -k 8 --hog -o DIR                   (equal nodes)
//   benchmarks/compare/doctor_noise.sh -k 3 --hog --slow n3=100mbit -o DIR  (n3 at 100 Mbit)
// Each is the run's stored matrix (none of the equal runs measured a suspect again): per
// cell, row sends to column, the best message's MB/s, the best round trip and the P50 round
// trip (one way, us). tests/test_doctor.cpp judges them.
#include <cmath>
#include <limits>
#include <vector>

#include "adapters/doctor/link_matrix.hpp"

namespace bramble::doctor::recorded_figures {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline LinkMatrix recorded(std::vector<double> mbs, std::vector<double> best_us, std::vector<double> p50_us) {
  LinkMatrix m;
  m.nodes = 4;
  m.mbs = std::move(mbs);
  m.latency_best_us = std::move(best_us);
  m.latency_us = std::move(p50_us);
  m.latency_p90_us = m.latency_p99_us = m.latency_us;  // not recorded here; not judged
  return m;
}

// Four equal nodes, a CPU hog on every core: eight runs.
inline std::vector<LinkMatrix> equal_nodes_under_a_hog() {
  return {
    recorded({kNaN, 553.9, 1091, 1383, 543.6, kNaN, 1742, 2312, 734.7, 1057, kNaN, 561.7, 1508, 1173, 1220, kNaN},
             {kNaN, 29.4, 15.76, 41.83, 28.66, kNaN, 15.73, 28.08, 16.53, 14.39, kNaN, 34.54, 27.74, 26.75, 31.71, kNaN},
             {kNaN, 781.3, 19.42, 106.4, 584.6, kNaN, 17.95, 100.5, 29.84, 19.96, kNaN, 1159, 77.82, 107.3, 546.4, kNaN}),
    recorded({kNaN, 2317, 1451, 2700, 2274, kNaN, 3188, 5621, 2191, 1468, kNaN, 895.1, 3391, 1437, 2064, kNaN},
             {kNaN, 21.38, 13.1, 13.22, 26.69, kNaN, 12.79, 12.5, 13.13, 12.9, kNaN, 20.67, 12.93, 12.41, 21.96, kNaN},
             {kNaN, 281.7, 14.77, 42.92, 32.66, kNaN, 15.91, 14.32, 16.36, 18.04, kNaN, 843.2, 90.06, 23.92, 531.5, kNaN}),
    recorded({kNaN, 2113, 2466, 3394, 2191, kNaN, 3756, 4735, 1844, 1359, kNaN, 4636, 2506, 4344, 1804, kNaN},
             {kNaN, 22.27, 26.05, 12.56, 22.33, kNaN, 27.86, 12.17, 26.12, 20.64, kNaN, 12.51, 12.59, 12.39, 12.4, kNaN},
             {kNaN, 88.71, 44.27, 14.38, 90.48, kNaN, 81.34, 13.93, 45.61, 91.85, kNaN, 14.25, 14.39, 14.2, 14.23, kNaN}),
    recorded({kNaN, 3928, 2255, 2145, 2324, kNaN, 1068, 3709, 1366, 1257, kNaN, 1407, 1235, 1990, 1444, kNaN},
             {kNaN, 12.44, 34.99, 22.01, 12.21, kNaN, 12.57, 12.61, 25.42, 13.23, kNaN, 21.6, 21.46, 12.58, 33.47, kNaN},
             {kNaN, 15.46, 97.1, 95.66, 14.09, kNaN, 14.13, 18.01, 98.77, 16.79, kNaN, 94.79, 90.91, 14.51, 75.75, kNaN}),
    recorded({kNaN, 1505, 2577, 812.7, 530.6, kNaN, 1149, 1151, 1102, 2499, kNaN, 1331, 841.5, 3194, 843.5, kNaN},
             {kNaN, 13.63, 31.49, 29.55, 14.48, kNaN, 26.82, 14.08, 27.33, 13.79, kNaN, 33.49, 27.67, 14.11, 27.47, kNaN},
             {kNaN, 17.81, 106.2, 405, 17.62, kNaN, 1074, 17.21, 72.75, 19.83, kNaN, 114.8, 548.1, 21.95, 106.5, kNaN}),
    recorded({kNaN, 4059, 1946, 1689, 2875, kNaN, 1048, 1940, 1635, 3041, kNaN, 984.7, 1704, 4607, 2010, kNaN},
             {kNaN, 12.8, 22.02, 21.01, 12.79, kNaN, 12.58, 12.55, 22.06, 12.55, kNaN, 24.55, 21.57, 12.36, 20.92, kNaN},
             {kNaN, 14.58, 94.55, 75.44, 14.65, kNaN, 14.38, 13.61, 93.6, 13.74, kNaN, 84.44, 82.6, 13.97, 90.55, kNaN}),
    recorded({kNaN, 2473, 1855, 749.1, 3721, kNaN, 798.2, 1547, 2192, 732.9, kNaN, 1503, 960.6, 1041, 3020, kNaN},
             {kNaN, 14.59, 15.09, 30.54, 14.79, kNaN, 24.34, 14.15, 14.22, 21.77, kNaN, 14.74, 35.33, 14.73, 14.5, kNaN},
             {kNaN, 47.82, 18, 94.36, 90.27, kNaN, 487.9, 27.08, 42.37, 733, kNaN, 17.56, 43.68, 86.75, 54.47, kNaN}),
    recorded({kNaN, 1842, 2414, 2146, 1338, kNaN, 5062, 1397, 1054, 1157, kNaN, 2285, 3128, 1298, 4534, kNaN},
             {kNaN, 21.49, 12.43, 21.92, 26.85, kNaN, 12.21, 23.45, 12.47, 12.4, kNaN, 12.52, 21.42, 20.91, 12.26, kNaN},
             {kNaN, 74.08, 14.06, 79.01, 42.35, kNaN, 14.11, 91.46, 14.17, 13.14, kNaN, 14.53, 86.34, 85.1, 14.12, kNaN}),
};
}

// The same, n3's link shaped to 100 Mbit/s both ways: three runs.
inline std::vector<LinkMatrix> slow_n3_under_a_hog() {
  return {
    recorded({kNaN, 1602, 12.06, 1845, 1709, kNaN, 12.06, 2446, 12.04, 12.07, kNaN, 11.97, 1751, 2007, 11.96, kNaN},
             {kNaN, 14.52, 16.05, 21.05, 17.15, kNaN, 14.52, 17.62, 14.17, 14.51, kNaN, 14.21, 14.06, 15.99, 14.13, kNaN},
             {kNaN, 24.9, 24.61, 494.7, 23.62, kNaN, 16.47, 126.1, 20.24, 20.9, kNaN, 19.42, 16.56, 30.04, 17.35, kNaN}),
    recorded({kNaN, 583.5, 12.21, 2273, 617.3, kNaN, 12.05, 2779, 12.11, 12.12, kNaN, 12.15, 1433, 1339, 12.02, kNaN},
             {kNaN, 34.01, 14.34, 14.48, 33.54, kNaN, 12.87, 14.29, 14.13, 12.93, kNaN, 21.03, 14.4, 14.77, 21.21, kNaN},
             {kNaN, 120.6, 16.99, 17.66, 40.54, kNaN, 17.13, 17, 31.3, 14.51, kNaN, 376.1, 43.64, 43.68, 404.2, kNaN}),
    recorded({kNaN, 1415, 12.13, 3343, 722.8, kNaN, 12.05, 1937, 12.15, 12.03, kNaN, 11.97, 6442, 1241, 12.02, kNaN},
             {kNaN, 23.9, 12.78, 14.32, 20.81, kNaN, 14.16, 13.82, 12.72, 14.56, kNaN, 12.7, 14.11, 13.72, 14.3, kNaN},
             {kNaN, 93.06, 14.49, 16.53, 85.49, kNaN, 17.74, 15.76, 20.86, 37.5, kNaN, 16.01, 16.15, 16.56, 17.84, kNaN}),
};
}

}  // namespace bramble::doctor::recorded_figures
