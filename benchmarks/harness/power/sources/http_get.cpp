#include "power/sources/http_get.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "power/sources/power_source.hpp"

namespace bramble::power {
namespace {

class Socket {  // closes itself
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

using Clock = std::chrono::steady_clock;

// Waits for `events` until the request's deadline; false when it passed first.
bool wait_until(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd, events, 0};
    const int rc = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, left)));
    if (rc == 1) return true;
    if (rc < 0 && errno == EINTR && left > 0) continue;
    return false;
  }
}

std::string seconds(int ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000.0);
  return buf;
}

}  // namespace

HttpClient::HttpClient(const std::string& base_url) : base_(base_url) {
  if (base_.rfind("http://", 0) != 0)
    throw PowerError(std::string("cannot read ") + base_ + ": only http:// URLs are supported");
  const std::string rest = base_.substr(7);
  const auto slash = rest.find('/');
  const std::string hostport = rest.substr(0, slash);
  prefix_ = slash == std::string::npos ? "" : rest.substr(slash);
  const auto colon = hostport.rfind(':');
  host_ = colon == std::string::npos ? hostport : hostport.substr(0, colon);
  const std::string port = colon == std::string::npos ? "80" : hostport.substr(colon + 1);

  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host_.c_str(), port.c_str(), &hints, &found); rc != 0)
    throw PowerError(std::string("cannot read ") + base_ + ": " + ::gai_strerror(rc));
  std::memcpy(&address_, found->ai_addr, found->ai_addrlen);
  address_size_ = found->ai_addrlen;
  family_ = found->ai_family;
  socktype_ = found->ai_socktype;
  protocol_ = found->ai_protocol;
  ::freeaddrinfo(found);
}

std::string HttpClient::get(const std::string& path, int timeout_ms) const {
  const std::string url = base_ + path;
  auto fail = [&](const std::string& why) { return PowerError(std::string("cannot read ") + url + ": " + why); };
  auto late = [&](const std::string& why) { return HttpTimeout(std::string("cannot read ") + url + ": " + why); };
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);

  Socket sock(::socket(family_, socktype_ | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol_));
  if (sock.fd() < 0) throw fail(std::strerror(errno));
  if (::connect(sock.fd(), reinterpret_cast<const sockaddr*>(&address_), address_size_) != 0) {
    if (errno != EINPROGRESS) throw fail(std::strerror(errno));
    if (!wait_until(sock.fd(), POLLOUT, deadline)) throw late("no connection within " + seconds(timeout_ms));
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(sock.fd(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) throw fail(std::strerror(err));
  }
  const std::string target = prefix_.empty() && path.empty() ? "/" : prefix_ + path;
  const std::string request =
      std::string("GET ") + target + " HTTP/1.0\r\nHost: " + host_ + "\r\nConnection: close\r\n\r\n";
  for (std::size_t sent = 0; sent < request.size();) {
    if (!wait_until(sock.fd(), POLLOUT, deadline))
      throw late("could not send the request within " + seconds(timeout_ms));
    const ssize_t n = ::send(sock.fd(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw fail(std::strerror(errno));
    sent += static_cast<std::size_t>(n);
  }
  std::string response;
  char buf[4096];
  for (;;) {
    if (!wait_until(sock.fd(), POLLIN, deadline)) {
      if (response.empty())
        throw late("no reply within " + seconds(timeout_ms) + " (connected, but it does not answer)");
      throw late("reply incomplete after " + seconds(timeout_ms) + " (" + std::to_string(response.size()) + " bytes)");
    }
    const ssize_t n = ::recv(sock.fd(), buf, sizeof buf, 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n < 0) throw fail(std::strerror(errno));
    if (n == 0) break;
    response.append(buf, static_cast<std::size_t>(n));
    if (response.size() > (1 << 20)) throw fail("reply too large");
  }
  const auto line_end = response.find("\r\n");
  const std::string status = response.substr(0, line_end);
  if (status.find(" 200") == std::string::npos) throw fail("HTTP status \"" + status + "\"");
  const auto body = response.find("\r\n\r\n");
  return body == std::string::npos ? std::string() : response.substr(body + 4);
}

std::string http_get(const std::string& url, int timeout_ms) { return HttpClient(url).get("", timeout_ms); }

}  // namespace bramble::power
