#include "power/sources/http_get.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
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

bool wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  return ::poll(&p, 1, timeout_ms) == 1;
}

}  // namespace

std::string http_get(const std::string& url, int timeout_ms) {
  auto fail = [&](const std::string& why) -> PowerError { return PowerError("cannot read " + url + ": " + why); };
  if (url.rfind("http://", 0) != 0) throw fail("only http:// URLs are supported");
  const std::string rest = url.substr(7);
  const auto slash = rest.find('/');
  const std::string hostport = rest.substr(0, slash), path = slash == std::string::npos ? "/" : rest.substr(slash);
  const auto colon = hostport.rfind(':');
  const std::string host = colon == std::string::npos ? hostport : hostport.substr(0, colon);
  const std::string port = colon == std::string::npos ? "80" : hostport.substr(colon + 1);

  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0)
    throw fail(::gai_strerror(rc));
  Socket sock(::socket(found->ai_family, found->ai_socktype | SOCK_NONBLOCK, found->ai_protocol));
  const int rc = sock.fd() < 0 ? -1 : ::connect(sock.fd(), found->ai_addr, found->ai_addrlen);
  ::freeaddrinfo(found);
  if (sock.fd() < 0) throw fail(std::strerror(errno));
  if (rc != 0) {
    if (errno != EINPROGRESS || !wait_for(sock.fd(), POLLOUT, timeout_ms)) throw fail("no connection");
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(sock.fd(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) throw fail(std::strerror(err));
  }
  const std::string request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
  for (std::size_t sent = 0; sent < request.size();) {
    if (!wait_for(sock.fd(), POLLOUT, timeout_ms)) throw fail("timed out sending");
    const ssize_t n = ::send(sock.fd(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw fail(std::strerror(errno));
    sent += static_cast<std::size_t>(n);
  }
  std::string response;
  char buf[4096];
  for (;;) {
    if (!wait_for(sock.fd(), POLLIN, timeout_ms)) throw fail("timed out waiting for the reply");
    const ssize_t n = ::recv(sock.fd(), buf, sizeof buf, 0);
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

}  // namespace bramble::power
