#include "results/h5_io.hpp"

#include <algorithm>
#include <atomic>

#include "core/errors.hpp"

namespace bramble::h5 {
namespace {

hid_t check(hid_t id, const std::string& what) {
  if (id < 0) throw IoError("HDF5: cannot " + what);
  return id;
}
void check_status(herr_t status, const std::string& what) {
  if (status < 0) throw IoError("HDF5: cannot " + what);
}

Handle string_type() {
  Handle t(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(t, H5T_VARIABLE);
  H5Tset_cset(t, H5T_CSET_UTF8);
  return t;
}

Handle scalar_space() { return Handle(H5Screate(H5S_SCALAR), H5Sclose); }

}  // namespace

void silence_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

Handle create_file(const std::string& path) {
  return Handle(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                      "create " + path),
                H5Fclose);
}

// HDF5's own file lock is off: bramble's lock (result_lock.hpp) guards a result file, the
// file opened here is a private copy, and HDF5's lock fails on some NFS mounts.
Handle open_file(const std::string& path, bool writable) {
  Handle fapl(check(H5Pcreate(H5P_FILE_ACCESS), "create file access properties"), H5Pclose);
  check_status(H5Pset_file_locking(fapl, /*use_file_locking=*/0, /*ignore_when_disabled=*/1), "turn off file locking");
  return Handle(check(H5Fopen(path.c_str(), writable ? H5F_ACC_RDWR : H5F_ACC_RDONLY, fapl),
                      "open " + path + " (not an HDF5 file, or truncated)"),
                H5Fclose);
}

void close_file(Handle file) {
  if (H5Fclose(file.release()) < 0) throw IoError("HDF5 could not write the file out (a write failed)");
}

namespace {
// Memory grows in 64 KiB steps; no backing store: the image is written by the caller.
Handle core_access() {
  Handle fapl(check(H5Pcreate(H5P_FILE_ACCESS), "create file access properties"), H5Pclose);
  check_status(H5Pset_fapl_core(fapl, 1 << 16, /*backing_store=*/0), "select the in-memory driver");
  return fapl;
}

// The name HDF5 gets for a file in memory. Its core driver still open()s that name on disk
// (to refuse an image named after an existing file), which would block on a FIFO: so it is
// one that can never exist (/dev/null is no directory). It tells files apart by that name
// too, so each image gets its own; the counter is the only state, and only ever counts up.
std::string image_name() {
  static std::atomic<unsigned long> next{0};
  return "/dev/null/bramble-image-" + std::to_string(next++);
}
}  // namespace

Handle create_image(const std::string& name) {
  Handle fapl = core_access();
  return Handle(check(H5Fcreate(image_name().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl), "create " + name),
                H5Fclose);
}

std::string image_bytes(hid_t file) {
  check_status(H5Fflush(file, H5F_SCOPE_GLOBAL), "flush the result file");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  if (size < 0) throw IoError("HDF5: cannot size the result file image");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (H5Fget_file_image(file, bytes.data(), bytes.size()) != size)
    throw IoError("HDF5: cannot copy the result file image");
  return bytes;
}

Handle create_group(hid_t parent, const std::string& name) {
  return Handle(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                      "create group " + name),
                H5Gclose);
}

Handle open_group(hid_t parent, const std::string& name) {
  return Handle(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "open group " + name), H5Gclose);
}

Handle open_dataset(hid_t parent, const std::string& name) {
  return Handle(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "open dataset " + name), H5Dclose);
}

bool exists(hid_t parent, const std::string& name) {
  return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

std::vector<std::string> children(hid_t group) {
  std::vector<std::string> names;
  auto collect = [](hid_t, const char* name, const H5L_info_t*, void* out) -> herr_t {
    static_cast<std::vector<std::string>*>(out)->emplace_back(name);
    return 0;
  };
  check_status(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &names),
               "list group members");
  return names;
}

void write_attr(hid_t obj, const std::string& name, const Value& value) {
  Handle space = scalar_space();
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    Handle a(check(H5Acreate2(obj, name.c_str(), H5T_NATIVE_INT64, space, H5P_DEFAULT, H5P_DEFAULT),
                   "create attribute " + name), H5Aclose);
    check_status(H5Awrite(a, H5T_NATIVE_INT64, i), "write attribute " + name);
  } else if (const auto* d = std::get_if<double>(&value)) {
    Handle a(check(H5Acreate2(obj, name.c_str(), H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT),
                   "create attribute " + name), H5Aclose);
    check_status(H5Awrite(a, H5T_NATIVE_DOUBLE, d), "write attribute " + name);
  } else {
    Handle type = string_type();
    const char* s = std::get<std::string>(value).c_str();
    Handle a(check(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                   "create attribute " + name), H5Aclose);
    check_status(H5Awrite(a, type, &s), "write attribute " + name);
  }
}

