// Collective error agreement: one failing rank makes every rank throw the same error.
#include <gtest/gtest.h>
#include <mpi.h>

#include "core/collective.hpp"
#include "core/comm_info.hpp"

namespace bramble {
namespace {

int rank() { return comm_rank(MPI_COMM_WORLD); }
int size() { return comm_size(MPI_COMM_WORLD); }

TEST(Agree, NoFailureMeansNoThrow) {
  EXPECT_NO_THROW(agree(MPI_COMM_WORLD, [] {}));
}

TEST(Agree, EveryRankGetsTheLowestFailingRanksMessageAndCode) {
  const int last = size() - 1;
  try {
    agree(MPI_COMM_WORLD, [&] {
      if (rank() == last) throw InputError("node " + std::to_string(last) + " is short");
    });
    FAIL() << "agree did not throw";
  } catch (const AgreedError& e) {
    EXPECT_EQ(e.exit_code(), kExitInput);
    EXPECT_EQ(std::string(e.what()), "node " + std::to_string(last) + " is short");
  }
}

TEST(Agree, LowestRankWinsWhenSeveralFail) {
  try {
    agree(MPI_COMM_WORLD, [&] { throw IoError("rank " + std::to_string(rank())); });
    FAIL() << "agree did not throw";
  } catch (const AgreedError& e) {
    EXPECT_EQ(e.exit_code(), kExitIo);
    EXPECT_STREQ(e.what(), "rank 0");
  }
}

TEST(Agree, ForeignExceptionsBecomeInternalErrors) {
  EXPECT_THROW(agree(MPI_COMM_WORLD, [] { throw std::logic_error("bug"); }), AgreedError);
}

}  // namespace
}  // namespace bramble
