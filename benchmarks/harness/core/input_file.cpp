#include "core/input_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/collective.hpp"
#include "core/comm_info.hpp"

namespace bramble {

std::string read_on_rank0(MPI_Comm comm, const std::string& path, const std::string& what) {
  std::string text;
  agree(comm, [&] {
    if (comm_rank(comm) != 0) return;
    std::error_code ec;
    std::ifstream in(path);
    if (!in || std::filesystem::is_directory(path, ec)) throw InputError("cannot read " + what + " " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  });
  auto len = static_cast<long long>(text.size());
  MPI_Bcast(&len, 1, MPI_LONG_LONG, 0, comm);
  text.resize(static_cast<std::size_t>(len));
  MPI_Bcast(text.data(), static_cast<int>(len), MPI_CHAR, 0, comm);
  return text;
}

}  // namespace bramble
