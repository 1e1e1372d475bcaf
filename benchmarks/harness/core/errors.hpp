#pragma once
// bramble's error type and exit codes. Every failure that reaches the user is an Error with
// one clear message and a code saying what kind of failure it was.
#include <stdexcept>
#include <string>

namespace bramble {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 2,         // bad command line
  kExitInput = 3,         // bad input: grid, sizes, HPL.dat, result file
  kExitVerification = 4,  // a kernel ran but its answer failed verification
  kExitIo = 5,            // cannot write results
  kExitInternal = 70,     // a bug or an unexpected library failure
};

class Error : public std::runtime_error {
 public:
  Error(int exit_code, const std::string& message)
      : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

struct InputError : Error {
  explicit InputError(const std::string& m) : Error(kExitInput, m) {}
};
struct IoError : Error {
  explicit IoError(const std::string& m) : Error(kExitIo, m) {}
};

}  // namespace bramble
