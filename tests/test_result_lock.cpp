// One writer per result file, and a run that ends early cleaning up after itself: the lock
// names its holder, dies with it and leaves no file; temporary files of killed writers are
// removed; SIGTERM/SIGINT remove the temporary and lock files and say how far the run got.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "result_test_util.hpp"
#include "results/reader.hpp"
#include "results/replace_file.hpp"
#include "results/result_lock.hpp"
#include "results/writer.hpp"

namespace bramble::test {
namespace {

TEST_F(ResultGuardTest, SecondWriterRefusesNamingTheHolderAndNoRunIsLost) {
  auto first = std::make_unique<ResultWriter>(path_, metadata("first"));
  first->preflight();
  first->append(result(1));
  const std::string holder = slurp(lock_path_for(path_));
  EXPECT_EQ(holder.rfind("host " + hostname() + ", pid " + std::to_string(::getpid()) + ", since 20", 0), 0u)
      << holder;
  ResultWriter second(path_, metadata("second"));
  const std::string refused = error_of([&] { second.preflight(); });
  EXPECT_EQ(refused, path_ + " is being written by another bramble run (" + holder.substr(0, holder.size() - 1) + ")");
  EXPECT_NE(error_of([&] { second.append(result(9)); }), "");  // nor can it append behind the lock
  first->append(result(2));
  first.reset();
  EXPECT_EQ(names(), std::vector<std::string>{"r.h5"});  // the lock file went with its holder
  second.preflight();
  second.append(result(3));
  const ResultFile file = read_result_file(path_);
  ASSERT_EQ(file.runs.size(), 2u);
  EXPECT_EQ(file.runs[0].kernels.size(), 2u);
  EXPECT_EQ(file.runs[1].kernels[0].result.figure_of_merit, 3);
}

TEST_F(ResultGuardTest, LockDiesWithItsHolder) {
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  if (child == 0) {
    ResultWriter w(path_, metadata("child"));
    w.preflight();
    char c = 'x';
    if (::write(ready[1], &c, 1) != 1) ::_exit(1);
    ::pause();  // until SIGKILL: no destructor runs
    ::_exit(0);
  }
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  EXPECT_NE(error_of([&] { ResultWriter(path_, metadata("x")).preflight(); }).find("is being written by another"),
            std::string::npos);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  // A killed holder's lock file is removed by its watchdog (cleanup_watchdog.hpp), a moment
  // after the kill: it waits up to a second for the dead holder's flock to go.
  for (int i = 0; i < 500 && fs::exists(lock_path_for(path_)); ++i) ::usleep(10000);
  EXPECT_FALSE(fs::exists(lock_path_for(path_)));
  ResultWriter(path_, metadata("after")).append(result(1));
  EXPECT_EQ(names(), std::vector<std::string>{"r.h5"});
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST_F(ResultGuardTest, TemporaryFilesOfDeadWritersAreRemovedOthersKept) {
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const std::string stale = path_ + ".tmp-" + std::to_string(dead);
  const std::string old_probe = path_ + ".probe-" + std::to_string(dead);
  const std::string live = path_ + ".tmp-1";  // pid 1 runs
  const std::string other = path_ + ".tmp-notes";
  for (const auto& p : {stale, old_probe, live, other}) std::ofstream(p) << std::string(100000, 'x');
  ResultWriter w(path_, metadata("x"));
  w.preflight();
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_FALSE(fs::exists(old_probe));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(other));
}

// The handler, in a child that a signal ends midway through a two-kernel run.
TEST_F(ResultGuardTest, InterruptRemovesTemporaryAndLockFilesAndSaysHowFar) {
  for (const int signo : {SIGTERM, SIGINT}) {
    fs::remove(path_);
    const std::string said = (dir_ / "stderr").string();
    const pid_t child = ::fork();
    if (child == 0) {
      if (!std::freopen(said.c_str(), "w", stderr)) ::_exit(1);
      ResultWriter w(path_, metadata("x"));
      w.preflight();
      w.plan_kernels(2);
      if (signo == SIGTERM) {  // one kernel done, the second's append under way
        w.append(result(1));
        w.kernel_finished();
        std::ofstream(temp_path_for(path_)) << "half an HDF5 file";
      }
      ::raise(signo);
      ::_exit(0);  // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 128 + signo);
    const std::string line = slurp(said);
    fs::remove(said);
    if (signo == SIGTERM) {
      EXPECT_EQ(line, "bramble: interrupted by SIGTERM after 1 of 2 kernels; the finished ones are in " + path_ + "\n");
      EXPECT_EQ(read_result_file(path_).runs.at(0).kernels.size(), 1u);
      EXPECT_EQ(names(), std::vector<std::string>{"r.h5"});
    } else {
      EXPECT_EQ(line, "bramble: interrupted by SIGINT after 0 of 2 kernels; nothing was written to " + path_ + "\n");
      EXPECT_TRUE(names().empty());
    }
  }
}

TEST_F(ResultGuardTest, SignalsAreTheirOwnAgainAfterTheRun) {
  struct sigaction before {}, during {}, after {};
  ::sigaction(SIGTERM, nullptr, &before);
  {
    ResultWriter w(path_, metadata("x"));
    w.preflight();
    ::sigaction(SIGTERM, nullptr, &during);
    EXPECT_NE(during.sa_handler, before.sa_handler);
  }
  ::sigaction(SIGTERM, nullptr, &after);
  EXPECT_EQ(after.sa_handler, before.sa_handler);
}

}  // namespace
}  // namespace bramble::test
