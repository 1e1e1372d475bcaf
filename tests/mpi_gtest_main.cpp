// GoogleTest main for tests that run on several MPI ranks.
//
// Every rank runs every test. Rank 0 prints the usual gtest output; other ranks print
// their failures as they happen, prefixed with their rank. After each test the ranks
// agree on whether it failed anywhere, and the program's exit code is the same non-zero
// value on every rank if any test failed on any rank, so mpirun and ctest see it. Skipped
// cases and no failure: exit kSkippedExitCode on every rank (skipped_exit_code.hpp).
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdio>
#include <string>
#include <vector>

#include "skipped_exit_code.hpp"

namespace {

class MpiFailureListener : public testing::EmptyTestEventListener {
 public:
  explicit MpiFailureListener(int rank) : rank_(rank) {}

  void OnTestPartResult(const testing::TestPartResult& result) override {
    if (rank_ == 0 || !result.failed()) return;
    std::fprintf(stderr, "[rank %d] %s:%d: Failure\n%s\n", rank_,
                 result.file_name() ? result.file_name() : "?", result.line_number(),
                 result.message());
  }

  void OnTestEnd(const testing::TestInfo& info) override {
    int failed = info.result()->Failed() ? 1 : 0;
    int size = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int any = 0;
    MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (any) any_failed_ = true;
    // Which ranks failed, reported by rank 0.
    std::string ranks;
    std::vector<int> all(static_cast<std::size_t>(size));
    MPI_Gather(&failed, 1, MPI_INT, all.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank_ == 0 && any) {
      for (int r = 0; r < size; ++r)
        if (all[static_cast<std::size_t>(r)]) ranks += " " + std::to_string(r);
      std::printf("[   MPI    ] %s.%s failed on rank(s):%s\n", info.test_suite_name(), info.name(),
                  ranks.c_str());
    }
  }

  bool any_failed() const { return any_failed_; }

 private:
  int rank_;
  bool any_failed_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  testing::InitGoogleTest(&argc, argv);
  auto& listeners = testing::UnitTest::GetInstance()->listeners();
  if (rank != 0) delete listeners.Release(listeners.default_result_printer());
  auto* mpi_listener = new MpiFailureListener(rank);
  listeners.Append(mpi_listener);

  const int local = RUN_ALL_TESTS();
  int code = local;
  MPI_Allreduce(&local, &code, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (mpi_listener->any_failed() && code == 0) code = 1;
  if (rank == 0 && code != 0) std::printf("[   MPI    ] FAILED on at least one rank\n");
  // A skipped case must not read as Passed in ctest: exit kSkippedExitCode (the tests'
  // SKIP_RETURN_CODE) when cases were skipped on some rank and none failed anywhere.
  int skipped = testing::UnitTest::GetInstance()->skipped_test_count();
  MPI_Allreduce(MPI_IN_PLACE, &skipped, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (code == 0 && skipped > 0) {
    if (rank == 0) std::printf("[   MPI    ] %d case(s) skipped: exit %d, which ctest reports as skipped\n", skipped, kSkippedExitCode);
    code = kSkippedExitCode;
  }
  MPI_Finalize();
  return code;
}
