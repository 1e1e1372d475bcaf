#pragma once
// The smallest HTTP client a smart plug needs: one GET over plain HTTP/1.0 on the local
// network, returning the body of a 200 response. (Plugs speak plain HTTP on the LAN;
// pulling in a full HTTP library for this would be heavier than the job.)
//
// A plug on flaky Wi-Fi can stop answering at any time: accept the connection and never
// reply, send half a reply, or trickle bytes. So a request has one deadline for all of it
// (connect, send, every read), never one per step, and the host name is resolved once, by
// the constructor: the resolver, which no deadline of ours bounds, is never asked again
// while the kernels run.
#include <sys/socket.h>

#include <string>

#include "power/sources/power_source.hpp"

namespace bramble::power {

// The request got no complete reply in time (the other failures are plain PowerErrors).
struct HttpTimeout : PowerError {
  using PowerError::PowerError;
};

class HttpClient {
 public:
  // base_url: http://host[:port][/prefix]. Resolves host now; PowerError naming the URL if
  // it is not http:// or does not resolve.
  explicit HttpClient(const std::string& base_url);

  // GETs prefix + path within `timeout_ms` all told. Throws HttpTimeout or PowerError
  // naming the URL.
  std::string get(const std::string& path, int timeout_ms = 2000) const;

  const std::string& base_url() const { return base_; }

 private:
  std::string base_, host_, prefix_;
  sockaddr_storage address_{};
  socklen_t address_size_ = 0;
  int family_ = 0, socktype_ = 0, protocol_ = 0;
};

// One GET of a full URL, resolving it first.
std::string http_get(const std::string& url, int timeout_ms = 2000);

}  // namespace bramble::power
