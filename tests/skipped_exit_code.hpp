#pragma once
// The exit code of a test program whose cases passed except some that were skipped
// (GTEST_SKIP): ctest reports it as skipped (SKIP_RETURN_CODE), not as passed, so a skip is
// seen, and CI checks every skip against tests/skips-allowed.txt. A failure wins over a skip.
inline constexpr int kSkippedExitCode = 77;
