#include "context/cpuinfo.hpp"

#include <sstream>

namespace bramble::cpuinfo {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::vector<std::string> values(const std::string& text, const std::string& key) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':');
    if (colon != std::string::npos && trim(line.substr(0, colon)) == key) out.push_back(trim(line.substr(colon + 1)));
  }
  return out;
}

std::string first(const std::string& text, const std::string& key) {
  const auto all = values(text, key);
  return all.empty() ? "" : all.front();
}

}  // namespace bramble::cpuinfo
