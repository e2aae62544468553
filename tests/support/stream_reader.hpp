#pragma once
// A raw loopback connection that sends one request and reads what comes back as it arrives
// (event streams, which the ordinary test client would wait on forever).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace aantafel::testing {

/// A raw connection that reads an open event stream. Closing it (destructor) hangs up.
class StreamReader {
 public:
  StreamReader(std::uint16_t port, const std::string& request) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
    (void)!write(fd_, request.data(), request.size());
  }
  ~StreamReader() {
    if (fd_ >= 0) close(fd_);
  }
  /// Reads until `needle` has arrived or `limit` passes; returns everything read.
  std::string ReadUntil(const std::string& needle,
                        std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (text_.find(needle) == std::string::npos && std::chrono::steady_clock::now() < until) {
      pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buffer[4096];
      const auto n = read(fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      text_.append(buffer, static_cast<std::size_t>(n));
    }
    return text_;
  }

 private:
  int fd_ = -1;
  std::string text_;
};

}  // namespace aantafel::testing
