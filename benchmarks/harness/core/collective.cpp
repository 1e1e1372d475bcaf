#include "core/collective.hpp"

#include "core/comm_info.hpp"

#include <climits>
#include <string>

namespace bramble {

void agree(MPI_Comm comm, const std::function<void()>& step) {
  int code = kExitOk;
  std::string message;
  try {
    step();
  } catch (const Error& e) {
    code = e.exit_code();
    message = e.what();
  } catch (const std::exception& e) {
    code = kExitInternal;
    message = std::string("internal error: ") + e.what();
  }
  int first_failed = code != kExitOk ? comm_rank(comm) : INT_MAX;
  MPI_Allreduce(MPI_IN_PLACE, &first_failed, 1, MPI_INT, MPI_MIN, comm);
  if (first_failed == INT_MAX) return;

  int header[2] = {code, static_cast<int>(message.size())};
  MPI_Bcast(header, 2, MPI_INT, first_failed, comm);
  message.resize(static_cast<std::size_t>(header[1]));
  MPI_Bcast(message.data(), header[1], MPI_CHAR, first_failed, comm);
  throw AgreedError(header[0], message);
}

}  // namespace bramble