void write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values) {
  Handle type = string_type();
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  Handle a(check(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                 "create attribute " + name), H5Aclose);
  if (n > 0) check_status(H5Awrite(a, type, ptrs.data()), "write attribute " + name);
}

void write_attrs(hid_t obj, const std::vector<NamedValue>& values) {
  for (const auto& v : values) write_attr(obj, v.name, v.value);
}

void remove_attr(hid_t obj, const std::string& name) {
  if (H5Aexists(obj, name.c_str()) > 0) check_status(H5Adelete(obj, name.c_str()), "remove attribute " + name);
}

std::vector<NamedValue> read_attrs(hid_t obj) {
  std::vector<NamedValue> out;
  auto visit = [](hid_t loc, const char* name, const H5A_info_t*, void* data) -> herr_t {
    auto& result = *static_cast<std::vector<NamedValue>*>(data);
    Handle a(H5Aopen(loc, name, H5P_DEFAULT), H5Aclose);
    Handle space(H5Aget_space(a), H5Sclose);
    if (a.get() < 0 || H5Sget_simple_extent_type(space) != H5S_SCALAR) return 0;
    Handle type(H5Aget_type(a), H5Tclose);
    switch (H5Tget_class(type)) {
      case H5T_INTEGER: {
        std::int64_t v = 0;
        if (H5Aread(a, H5T_NATIVE_INT64, &v) >= 0) result.push_back({name, v});
        break;
      }
      case H5T_FLOAT: {
        double v = 0;
        if (H5Aread(a, H5T_NATIVE_DOUBLE, &v) >= 0) result.push_back({name, v});
        break;
      }
      case H5T_STRING: {
        if (H5Tis_variable_str(type) > 0) {
          Handle mem = string_type();
          char* s = nullptr;
          if (H5Aread(a, mem, &s) >= 0 && s) {
            result.push_back({name, std::string(s)});
            H5free_memory(s);
          }
        } else {
          std::string s(H5Tget_size(type), '\0');
          if (H5Aread(a, type, s.data()) >= 0) result.push_back({name, s.c_str()});
        }
        break;
      }
      default:
        break;
    }
    return 0;
  };
  hsize_t idx = 0;
  check_status(H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, &idx, visit, &out), "read attributes");
  return out;
}

std::vector<std::string> read_string_list_attr(hid_t obj, const std::string& name) {
  if (H5Aexists(obj, name.c_str()) <= 0) return {};
  Handle a(check(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "open attribute " + name), H5Aclose);
  Handle space(H5Aget_space(a), H5Sclose);
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  std::vector<char*> ptrs(static_cast<std::size_t>(std::max<hssize_t>(n, 0)), nullptr);
  Handle mem = string_type();
  std::vector<std::string> out;
  if (n > 0) {
    check_status(H5Aread(a, mem, ptrs.data()), "read attribute " + name);
    for (char* p : ptrs) {
      out.emplace_back(p ? p : "");
      H5free_memory(p);
    }
  }
  return out;
}

void write_dataset(hid_t parent, const std::string& name, const std::vector<double>& data,
                   const std::vector<hsize_t>& dims) {
  Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
  Handle d(check(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT,
                            H5P_DEFAULT),
                 "create dataset " + name),
           H5Dclose);
  if (!data.empty())
    check_status(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()),
                 "write dataset " + name);
}

std::vector<double> read_dataset(hid_t parent, const std::string& name, std::vector<hsize_t>* dims) {
  Handle d = open_dataset(parent, name);
  Handle space(H5Dget_space(d), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> shape(static_cast<std::size_t>(std::max(rank, 0)));
  H5Sget_simple_extent_dims(space, shape.data(), nullptr);
  std::vector<double> out(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  if (!out.empty())
    check_status(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()),
                 "read dataset " + name);
  if (dims) *dims = shape;
  return out;
}

void write_text_dataset(hid_t parent, const std::string& name, const std::vector<std::string>& data) {
  const hsize_t n = data.size();
  Handle type = string_type();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  Handle d(check(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                 "create dataset " + name),
           H5Dclose);
  std::vector<const char*> ptrs;
  for (const auto& s : data) ptrs.push_back(s.c_str());
  if (n > 0) check_status(H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "write dataset " + name);
}

std::vector<std::string> read_text_dataset(hid_t parent, const std::string& name) {
  Handle d = open_dataset(parent, name);
  Handle space(H5Dget_space(d), H5Sclose);
  std::vector<char*> ptrs(static_cast<std::size_t>(std::max<hssize_t>(H5Sget_simple_extent_npoints(space), 0)), nullptr);
  std::vector<std::string> out;
  if (ptrs.empty()) return out;
  Handle mem = string_type();
  check_status(H5Dread(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "read dataset " + name);
  for (char* p : ptrs) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return out;
}

}  // namespace bramble::h5
