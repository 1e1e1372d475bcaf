#include "power/sources/json_number.hpp"

#include <cctype>
#include <cstdlib>

#include "power/sources/power_source.hpp"

namespace bramble::power {
namespace {

// Walks every value, building each one's path; remembers the number at the wanted path.
class Walker {
 public:
  Walker(const std::string& s, const std::string& want) : s_(s), want_(want) {}

  std::optional<double> run() {
    value("");
    skip_space();
    if (i_ != s_.size()) fail("trailing characters");
    return found_;
  }

 private:
  [[noreturn]] void fail(const char* why) const {
    throw PowerError(std::string("malformed JSON from the plug (") + why + " at byte " + std::to_string(i_) + ")");
  }
  void skip_space() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool eat(char c) {
    skip_space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  std::string string() {
    if (!eat('"')) fail("expected a string");
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') ++i_;  // escapes: keep the escaped character (keys here are plain)
      if (i_ < s_.size()) out += s_[i_++];
    }
    if (i_ >= s_.size()) fail("unterminated string");
    ++i_;
    return out;
  }
  void value(const std::string& path) {
    skip_space();
    if (i_ >= s_.size()) fail("unexpected end");
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      if (eat('}')) return;
      do {
        const std::string key = string();
        if (!eat(':')) fail("expected ':'");
        value(path.empty() ? key : path + "." + key);
      } while (eat(','));
      if (!eat('}')) fail("expected '}'");
    } else if (c == '[') {
      ++i_;
      if (eat(']')) return;
      int index = 0;
      do value(path + "[" + std::to_string(index++) + "]");
      while (eat(','));
      if (!eat(']')) fail("expected ']'");
    } else if (c == '"') {
      string();
    } else if (s_.compare(i_, 4, "true") == 0 || s_.compare(i_, 4, "null") == 0) {
      i_ += 4;
    } else if (s_.compare(i_, 5, "false") == 0) {
      i_ += 5;
    } else {
      char* end = nullptr;
      const double v = std::strtod(s_.c_str() + i_, &end);
      if (end == s_.c_str() + i_) fail("unexpected character");
      i_ = static_cast<std::size_t>(end - s_.c_str());
      if (path == want_) found_ = v;
    }
  }

  const std::string& s_;
  const std::string& want_;
  std::size_t i_ = 0;
  std::optional<double> found_;
};

}  // namespace

std::optional<double> json_number_at(const std::string& json, const std::string& path) {
  return Walker(json, path).run();
}

}  // namespace bramble::power
