#include "render/scene_parser.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace bramble::render {
namespace {

// Tabs and a CR left over from CRLF line ends count as blanks.
constexpr std::string_view kBlanks = " \t\r\v\f";

// What each item letter needs; the field names are spelled as in the format's description
// so that the error messages can quote them.
struct ItemSpec {
  const char* name;
  std::size_t count;
  const char* fields;
};
constexpr ItemSpec kSphere{"sphere", 9, "x y z radius r g b shininess reflectivity"};
constexpr ItemSpec kLight{"light", 3, "x y z"};
constexpr ItemSpec kCamera{"camera", 7, "x y z fov_degrees tx ty tz"};

// The place a line came from, for messages of the form "source:line: what".
struct Where {
  const std::string& source;
  int line;

  [[noreturn]] void fail(const std::string& what) const {
    throw SceneError(source + ":" + std::to_string(line) + ": " + what);
  }
};

std::vector<std::string_view> split(std::string_view line) {
  line = line.substr(0, line.find('#'));  // '#' to the end of the line is a comment
  std::vector<std::string_view> tokens;
  for (std::size_t pos = line.find_first_not_of(kBlanks); pos != std::string_view::npos;) {
    const std::size_t end = std::min(line.find_first_of(kBlanks, pos), line.size());
    tokens.push_back(line.substr(pos, end - pos));
    pos = line.find_first_not_of(kBlanks, end);
  }
  return tokens;
}

// A token as messages quote it: a file of binary garbage may hold a "token" of megabytes.
// (The harness also escapes unprintable bytes in whatever message reaches the user.)
std::string shown(std::string_view token) {
  constexpr std::size_t kMax = 40;
  return token.size() <= kMax ? std::string(token) : std::string(token.substr(0, kMax)) + "...";
}

std::string field_name(const ItemSpec& spec, std::size_t index) {
  std::string_view fields = spec.fields;
  for (std::size_t i = 0; i < index; ++i) fields.remove_prefix(fields.find(' ') + 1);
  return std::string(fields.substr(0, fields.find(' ')));
}

// from_chars reads the shortest round-trip form exactly, whatever the locale; it takes no
// leading '+', which hand-written files may have, so that is skipped here.
double number(const Where& at, const ItemSpec& spec, std::size_t index, std::string_view token) {
  std::string_view digits = token;
  if (digits.size() > 1 && digits[0] == '+' && digits[1] != '-') digits.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
    // Built by appending: GCC 12 at -O3 warns (-Wrestrict, a false positive) on "..." + string.
    std::string what = "\"";
    what.append(shown(token)).append("\" is not a finite number (").append(spec.name).append(" ");
    what.append(field_name(spec, index)).append(")");
    at.fail(what);
  }
  return value;
}

// The item's numbers, after checking there are exactly as many as it needs.
std::vector<double> numbers(const Where& at, const ItemSpec& spec,
                            const std::vector<std::string_view>& tokens) {
  const std::size_t found = tokens.size() - 1;
  if (found != spec.count)
    at.fail(std::string(spec.name) + " needs " + std::to_string(spec.count) + " numbers (" +
            spec.fields + "), found " + std::to_string(found));
  std::vector<double> v;
  for (std::size_t i = 0; i < spec.count; ++i) v.push_back(number(at, spec, i, tokens[i + 1]));
  return v;
}

std::string as_string(std::string_view token) { return shown(token); }

Sphere sphere(const Where& at, const std::vector<std::string_view>& tokens) {
  const std::vector<double> v = numbers(at, kSphere, tokens);
  Sphere s{{v[0], v[1], v[2]}, v[3], {{v[4], v[5], v[6]}, v[7], v[8]}};
  if (!(s.radius > 0)) at.fail("sphere radius must be > 0, got " + as_string(tokens[4]));
  if (v[4] < 0 || v[5] < 0 || v[6] < 0)
    at.fail("sphere colour components must be >= 0, got " + as_string(tokens[5]) + " " +
            as_string(tokens[6]) + " " + as_string(tokens[7]));
  if (s.material.shininess < 0) at.fail("sphere shininess must be >= 0, got " + as_string(tokens[8]));
  if (s.material.reflectivity < 0 || s.material.reflectivity > 1)
    at.fail("sphere reflectivity must be between 0 and 1, got " + as_string(tokens[9]));
  return s;
}

Camera camera(const Where& at, const std::vector<std::string_view>& tokens) {
  const std::vector<double> v = numbers(at, kCamera, tokens);
  Camera c{{v[0], v[1], v[2]}, v[3], {v[4], v[5], v[6]}};
  if (!(c.fov_degrees > 0 && c.fov_degrees < 180))
    at.fail("camera fov_degrees must be between 0 and 180 (exclusive), got " + as_string(tokens[4]));
  // A camera looking at its own position has no view direction.
  if (c.position.x == c.target.x && c.position.y == c.target.y && c.position.z == c.target.z)
    at.fail("camera position and target must differ");
  return c;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

Scene parse_scene(const std::string& text, const std::string& source_name) {
  Scene scene;
  scene.name = std::filesystem::path(source_name).stem().string();
  int camera_line = 0;
  std::string_view rest = text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // a UTF-8 mark some editors add
  for (int line = 1; !rest.empty(); ++line) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::vector<std::string_view> tokens = split(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (tokens.empty()) continue;
    const Where at{source_name, line};
    if (tokens[0] == "s") {
      scene.spheres.push_back(sphere(at, tokens));
    } else if (tokens[0] == "l") {
      const std::vector<double> v = numbers(at, kLight, tokens);
      if (scene.lights.size() == static_cast<std::size_t>(kMaxLights))
        at.fail("too many lights: at most " + std::to_string(kMaxLights));
      scene.lights.push_back({v[0], v[1], v[2]});
    } else if (tokens[0] == "c") {
      if (camera_line != 0) at.fail("camera given twice (first on line " + std::to_string(camera_line) + ")");
      scene.camera = camera(at, tokens);
      camera_line = line;
    } else {
      at.fail("unknown item \"" + shown(tokens[0]) +
              "\" (expected s for a sphere, l for a light or c for the camera)");
    }
  }
  if (scene.spheres.empty()) throw SceneError(source_name + ": no spheres");
  if (camera_line == 0)
    throw SceneError(source_name + ": no camera (add a line \"c x y z fov_degrees tx ty tz\")");
  return scene;
}

Scene load_scene(const std::string& path) {
  const auto unreadable = [&path] {
    return SceneError("cannot read scene file " + path + ": " + std::strerror(errno));
  };
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw unreadable();
  std::string text;
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0;) text.append(buffer, n);
  if (std::ferror(file.get())) throw unreadable();  // e.g. a directory: EISDIR
  return parse_scene(text, path);
}

}  // namespace bramble::render
