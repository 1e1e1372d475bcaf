#include "results/validation.hpp"

#include <cstdint>
#include <cstring>
#include <optional>

#include "core/errors.hpp"
#include "results/path_kind.hpp"
#include "results/schema.hpp"

namespace bramble {
namespace {

constexpr char kHdf5Signature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};

// HDF5 looks for its signature at 0, 512, 1024, 2048, ...: a user block may come first.
std::optional<off_t> signature_offset(const RegularFile& file) {
  for (off_t at = 0; at + off_t{sizeof kHdf5Signature} <= file.size(); at = at == 0 ? 512 : at * 2)
    if (file.read_at(at, sizeof kHdf5Signature) == std::string(kHdf5Signature, sizeof kHdf5Signature)) return at;
  return std::nullopt;
}

// A little-endian address of `width` bytes at `at`; nullopt past the end or when undefined.
std::optional<std::uint64_t> address(const std::string& bytes, std::size_t at, unsigned width) {
  if (width != 2 && width != 4 && width != 8) return std::nullopt;
  if (at + width > bytes.size()) return std::nullopt;
  std::uint64_t value = 0;
  bool all_ones = true;
  for (unsigned i = 0; i < width; ++i) {
    const auto byte = static_cast<unsigned char>(bytes[at + i]);
    value |= std::uint64_t{byte} << (8 * i);
    all_ones = all_ones && byte == 0xff;
  }
  return all_ones ? std::nullopt : std::optional<std::uint64_t>(value);
}

// The file size the superblock (`sb`, read from its start) records: base address + end-of-
// file address, where it can be read. HDF5 stores it to tell a truncated file, and so can
// we, with a clearer message. Superblock layouts: HDF5 file format specification, II.A.
std::optional<std::uint64_t> recorded_size(const std::string& sb) {
  if (sb.size() < 16) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(sb[i]); };
  const unsigned version = byte(8);
  unsigned width = 0;
  std::size_t base_at = 0;
  if (version <= 1) {
    width = byte(13);
    base_at = 24 + (version == 1 ? 4 : 0);
  } else if (version <= 3) {
    width = byte(9);
    base_at = 12;
  } else {
    return std::nullopt;
  }
  const auto base = address(sb, base_at, width);
  const auto end = address(sb, base_at + 2 * std::size_t{width}, width);
  if (!base || !end) return std::nullopt;
  return *base + *end;
}

std::string plural_bytes(std::uint64_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

// Only the signature's places and the superblock are read: a large file costs no more.
void require_whole_hdf5(const std::string& path, const RegularFile& file) {
  if (file.size() == 0) throw InputError(path + " is empty, not a bramble result file");
  const std::optional<off_t> at = signature_offset(file);
  if (!at)
    throw InputError(path + " is not a readable HDF5 file (no HDF5 signature: foreign, or not a result file); "
                            "not touching it");
  const std::optional<std::uint64_t> size = recorded_size(file.read_at(*at, 64));
  if (size && *size > static_cast<std::uint64_t>(file.size()))
    throw InputError(path + " is truncated: it holds " + plural_bytes(static_cast<std::uint64_t>(file.size())) +
                     " of the " + plural_bytes(*size) + " its HDF5 header records; not touching it");
}

}  // namespace

h5::Handle open_result_file(const std::string& path, bool writable) {
  h5::silence_errors();
  const RegularFile checked(path);
  require_whole_hdf5(path, checked);
  h5::Handle file;
  try {
    // HDF5 reads what it is asked for, not the whole file; through the descriptor checked
    // above, so that nothing but that regular file is opened.
    file = h5::open_file(checked.proc_path(), writable);
  } catch (const Error&) {
    throw InputError(path + " is an HDF5 file that cannot be opened (damaged); not touching it");
  }
  std::string format;
  std::int64_t schema = -1;
  try {
    for (const auto& a : h5::read_attrs(file)) {
      if (a.name == "format" && std::holds_alternative<std::string>(a.value))
        format = std::get<std::string>(a.value);
      if (a.name == "schema_version" && std::holds_alternative<std::int64_t>(a.value))
        schema = std::get<std::int64_t>(a.value);
    }
  } catch (const Error&) {
    throw InputError(path + " is damaged: its attributes cannot be read");
  }
  if (format != kFormatName || !h5::exists(file, "runs"))
    throw InputError(path + " is an HDF5 file but not a bramble result file (written by another program?); "
                            "not touching it");
  if (schema > kSchemaVersion)
    throw InputError(path + " was written by a newer bramble (schema " + std::to_string(schema) +
                     ", this one reads up to " + std::to_string(kSchemaVersion) + "); not touching it");
  if (schema < 1)
    throw InputError(path + " has no valid result schema version (" + std::to_string(schema) +
                     "); not touching it");
  return file;
}

}  // namespace bramble
