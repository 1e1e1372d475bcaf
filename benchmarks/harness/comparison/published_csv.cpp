// Reading published.csv: RFC 4180-style fields (quotes around a field that holds a comma,
// "" for a quote inside one), '#' comment lines, one record per line. Every row is checked
// as it is read, so a typo in a hand-edited file is one message naming its line, never a
// zero in a ranking.
#include <cmath>
#include <cstdint>
#include <optional>
#include <regex>

#include "comparison/published.hpp"
#include "core/errors.hpp"
#include "core/number_text.hpp"
#include "core/printable.hpp"

namespace bramble {
namespace {

constexpr std::size_t kColumns = 10;

struct LineError {
  std::string what;
};

std::string trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") + 1 - b);
}

// The fields of one line. Spaces around an unquoted field are dropped.
std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) throw LineError{"a quoted field has no closing quote"};
        if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          i += 2;
        } else if (line[i] == '"') {
          ++i;
          break;
        } else {
          field += line[i++];
        }
      }
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i < line.size() && line[i] != ',')
        throw LineError{"text after a closing quote in field " + std::to_string(fields.size() + 1)};
    } else {
      const std::size_t end = line.find(',', i);
      field = trimmed(line.substr(i, end == std::string::npos ? std::string::npos : end - i));
      if (field.find('"') != std::string::npos)
        throw LineError{"a quote inside unquoted field " + std::to_string(fields.size() + 1) +
                        " (quote the whole field, and write a quote in it as \"\")"};
      i = end == std::string::npos ? line.size() : end;
    }
    fields.push_back(field);
    if (i >= line.size()) return fields;
    ++i;  // the comma
  }
}

int whole(const std::string& name, const std::string& text) {
  const std::string problem = check_whole_number(text, 1, 100'000'000);
  if (!problem.empty()) throw LineError{name + " " + problem};
  return int(*parse_whole_number(text));
}

double positive(const std::string& name, const std::string& text) {
  const std::optional<double> v = parse_finite_number(text);
  if (!v || *v <= 0) throw LineError{name + " must be a number greater than 0, got " + in_quotes(text, 40)};
  return *v;
}

double optional_positive(const std::string& name, const std::string& text) {
  return text.empty() ? std::nan("") : positive(name, text);
}

PublishedRow to_row(const std::vector<std::string>& f) {
  if (f.size() != kColumns)
    throw LineError{"expected " + std::to_string(kColumns) + " fields (" + kPublishedHeader + "), got " +
                    std::to_string(f.size())};
  PublishedRow r;
  r.system = f[0];
  if (r.system.empty()) throw LineError{"system is empty"};
  r.nodes = whole("nodes", f[1]);
  r.cores = whole("cores", f[2]);
  r.gflops = positive("gflops", f[3]);
  r.watts = positive("watts", f[4]);
  r.idle_watts = optional_positive("idle_watts", f[5]);
  r.usd = optional_positive("usd", f[6]);
  r.source = trimmed(f[7]);
  if (r.source.empty()) throw LineError{"source is empty: every published figure needs its source"};
  r.date = trimmed(f[8]);
  static const std::regex date_form(R"(\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)");
  if (!r.date.empty() && !std::regex_match(r.date, date_form))
    throw LineError{"date must be YYYY-MM-DD, YYYY-MM or empty, got " + in_quotes(r.date, 40)};
  r.notes = f[9];
  return r;
}

}  // namespace

std::vector<PublishedRow> parse_published_csv(const std::string& text, const std::string& origin) {
  std::vector<PublishedRow> rows;
  bool header_seen = false;
  std::size_t number = 0;
  // A spreadsheet saving "CSV UTF-8" starts the file with a byte-order mark: not part of the
  // header, so it is skipped rather than refused.
  const std::size_t bom = text.rfind("\xef\xbb\xbf", 0) == 0 ? 3 : 0;
  for (std::size_t start = bom; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trimmed(line).empty() || line[0] == '#') continue;
    const std::string where = origin + " line " + std::to_string(number) + ": ";
    if (!header_seen) {
      if (line != kPublishedHeader)
        throw InputError(where + "expected the header " + kPublishedHeader + ", got " + in_quotes(line));
      header_seen = true;
      continue;
    }
    try {
      rows.push_back(to_row(split_fields(line)));
    } catch (const LineError& e) {
      throw InputError(where + e.what);
    }
  }
  if (!header_seen) throw InputError(origin + ": no header line (" + kPublishedHeader + ")");
  if (rows.empty()) throw InputError(origin + ": the header is followed by no results");
  return rows;
}

std::vector<PublishedRow> builtin_published() {
  return parse_published_csv(builtin_published_text(), "built-in published.csv");
}

}  // namespace bramble
