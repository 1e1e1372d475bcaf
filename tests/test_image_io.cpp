// Image files: PNG and PPM contents, and that a failed write throws IoError, leaves no
// temporary behind and never damages the file it was meant to replace.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "adapters/render/image_io.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

std::vector<std::uint8_t> gradient(int width, int height) {
  std::vector<std::uint8_t> rgb;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      rgb.push_back(static_cast<std::uint8_t>(x * 255 / (width - 1)));
      rgb.push_back(static_cast<std::uint8_t>(y * 255 / (height - 1)));
      rgb.push_back(static_cast<std::uint8_t>((x * 7 + y * 13) % 256));
    }
  return rgb;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}

// Files may grow to `bytes` at most while this lives: writes beyond fail with EFBIG, the
// way a full disk fails them (SIGXFSZ, which would kill us instead, is ignored meanwhile).
// The limit covers every file, stdout redirected to one included: print nothing meanwhile.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    rlimit limited = saved_;
    limited.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limited);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit saved_{};
  void (*old_handler_)(int) = SIG_DFL;
};

class ImageIo : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("bramble-image-io-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs a write that must fail; returns its message.
  template <class Write>
  std::string io_error_of(Write write) {
    try {
      write();
    } catch (const IoError& e) {
      return e.what();
    }
    return "no error";
  }

  fs::path dir_;
};

TEST_F(ImageIo, PngRoundTrip) {
  const auto rgb = gradient(7, 5);
  write_png(path("g.png"), 7, 5, rgb);
  EXPECT_EQ(contents(path("g.png")).substr(0, 8), "\x89PNG\r\n\x1a\n");
  int width = 0, height = 0;
  EXPECT_EQ(read_png(path("g.png"), width, height), rgb);
  EXPECT_EQ(width, 7);
  EXPECT_EQ(height, 5);
  // Replacing an existing image.
  const auto other = gradient(3, 9);
  write_png(path("g.png"), 3, 9, other);
  EXPECT_EQ(read_png(path("g.png"), width, height), other);
  EXPECT_EQ(width, 3);
  EXPECT_EQ(height, 9);
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"g.png"});  // no temporary left
}

TEST_F(ImageIo, PpmHeaderAndBytes) {
  const auto rgb = gradient(7, 5);
  write_ppm(path("g.ppm"), 7, 5, rgb);
  EXPECT_EQ(contents(path("g.ppm")), "P6\n7 5\n255\n" + std::string(rgb.begin(), rgb.end()));
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"g.ppm"});
}

TEST_F(ImageIo, MissingDirectory) {
  const auto rgb = gradient(4, 4);
  for (const std::string name : {"missing/x.png", "missing/x.ppm"}) {
    const std::string target = path(name);
    const std::string message = io_error_of([&] {
      if (name.ends_with(".png")) write_png(target, 4, 4, rgb);
      else write_ppm(target, 4, 4, rgb);
    });
    EXPECT_EQ(message, "cannot write image " + target + ": No such file or directory");
    EXPECT_FALSE(fs::exists(dir_ / "missing"));
  }
  EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ImageIo, UnwritablePath) {
  const auto rgb = gradient(4, 4);
  EXPECT_EQ(io_error_of([&] { write_png("/proc/x.png", 4, 4, rgb); }).rfind("cannot write image /proc/x.png: ", 0), 0u);
  EXPECT_EQ(io_error_of([&] { write_ppm("/proc/x.ppm", 4, 4, rgb); }).rfind("cannot write image /proc/x.ppm: ", 0), 0u);
  for (const std::string& name : entries("/proc")) EXPECT_EQ(name.rfind("x.p", 0), std::string::npos) << name;
}

TEST_F(ImageIo, FailedWriteLeavesTheOldFileIntact) {
  const std::string old = "the previous picture";
  for (const std::string name : {"old.png", "old.ppm"}) {
    std::ofstream(path(name), std::ios::binary) << old;
    const auto rgb = gradient(200, 200);  // even compressed, far over the limit
    std::string message;
    {
      const FileSizeLimit limit(64);
      message = io_error_of([&] {
        if (name.ends_with(".png")) write_png(path(name), 200, 200, rgb);
        else write_ppm(path(name), 200, 200, rgb);
      });
    }
    EXPECT_EQ(message.rfind("cannot write image " + path(name) + ": ", 0), 0u) << message;
    EXPECT_NE(message.find("File too large"), std::string::npos) << message;
    EXPECT_EQ(contents(path(name)), old);
  }
  auto names = entries(dir_);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"old.png", "old.ppm"}));
}

TEST_F(ImageIo, TargetIsADirectory) {
  fs::create_directory(dir_ / "taken.png");
  const std::string message = io_error_of([&] { write_png(path("taken.png"), 4, 4, gradient(4, 4)); });
  EXPECT_EQ(message, "cannot write image " + path("taken.png") + ": Is a directory");
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"taken.png"});
}

TEST_F(ImageIo, WrongBufferSizeIsABug) {
  try {
    write_png(path("x.png"), 4, 4, std::vector<std::uint8_t>(47));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), kExitInternal);
    EXPECT_EQ(std::string(e.what()), "cannot write image " + path("x.png") + ": 47 bytes do not make a 4x4 RGB image");
  }
  EXPECT_THROW(write_ppm(path("x.ppm"), 0, 4, {}), Error);
  EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ImageIo, ReadPngErrors) {
  int width = 0, height = 0;
  EXPECT_THROW(read_png(path("none.png"), width, height), IoError);
  std::ofstream(path("text.png")) << "not a png at all";
  EXPECT_THROW(read_png(path("text.png"), width, height), IoError);
}

}  // namespace
}  // namespace bramble
