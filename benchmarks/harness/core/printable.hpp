#pragma once
// Text that came from outside (a file's line, a token, a label, a path) is quoted in
// messages. Raw, it could carry terminal escape sequences or binary garbage to the user's
// screen, or be megabytes long; shown through these helpers it is neither.
#include <cstddef>
#include <string>
#include <string_view>

namespace bramble {

// `text` with every byte that is not printable shown as \xHH: control characters (tab and
// newline included), DEL, C1 controls, invisible format characters (zero-width spaces,
// bidirectional overrides, the byte-order mark) and bytes that are not valid UTF-8. Printable ASCII
// and valid UTF-8 letters are kept, so names in any script stay readable. Beyond
// `max_bytes` of input the rest is cut and "..." says so (0: no limit).
std::string printable(std::string_view text, std::size_t max_bytes = 0);

// A whole report, line by line: printable() of each line, the line breaks kept. What the
// reports write to a terminal passes through this once, so that a label, host name or CSV
// cell read from a file reaches the screen escaped in every format, whichever line holds it.
std::string printable_lines(std::string_view text);

// printable(text, max_bytes) in double quotes, for quoting input inside a message.
std::string in_quotes(std::string_view text, std::size_t max_bytes = 80);

// True when printable(text) would change nothing: no control characters, valid UTF-8.
bool is_printable(std::string_view text);

}  // namespace bramble
