#pragma once
// Shared by the result-file guard tests (test_result_lock.cpp, test_result_paths.cpp): a
// small run and result to write, a scratch directory per test, and helpers to read a file
// whole, catch an error's message and run a body in a child process.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "results/writer.hpp"

namespace bramble::test {
namespace fs = std::filesystem;

inline RunMetadata metadata(const std::string& label) {
  RunMetadata m;
  m.label = label;
  m.ranks = 1;
  m.node_count = 1;
  m.ranks_per_node = {1};
  m.nodes = {{"pi-01", "Cortex-A76", "6.6.31", "", 4, 8LL << 30, 7LL << 30, 1}};
  return m;
}

inline KernelResult result(double figure) {
  KernelResult r;
  r.kernel = "stencil";
  r.problem = "64x48";
  r.rep_seconds = {0.5};
  r.figure_name = "mlups";
  r.figure_of_merit = figure;
  r.unit = "MLUP/s";
  r.passed = true;
  r.ranks = 1;
  return r;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The message of the Error `f` throws ("" if it throws none).
inline std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

inline std::string hostname() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return host;
}

// Runs `body` in a child process; its exit status (-1 if it did not exit normally).
inline int in_child(const std::function<int()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(body());  // no gtest or static teardown in the child
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class ResultGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bramble-guard-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "r.h5").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Every name in the scratch directory: nothing may be left beside the result files.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_;
  std::string path_;
};

}  // namespace bramble::test
