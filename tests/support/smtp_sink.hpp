#pragma once
// A minimal SMTP server on loopback for tests: it answers EHLO/HELO, MAIL, RCPT, DATA, RSET,
// NOOP and QUIT like a relay that accepts everything, and keeps each message it receives (no
// STARTTLS offered, so clients that only try TLS continue in plain text).
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback.hpp"

namespace aantafel::testing {

class SmtpSink {
 public:
  struct Message {
    std::string from;
    std::vector<std::string> to;
    std::string data;  ///< headers and body, CRLF, without the final "."
  };

  SmtpSink() {
    listener_ = ListenOnLoopback(port_);
    thread_ = std::thread([this] { Run(); });
  }
  ~SmtpSink() {
    stop_ = true;
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    if (thread_.joinable()) thread_.join();
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  std::vector<Message> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  void Run() {
    while (!stop_) {
      const int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      Serve(fd);
      close(fd);
    }
  }
  static void Say(int fd, const std::string& line) { (void)!write(fd, line.data(), line.size()); }
  /// Reads one line (without CRLF); false when the peer is gone.
  bool ReadLine(int fd, std::string& buffer, std::string& line) {
    for (;;) {
      const auto end = buffer.find("\r\n");
      if (end != std::string::npos) {
        line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      char chunk[4096];
      const auto n = read(fd, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
  void Serve(int fd) {
    Say(fd, "220 sink.test ESMTP ready\r\n");
    std::string buffer;
    std::string line;
    Message current;
    while (ReadLine(fd, buffer, line)) {
      std::string verb = line.substr(0, 4);
      for (auto& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (verb == "EHLO") {
        Say(fd, "250-sink.test\r\n250 8BITMIME\r\n");
      } else if (verb == "HELO") {
        Say(fd, "250 sink.test\r\n");
      } else if (verb == "MAIL") {
        current = Message{.from = line.substr(line.find(':') + 1), .to = {}, .data = ""};
        Say(fd, "250 OK\r\n");
      } else if (verb == "RCPT") {
        current.to.push_back(line.substr(line.find(':') + 1));
        Say(fd, "250 OK\r\n");
      } else if (verb == "DATA") {
        Say(fd, "354 go ahead\r\n");
        while (ReadLine(fd, buffer, line) && line != ".") {
          current.data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
        }
        {
          std::lock_guard lock(mutex_);
          messages_.push_back(current);
        }
        Say(fd, "250 queued\r\n");
      } else if (verb == "QUIT") {
        Say(fd, "221 bye\r\n");
        return;
      } else {
        Say(fd, "250 OK\r\n");  // RSET, NOOP
      }
    }
  }

  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<Message> messages_;
};

}  // namespace aantafel::testing
