#pragma once
// The arithmetic of a scaling study, kept apart from files and formats so that it can be
// checked against values worked out by hand (tests/scaling/test_scaling_math.cpp).
//
// Throughout, p is the rank count relative to the study's smallest one (ranks / base ranks,
// 1 at the base) and S the speedup over the base. Speedup is a ratio of figures of merit,
// which are all rates (Gflop/s, MLUP/s, GB/s, Msamples/s): for strong scaling (the same
// problem) that is the time ratio T(base) / T(p); for weak scaling (work per rank constant)
// it is the scaled speedup, the work done per second at p over that at the base.
#include <string>
#include <vector>

namespace bramble {

// S = figure / base_figure.
double scaling_speedup(double figure, double base_figure);

// Parallel efficiency S / p: 1 is perfect, 0.5 means half of every added rank is wasted.
double scaling_efficiency(double speedup, double p);

// Karp-Flatt experimentally determined serial fraction e = (1/S - 1/p) / (1 - 1/p): the f
// of Amdahl's law that would give this S at this p. Growing with p, it says the overhead
// grows with p (communication), not a fixed serial part. NaN at p = 1, where it is undefined.
double karp_flatt(double speedup, double p);

// Its weak-scaling counterpart, the f of Gustafson's law that gives this scaled speedup:
// (p - S) / (p - 1). NaN at p = 1.
double gustafson_fraction(double speedup, double p);

// The laws the fits use: Amdahl S(p) = 1 / (f + (1 - f) / p) for a fixed problem,
// Gustafson S(p) = p - f (p - 1) for work per rank held constant.
double amdahl_speedup(double f, double p);
double gustafson_speedup(double f, double p);

struct SerialFractionFit {
  double f = 0;    // serial fraction, least squares; NaN without a point at p > 1
  double rms = 0;  // root mean square of measured minus fitted speedup over the points
};

// Amdahl, in closed form: 1/S - 1/p = f (1 - 1/p) is a line through the origin in
// x = 1 - 1/p, so f = sum(x y) / sum(x^2) with y = 1/S - 1/p.
SerialFractionFit fit_amdahl(const std::vector<double>& p, const std::vector<double>& speedup);

// Gustafson, likewise: p - S = f (p - 1), so f = sum((p - 1)(p - S)) / sum((p - 1)^2).
SerialFractionFit fit_gustafson(const std::vector<double>& p, const std::vector<double>& speedup);

// The most an Amdahl f allows however many ranks: 1 / f; infinity for f <= 0 (no serial
// part found, e.g. superlinear speedup from caches).
double amdahl_limit(double f);

// The share of all ranks' time spent in the phases named in `waiting` (communication and
// waiting for others), from a [ranks x phases] row-major split. NaN when the kernel names
// no such phase or recorded no time.
double waiting_share(const std::vector<std::string>& phase_names, const std::vector<double>& phase_seconds,
                     const std::vector<std::string>& waiting);

}  // namespace bramble
