#pragma once
// One list of named fields per record type (a node, the run's context, a meter, ...), used by
// every place that turns such a record into named values and back: the result writer and
// reader (HDF5 attributes), the reporters, and the gathers over MPI (as text). A name is
// written once, where it is bound to its member, so writer and reader cannot drift apart.
//
//   const Fields<NodeInfo>& node_fields() {
//     static const Fields<NodeInfo> f{field("hostname", &NodeInfo::hostname), ...};
//     return f;
//   }
//   h5::write_attrs(group, to_values(node, node_fields()));
//   NodeInfo back = from_values<NodeInfo>(h5::read_attrs(group), node_fields());
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/value.hpp"

namespace bramble {

template <class T>
struct Field {
  std::string name;
  std::function<Value(const T&)> get;
  std::function<void(T&, const Value&)> set;  // a value of the wrong kind leaves the member as it is
};

template <class T>
using Fields = std::vector<Field<T>>;

// Integers (and bools) travel as int64, reals as double, text as text.
template <class M>
Value to_value(const M& m) {
  if constexpr (std::is_same_v<M, std::string>) {
    return m;
  } else if constexpr (std::is_floating_point_v<M>) {
    return static_cast<double>(m);
  } else {
    static_assert(std::is_integral_v<M>, "a field is an integer, a real or a string");
    return static_cast<std::int64_t>(m);
  }
}

template <class M>
void from_value(const Value& v, M& m) {
  if constexpr (std::is_same_v<M, std::string>) {
    if (const auto* s = std::get_if<std::string>(&v)) m = *s;
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    m = static_cast<M>(*i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    m = static_cast<M>(*d);
  }
}

// A field bound to a data member.
template <class T, class M>
Field<T> field(std::string name, M T::*member) {
  return {std::move(name), [member](const T& t) { return to_value(t.*member); },
          [member](T& t, const Value& v) { from_value(v, t.*member); }};
}

// A field reached through `access(T&) -> M&`, for members of members.
template <class T, class Access>
Field<T> field_at(std::string name, Access access) {
  return {std::move(name), [access](const T& t) { return to_value(access(const_cast<T&>(t))); },
          [access](T& t, const Value& v) { from_value(v, access(t)); }};
}

template <class T>
std::vector<NamedValue> to_values(const T& t, const Fields<T>& fields) {
  std::vector<NamedValue> out;
  out.reserve(fields.size());
  for (const auto& f : fields) out.push_back({f.name, f.get(t)});
  return out;
}

// Fields missing from `values` keep their value in `t` (older files lack newer fields).
template <class T>
void from_values(T& t, const std::vector<NamedValue>& values, const Fields<T>& fields) {
  for (const auto& f : fields)
    if (const Value* v = find_value(values, f.name)) f.set(t, *v);
}

template <class T>
T from_values(const std::vector<NamedValue>& values, const Fields<T>& fields) {
  T t{};
  from_values(t, values, fields);
  return t;
}

// Named values as text and back, exactly (reals with 17 digits, NaN and infinities kept,
// text of any bytes): how records travel in the gathers to rank 0.
std::string encode(const std::vector<NamedValue>& values);
std::vector<NamedValue> decode(const std::string& text);

}  // namespace bramble
