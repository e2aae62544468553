#pragma once
// A small HTTP/1.1 server on loopback that serves fixture files the way public services do:
// GET of a known path answers 200 with the body and its Last-Modified, or 304 when the request's
// If-Modified-Since is that Last-Modified; a POST to a known path answers the file too (a webhook
// receiver with a scripted status); anything else is 404. It keeps every request's method, path,
// headers and body, so tests can check what the client sent. One connection at a time; each
// answer closes the connection.
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback.hpp"

namespace aantafel::testing {

class FileServer {
 public:
  struct File {
    std::string body;
    std::string last_modified;  ///< e.g. "Fri, 02 May 2025 10:00:00 GMT"; empty: none
    std::string content_type = "application/xml";
    int status = 200;  ///< e.g. 429 or 503, to answer as a failing service does
    std::vector<std::pair<std::string, std::string>> headers;  ///< extra response headers
    std::chrono::milliseconds delay{0};  ///< waited before answering (a slow service)
  };
  struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;
  };

  FileServer() {
    listener_ = ListenOnLoopback(port_);
    thread_ = std::thread([this] { Run(); });
  }
  ~FileServer() {
    stop_ = true;
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    if (thread_.joinable()) thread_.join();
  }
  FileServer(const FileServer&) = delete;
  FileServer& operator=(const FileServer&) = delete;

  [[nodiscard]] std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  void Serve(const std::string& path, File file) {
    std::lock_guard lock(mutex_);
    files_[path] = std::move(file);
  }
  /// Stops answering `path` (404 from then on).
  void Remove(const std::string& path) {
    std::lock_guard lock(mutex_);
    files_.erase(path);
  }
  std::vector<Request> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void Run() {
    while (!stop_) {
      const int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      Answer(fd);
      close(fd);
    }
  }
  static void Write(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      // MSG_NOSIGNAL: a client that stops reading early (a capped answer) is no SIGPIPE.
      const auto n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }
  void Answer(int fd) {
    std::string head;
    char chunk[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
      const auto n = read(fd, chunk, sizeof chunk);
      if (n <= 0) return;
      head.append(chunk, static_cast<std::size_t>(n));
    }
    Request request;
    const auto line_end = head.find("\r\n");
    const std::string first = head.substr(0, line_end);
    const auto space = first.find(' ');
    request.method = first.substr(0, space);
    request.path = first.substr(space + 1, first.find(' ', space + 1) - space - 1);
    std::size_t at = line_end + 2;
    while (at < head.size()) {
      const auto end = head.find("\r\n", at);
      if (end == std::string::npos || end == at) break;
      const std::string header = head.substr(at, end - at);
      const auto colon = header.find(':');
      if (colon != std::string::npos) {
        std::string name = header.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = header.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        request.headers[name] = value;
      }
      at = end + 2;
    }
    // The body, as long as Content-Length says (at most 1 MiB).
    std::size_t length = 0;
    if (const auto it = request.headers.find("content-length"); it != request.headers.end()) {
      length = std::min<std::size_t>(std::stoul(it->second), 1024 * 1024);
    }
    request.body = head.substr(head.find("\r\n\r\n") + 4);
    while (request.body.size() < length) {
      const auto n = read(fd, chunk, sizeof chunk);
      if (n <= 0) break;
      request.body.append(chunk, static_cast<std::size_t>(n));
    }
    File file;
    bool found = false;
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
      if (auto it = files_.find(request.path); it != files_.end()) {
        file = it->second;
        found = true;
      }
    }
    if (found && file.delay.count() > 0) std::this_thread::sleep_for(file.delay);
    if (!found || (request.method != "GET" && request.method != "POST")) {
      Write(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    const auto since = request.headers.find("if-modified-since");
    if (!file.last_modified.empty() && since != request.headers.end() &&
        since->second == file.last_modified) {
      Write(fd, "HTTP/1.1 304 Not Modified\r\nLast-Modified: " + file.last_modified +
                    "\r\nConnection: close\r\n\r\n");
      return;
    }
    std::string response = "HTTP/1.1 " + std::to_string(file.status) +
                           " Status\r\nContent-Type: " + file.content_type +
                           "\r\nContent-Length: " + std::to_string(file.body.size()) +
                           "\r\nConnection: close\r\n";
    if (!file.last_modified.empty()) response += "Last-Modified: " + file.last_modified + "\r\n";
    for (const auto& [name, value] : file.headers) response += name + ": " + value + "\r\n";
    Write(fd, response + "\r\n" + file.body);
  }

  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, File> files_;
  std::vector<Request> requests_;
};

}  // namespace aantafel::testing
