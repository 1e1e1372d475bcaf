#pragma once
// A listening TCP socket on 127.0.0.1 at a port the kernel picks: the fake power plugs of
// the tests (FakePlug, StallingPlug) serve HTTP on it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace bramble::testing_support {

// Returns the listening socket and stores its port in `port`.
inline int listen_on_loopback(int backlog, int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port = ntohs(addr.sin_port);
  ::listen(fd, backlog);
  return fd;
}

}  // namespace bramble::testing_support
