#include "core/printable.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace bramble {
namespace {

// Length of the valid UTF-8 sequence starting at text[at] that encodes a printable
// character, or 0. Overlong forms, surrogates and C1 controls (U+0080-U+009F, which some
// terminals act on) are not printable.
std::size_t printable_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead >= 0x20 && lead < 0x7f) return 1;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2, code = lead & 0x1fu;
  else if (lead >= 0xe0 && lead <= 0xef) length = 3, code = lead & 0x0fu;
  else if (lead >= 0xf0 && lead <= 0xf4) length = 4, code = lead & 0x07u;
  else return 0;
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xc0u) != 0x80u) return 0;
    code = (code << 6) | (byte(at + i) & 0x3fu);
  }
  const std::uint32_t smallest[] = {0, 0, 0xa0, 0x800, 0x10000};  // below: overlong or C1
  if (code < smallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  // Invisible format characters: zero-width spaces and joiners, the bidirectional overrides
  // that reorder what a terminal shows, and the byte-order mark. Shown, they would make two
  // different texts look the same (a header with a BOM looks like the header).
  const bool invisible = (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) ||
                         (code >= 0x2060 && code <= 0x2069) || code == 0xfeff;
  if (invisible) return 0;
  return length;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_bytes) {
  const bool cut = max_bytes > 0 && text.size() > max_bytes;
  if (cut) text = text.substr(0, max_bytes);
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (const std::size_t n = printable_sequence(text, at)) {
      out.append(text.substr(at, n));
      at += n;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(text[at]));
      out += hex;
      ++at;
    }
  }
  if (cut) out += "...";
  return out;
}

std::string in_quotes(std::string_view text, std::size_t max_bytes) {
  std::string out = "\"";
  out.append(printable(text, max_bytes)).append("\"");
  return out;
}

bool is_printable(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t n = printable_sequence(text, at);
    if (n == 0) return false;
    at += n;
  }
  return true;
}

std::string printable_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += printable(text.substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace bramble
