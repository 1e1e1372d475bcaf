#pragma once
// A loopback "smart plug" that answers like a Shelly Gen2 for its first `good` requests and
// then stops answering the way a plug on bad Wi-Fi does: it still accepts the connection,
// then says nothing (Silent), or sends its reply a byte at a time, forever (Trickle), or
// sends half a reply and goes quiet (Half). It never closes a connection it has stopped
// answering until the test ends, so only the client's own deadline can end the request.
// One thread, polling: it keeps accepting while it holds stalled connections.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "loopback_listener.hpp"

namespace bramble::testing_support {

class StallingPlug {
 public:
  enum class Stall { Silent, Trickle, Half };

  StallingPlug(int good, Stall stall) : good_(good), stall_(stall) {
    fd_ = listen_on_loopback(16, port_);
    thread_ = std::thread([this] { serve(); });
  }
  ~StallingPlug() {
    stop_ = true;
    thread_.join();
    for (const Held& h : held_) ::close(h.fd);
    ::close(fd_);
  }
  StallingPlug(const StallingPlug&) = delete;
  StallingPlug& operator=(const StallingPlug&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  int requests() const { return requests_; }  // connections accepted so far

  static constexpr const char* kReply =
      "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"id\":0,\"apower\":12.5}";

 private:
  struct Held {
    int fd;
    std::size_t sent;  // bytes of kReply trickled so far
  };

  void serve() {
    auto last_trickle = std::chrono::steady_clock::now();
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) == 1) accept_one();
      // A byte every 50 ms: each wait of the client's succeeds, the reply never ends, and a
      // request whose deadline is 300 ms has its first byte long before then, however busy
      // the machine (the tests expect "reply incomplete", not "no reply").
      if (stall_ == Stall::Trickle && std::chrono::steady_clock::now() - last_trickle > std::chrono::milliseconds(50)) {
        last_trickle = std::chrono::steady_clock::now();
        for (Held& h : held_) {
          const std::string reply = kReply;
          ::send(h.fd, reply.data() + h.sent % reply.size(), 1, MSG_NOSIGNAL);
          ++h.sent;
        }
      }
    }
  }

  void accept_one() {
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    char buf[2048];
    (void)::recv(c, buf, sizeof buf, 0);  // the request; its path does not matter here
    if (requests_++ < good_) {
      const std::string reply = kReply;
      ::send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
      ::close(c);
      return;
    }
    if (stall_ == Stall::Half) {
      const std::string reply = kReply;
      ::send(c, reply.data(), reply.size() / 2, MSG_NOSIGNAL);
    }
    held_.push_back({c, 0});
  }

  int good_;
  Stall stall_;
  int fd_ = -1, port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<bool> stop_{false};
  std::vector<Held> held_;  // the serving thread's alone until it is joined
  std::thread thread_;
};

}  // namespace bramble::testing_support
