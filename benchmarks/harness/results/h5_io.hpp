#pragma once
// Small RAII layer over the HDF5 C API: handles that close themselves, and typed
// attribute and dataset helpers. HDF5's own error printing is switched off; failures
// become bramble::IoError with a message that names the object.
#include <hdf5.h>

#include <string>
#include <utility>
#include <vector>

#include "core/value.hpp"

namespace bramble::h5 {

class Handle {
 public:
  Handle() = default;
  Handle(hid_t id, herr_t (*closer)(hid_t)) : id_(id), closer_(closer) {}
  ~Handle() { reset(); }
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)), closer_(o.closer_) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, H5I_INVALID_HID);
      closer_ = o.closer_;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  hid_t get() const { return id_; }
  operator hid_t() const { return id_; }  // NOLINT: reads naturally in H5 calls
  hid_t release() { return std::exchange(id_, H5I_INVALID_HID); }  // caller closes it
  void reset() {
    if (id_ >= 0 && closer_) closer_(id_);
    id_ = H5I_INVALID_HID;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  herr_t (*closer_)(hid_t) = nullptr;
};

void silence_errors();  // turn off HDF5's automatic error stack printing (once per process)

Handle create_file(const std::string& path);
Handle open_file(const std::string& path, bool writable);  // throws IoError if it can't
void close_file(Handle file);  // flushed and closed; IoError if a write failed (objects in it closed first)

// A file held in memory (HDF5's core driver, nothing written to disk): a new result file is
// made there and written whole by bramble itself (replace_file.hpp), so that every system
// call on the user's path is ours, checked and reported with its errno ("No space left on
// device"). An append changes a private copy in place instead (edit_copy), and readers open
// the regular file they checked (validation.hpp). `name` only labels messages.
Handle create_image(const std::string& name);
std::string image_bytes(hid_t file);  // the file as it would be on disk, flushed first
Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
Handle open_dataset(hid_t parent, const std::string& name);
bool exists(hid_t parent, const std::string& name);
std::vector<std::string> children(hid_t group);  // in name order

void write_attr(hid_t obj, const std::string& name, const Value& value);
void write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values);
void write_attrs(hid_t obj, const std::vector<NamedValue>& values);
void remove_attr(hid_t obj, const std::string& name);  // nothing when there is none
std::vector<NamedValue> read_attrs(hid_t obj);  // every scalar attribute, in name order
std::vector<std::string> read_string_list_attr(hid_t obj, const std::string& name);

void write_dataset(hid_t parent, const std::string& name, const std::vector<double>& data,
                   const std::vector<hsize_t>& dims);
std::vector<double> read_dataset(hid_t parent, const std::string& name,
                                 std::vector<hsize_t>* dims = nullptr);

// One-dimensional text, one string per entry: for lists that grow with the rank count, which
// an attribute (64 KiB at most in this file format) could not hold on a large run.
void write_text_dataset(hid_t parent, const std::string& name, const std::vector<std::string>& data);
std::vector<std::string> read_text_dataset(hid_t parent, const std::string& name);

}  // namespace bramble::h5
