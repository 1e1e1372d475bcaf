#pragma once
// A user name and password for a smart plug's HTTP authentication, from the power config.
// Kept apart from the source's spec and description, which are printed and stored in result
// files: nothing that prints a source prints these.
#include <string>

namespace bramble::power {

struct HttpCredentials {
  std::string user, password;
  bool empty() const { return user.empty() && password.empty(); }
  bool operator==(const HttpCredentials&) const = default;
};

}  // namespace bramble::power
