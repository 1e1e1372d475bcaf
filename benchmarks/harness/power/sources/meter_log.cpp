#include "power/sources/meter_log.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/errors.hpp"
#include "core/input_file.hpp"
#include "core/printable.hpp"

namespace bramble::power {
namespace {

// A log read whole after every phase: a month at 10 lines a second, and still quick to read.
constexpr std::int64_t kMaxMeterLogBytes = std::int64_t{256} << 20;
// Up to a megawatt, as fixed:WATTS: inf or 1e308 here would make every energy NaN or inf.
constexpr double kMaxMeterWatts = 1e6;

// The input file checks (regular file, not a FIFO, size) as this source's own error.
template <class Read>
std::string checked_read(Read read) {
  try {
    return read();
  } catch (const Error& e) {
    throw PowerError(e.what());
  }
}

}  // namespace

std::vector<MeterPoint> parse_meter_log(const std::string& text, const std::string& source) {
  std::vector<MeterPoint> log;
  const std::string shown = printable(source, 200);
  const auto where = [&shown](int n) { return shown + ":" + std::to_string(n) + ": "; };
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const auto comma = line.find(',');
    const std::string a = comma == std::string::npos ? line : line.substr(0, comma);
    const std::string b = comma == std::string::npos ? "" : line.substr(comma + 1);
    char* end_a = nullptr;
    char* end_b = nullptr;
    const double t = std::strtod(a.c_str(), &end_a);
    const double w = std::strtod(b.c_str(), &end_b);
    auto rest_blank = [](const char* p) {
      while (*p && std::isspace(static_cast<unsigned char>(*p))) ++p;
      return *p == '\0';
    };
    const bool ok = comma != std::string::npos && end_a != a.c_str() && rest_blank(end_a) &&
                    end_b != b.c_str() && rest_blank(end_b);
    if (!ok) {
      if (log.empty() && n == 1) continue;  // a header line such as "unix_time_s,watts"
      throw PowerError(where(n) + "expected unix_time_s,watts, got " + in_quotes(line));
    }
    if (!std::isfinite(t)) throw PowerError(where(n) + "time must be a finite unix time, got " + in_quotes(a));
    if (!(std::isfinite(w) && w >= 0 && w <= kMaxMeterWatts))
      throw PowerError(where(n) + (w < 0 ? "negative watts: " : "watts: ") +
                       "must be a finite number from 0 to 1000000, got " + in_quotes(b));
    if (!log.empty() && !(t > log.back().t))
      throw PowerError(where(n) + "time does not increase");
    log.push_back({t, w});
  }
  return log;
}

std::vector<MeterPoint> read_meter_log(const std::string& path) {
  std::string text = checked_read([&] { return read_input_file(path, "meter log", kMaxMeterLogBytes); });
  const auto last_newline = text.find_last_of('\n');
  text.erase(last_newline == std::string::npos ? 0 : last_newline + 1);
  return parse_meter_log(text, path);
}

MeterLogSource::MeterLogSource(std::string path) : path_(std::move(path)) { read_meter_log(path_); }

std::string MeterLogSource::describe() const {
  return "meter log " + printable(path_, 200) + " (unix_time_s,watts), integrated after each phase";
}

Reading MeterLogSource::read() {
  // Only the tail: a log grows through the run, and this runs at every sample.
  const std::string text = checked_read([&] { return read_input_tail(path_, "meter log", 4096); });
  const auto end = text.find_last_of('\n');
  const auto begin = end == std::string::npos ? std::string::npos : text.find_last_of('\n', end == 0 ? 0 : end - 1);
  if (end == std::string::npos || begin == std::string::npos)
    throw PowerError("meter log " + printable(path_, 200) + " has no complete line yet");
  const std::vector<MeterPoint> last = parse_meter_log(text.substr(begin + 1, end - begin), path_);
  if (last.empty()) throw PowerError("meter log " + printable(path_, 200) + ": no reading in its last line");
  return Reading{false, 0, last.back().watts};
}

std::optional<std::vector<Sample>> MeterLogSource::recorded(double real_minus_mono) const {
  std::vector<Sample> out;
  for (const MeterPoint& p : read_meter_log(path_)) {
    Sample s;
    s.t_mono = p.t - real_minus_mono;
    s.t_real = p.t;
    s.ok = true;
    s.watts = p.watts;
    out.push_back(s);
  }
  return out;
}

WindowEnergy integrate(const std::vector<MeterPoint>& log, double t0, double t1) {
  WindowEnergy e;
  if (log.size() < 2 || t1 <= t0) return e;
  const double from = std::max(t0, log.front().t), to = std::min(t1, log.back().t);
  if (to <= from) return e;
  e.covered_from = from;
  e.covered_to = to;
  auto at = [&](double t) {  // linear interpolation inside the log
    const auto hi = std::upper_bound(log.begin(), log.end(), t, [](double v, const MeterPoint& p) { return v < p.t; });
    if (hi == log.begin()) return log.front().watts;
    if (hi == log.end()) return log.back().watts;
    const auto lo = hi - 1;
    return lo->watts + (hi->watts - lo->watts) * (t - lo->t) / (hi->t - lo->t);
  };
  double prev_t = from, prev_w = at(from);
  for (const MeterPoint& p : log) {
    if (p.t <= from || p.t >= to) continue;
    e.joules += 0.5 * (prev_w + p.watts) * (p.t - prev_t);
    prev_t = p.t;
    prev_w = p.watts;
    ++e.samples;
  }
  e.joules += 0.5 * (prev_w + at(to)) * (to - prev_t);
  return e;
}

}  // namespace bramble::power
