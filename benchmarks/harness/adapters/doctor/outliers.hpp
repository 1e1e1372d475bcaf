#pragma once
// The doctor's outlier rule, plain arithmetic so that it is tested without MPI. A node is an
// outlier when its figure is worse than the median of the *other* nodes' figures by more
// than a factor (2 by default: below half of it where more is better, above twice it where
// less is better). The reference leaves the node itself out, so that among two or three
// nodes a bad one cannot drag the median towards itself and hide.
#include <string>
#include <vector>

namespace bramble::doctor {

// The median: the middle value, or the mean of the middle two for an even count; NaN for
// none.
double median(std::vector<double> values);

enum class Better { higher, lower };

struct Outlier {
  int node = 0;
  double value = 0;
  double peers_median = 0;
};

// The outliers among `values` (one per node, in node order). NaN marks a node that was not
// measured: it is neither judged nor anyone's peer. A node without measured peers is never
// an outlier: there is nothing to compare it with. `min_difference` also asks the value to
// differ from the peers' median by at least that much, for figures whose small values jitter
// by whole factors (a latency of 2 us against 1 us is noise, not a fault).
std::vector<Outlier> outliers(const std::vector<double>& values, Better better, double factor = 2.0,
                              double min_difference = 0.0);

// Text for a figure in a message: three significant digits where that needs no exponent
// (11.9, 112, 0.523), whole numbers from 1000 up (1234); "-" for NaN.
std::string figure_text(double value);

}  // namespace bramble::doctor
