#pragma once
// A listening TCP socket on the loopback address (127.0.0.1, or ::1) at a port the kernel
// picks: the fake power plugs of the tests (FakePlug, StallingPlug) serve HTTP on it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bramble::testing_support {

// Returns the listening socket (-1 when the address family is unavailable) and stores its
// port in `port`.
inline int listen_on_loopback(int backlog, int& port, bool ipv6 = false) {
  const int fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_storage storage{};
  socklen_t len = 0;
  if (ipv6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&storage);
    a->sin6_family = AF_INET6;
    a->sin6_addr = in6addr_loopback;
    len = sizeof *a;
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&storage);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    len = sizeof *a;
  }
  if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), len) != 0) {
    ::close(fd);  // no ::1 on this machine, say
    return -1;
  }
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &len);
  port = ntohs(ipv6 ? reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port
                    : reinterpret_cast<sockaddr_in*>(&storage)->sin_port);
  ::listen(fd, backlog);
  return fd;
}

}  // namespace bramble::testing_support
