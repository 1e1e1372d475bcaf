#include "results/validation.hpp"

#include "core/errors.hpp"
#include "results/h5_io.hpp"
#include "results/schema.hpp"

namespace bramble {

void require_appendable_result_file(const std::string& path) {
  h5::silence_errors();
#if H5_VERSION_GE(1, 12, 0)
  const htri_t is_hdf5 = H5Fis_accessible(path.c_str(), H5P_DEFAULT);
#else
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
#endif
  if (is_hdf5 <= 0)
    throw InputError(path + " is not a readable HDF5 file (foreign or truncated); not touching it");
  h5::Handle file;
  try {
    file = h5::open_file(path, /*writable=*/false);
  } catch (const Error&) {
    throw InputError(path + " cannot be opened as HDF5 (truncated or damaged)");
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
    throw InputError(path + " is an HDF5 file but not a bramble result file");
  if (schema < 1 || schema > kSchemaVersion)
    throw InputError(path + " has result schema " + std::to_string(schema) +
                     ", this bramble reads schema 1.." + std::to_string(kSchemaVersion));
}

}  // namespace bramble
