#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/access_log.hpp"
#include "http/app.hpp"

namespace aantafel::http {

/// Network settings of the HTTP server.
struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (tests)
  int io_threads = 2;         ///< threads running the network event loop
  int worker_threads = 4;     ///< threads running handlers (they may block on the database)
  std::size_t body_limit = 1024 * 1024;
  /// A larger body limit (and read time) for file uploads: the routes App::IsFileUpload names.
  std::size_t upload_body_limit = 25 * 1024 * 1024;
  std::chrono::seconds upload_read_timeout{600};
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds read_timeout{30};      ///< to receive one request's body
  std::chrono::seconds idle_timeout{60};      ///< keep-alive wait for the next request's headers
  std::chrono::seconds shutdown_timeout{20};  ///< in-flight requests get this long to finish
  std::chrono::seconds heartbeat{15};  ///< an idle event stream sends a comment line this often
  /// Reverse proxies whose X-Forwarded-For is believed (http/client_address.hpp).
  std::vector<std::string> trusted_proxies;
};

using AccessLogger = std::function<void(const AccessLogEntry&)>;

/// HTTP/1.1 server on Boost.Beast with C++20 coroutines. Beast and Asio stay inside server.cpp.
/// Handlers run on a separate worker pool so blocking database work never stalls the network.
class Server {
 public:
  Server(App& app, ServerOptions options, AccessLogger access_log = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens; returns the bound port. Throws std::runtime_error on failure.
  std::uint16_t Listen();
  /// Stops gracefully on SIGINT or SIGTERM.
  void StopOnSignals();
  /// Runs the event loop on the io threads; returns after a graceful stop has finished.
  void Run();
  /// Graceful stop: stop accepting, close idle connections, let in-flight requests finish
  /// (up to shutdown_timeout). Thread-safe; returns at once.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aantafel::http
