#include "adapters/hpl/hpl_dat.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <type_traits>
#include <sstream>

#include "core/errors.hpp"
#include "core/printable.hpp"

namespace bramble {
namespace {

// "nan", "inf", "-inf", "infinity" in any case: a word to HPL's reader, but plainly meant
// as a value, so the message should say what is wrong with it.
bool not_finite(std::string token) {
  for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!token.empty() && (token[0] == '-' || token[0] == '+')) token.erase(0, 1);
  return token.starts_with("nan") || token.starts_with("inf");
}

// 16.5, 1e+300: a number as %g prints it.
std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// HPL reads each line's leading values and treats the rest as a comment; so do we.
class LineReader {
 public:
  LineReader(const std::string& text, std::string name) : name_(std::move(name)) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }

  [[noreturn]] void fail(int line, const std::string& what) const {
    throw InputError(printable(name_, 200) + " line " + std::to_string(line) + ": " + what);
  }

  bool has(int line) const { return line <= static_cast<int>(lines_.size()); }

  const std::string& text(int line) const {
    if (!has(line)) fail(line, "missing (the file ends at line " + std::to_string(lines_.size()) + ")");
    return lines_[static_cast<std::size_t>(line - 1)];
  }

  template <class T>
  std::vector<T> values(int line, std::size_t count, const std::string& what) const {
    std::istringstream in(text(line));
    std::vector<T> out;
    for (std::size_t i = 0; i < count; ++i) {
      std::string token;
      // A word or '#' starts the comment: fewer values than promised.
      const bool word = in >> token && (std::isalpha(static_cast<unsigned char>(token[0])) || token[0] == '#');
      if (in && not_finite(token)) fail(line, in_quotes(token) + " is not a finite number for " + what);
      if (!in || word)
        fail(line, "expected " + std::to_string(count) + " value(s) for " + what + ", found " +
                       std::to_string(i) + " in " + in_quotes(text(line)));
      std::istringstream parse(token);
      T value{};
      char extra = 0;
      if (!(parse >> value) || (parse >> extra))
        fail(line, in_quotes(token) + " is not a valid value for " + what + (std::is_integral_v<T> ? " (a whole number)" : ""));
      out.push_back(value);
    }
    return out;
  }

  template <class T>
  T value(int line, const std::string& what) const { return values<T>(line, 1, what)[0]; }

  std::size_t count(int line, const std::string& what) const {
    const auto n = value<long>(line, "the number of " + what);
    if (n < 1 || n > 20) fail(line, "the number of " + what + " must be 1..20, got " + std::to_string(n));
    return static_cast<std::size_t>(n);
  }

 private:
  std::string name_;
  std::vector<std::string> lines_;
};

template <class T>
void require_range(const LineReader& r, int line, const std::vector<T>& v, const std::string& what, std::int64_t max) {
  for (T x : v) {
    if (x < 1) r.fail(line, what + " must be positive, got " + std::to_string(x));
    if (x > max) r.fail(line, what + " must be at most " + std::to_string(max) + ", got " + std::to_string(x));
  }
}

}  // namespace

HplDat parse_hpl_dat(const std::string& text, const std::string& name) {
  const LineReader r(text, name);
  HplDat dat;
  // Lines 1-2 are free text; 3-4 name HPL's output file and device.
  (void)r.text(4);
  dat.ignored = {"output file (line 3)", "device out (line 4)"};

  dat.ns = r.values<std::int64_t>(6, r.count(5, "problem sizes"), "Ns");
  require_range(r, 6, dat.ns, "N", kMaxHplN);
  dat.nbs = r.values<int>(8, r.count(7, "NBs"), "NBs");
  require_range(r, 8, dat.nbs, "NB", kMaxHplNb);
  dat.pmap = r.value<int>(9, "PMAP");
  if (dat.pmap != 0 && dat.pmap != 1) r.fail(9, "PMAP must be 0 (row-major) or 1 (column-major)");

  const std::size_t grids = r.count(10, "process grids");
  const auto ps = r.values<int>(11, grids, "Ps");
  const auto qs = r.values<int>(12, grids, "Qs");
  require_range(r, 11, ps, "P", kMaxHplGridSide);
  require_range(r, 12, qs, "Q", kMaxHplGridSide);
  for (std::size_t i = 0; i < grids; ++i) dat.grids.emplace_back(ps[i], qs[i]);

  dat.threshold = r.value<double>(13, "threshold");
  if (!(dat.threshold > 0) || !std::isfinite(dat.threshold)) r.fail(13, "threshold must be a positive finite number");
  if (dat.threshold > kHplThreshold)
    r.fail(13, "threshold " + short_number(dat.threshold) + " is looser than HPL's 16, so a wrong answer could pass "
               "verification; use 16 (a smaller threshold only makes the check stricter)");

  // Panel-factorisation variants: bramble has one (recursive, Crout-free right-looking).
  struct Skipped { int count_line; const char* what; };
  for (Skipped s : {Skipped{14, "PFACTs"}, Skipped{16, "NBMINs"}, Skipped{18, "NDIVs"},
                    Skipped{20, "RFACTs"}}) {
    (void)r.values<int>(s.count_line + 1, r.count(s.count_line, s.what), s.what);
    dat.ignored.push_back(std::string(s.what) + " (line " + std::to_string(s.count_line + 1) + ")");
  }
  dat.bcasts = r.values<int>(23, r.count(22, "broadcasts"), "BCASTs");
  for (int b : dat.bcasts)
    if (b < 0 || b > 5) r.fail(23, "BCAST must be 0..5 (1rg, 1rM, 2rg, 2rM, Lng, LnM), got " + std::to_string(b));
  dat.depths = r.values<int>(25, r.count(24, "lookahead depths"), "DEPTHs");
  for (int d : dat.depths)
    if (d < 0) r.fail(25, "DEPTH must be >= 0, got " + std::to_string(d));

  // HPL 2.x adds SWAP, its threshold, L1/U forms, equilibration and alignment.
  if (r.has(26)) {
    dat.swap = r.value<int>(26, "SWAP");
    if (dat.swap < 0 || dat.swap > 2) r.fail(26, "SWAP must be 0 (bin-exch), 1 (long) or 2 (mix), got " + std::to_string(dat.swap));
  }
  const char* tail[] = {"SWAP", "swapping threshold", "L1 form", "U form", "Equilibration",
                        "memory alignment"};
  for (int line = 27; line <= 31 && r.has(line); ++line) {
    (void)r.value<int>(line, tail[line - 26]);
    dat.ignored.push_back(std::string(tail[line - 26]) + " (line " + std::to_string(line) + ")");
  }
  return dat;
}

}  // namespace bramble
