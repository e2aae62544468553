// The only translation unit that includes Boost.Beast/Asio (they take ~10 s to compile here).
#include "http/server/server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it.
#include <vector>

#include "core/documents/model.hpp"
#include "http/client_address.hpp"
#include "http/event_stream.hpp"

namespace aantafel::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

/// One client connection. `idle` is only touched on the connection's strand.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;
  std::shared_ptr<asio::steady_timer> wake;  ///< set while an event stream waits for events
};

/// Runs `work` on the worker pool and resumes the calling coroutine on its own executor.
template <typename Work>
asio::awaitable<std::invoke_result_t<Work>> OnWorkers(asio::thread_pool& pool, Work work) {
  using R = std::invoke_result_t<Work>;
  co_return co_await asio::co_spawn(
      pool, [work = std::move(work)]() mutable -> asio::awaitable<R> { co_return work(); },
      asio::use_awaitable);
}

HttpRequest ToRequest(const bhttp::request<bhttp::string_body>& in, std::string remote,
                      std::string request_id) {
  HttpRequest out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  for (const auto& field : in) {
    out.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = in.body();
  out.remote_address = std::move(remote);
  out.request_id = std::move(request_id);
  return out;
}

/// Reads a request's header as bhttp::async_read_header does (bytes go through parser.put), but
/// looks at the raw header bytes first: a line that starts with a space or tab continues the line
/// before it (obs-fold, RFC 9112 5.2). Beast would join such lines; two parsers may read them
/// differently (a folded Authorization), so `folded` is set and nothing more is read.
asio::awaitable<void> ReadHeader(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                 bhttp::request_parser<bhttp::string_body>& parser,
                                 beast::error_code& ec, bool& folded) {
  folded = false;
  while (!parser.is_header_done()) {
    if (buffer.size() > 0) {
      const auto data = buffer.data();
      const std::string_view bytes(static_cast<const char*>(data.data()), data.size());
      const auto end = bytes.find("\r\n\r\n");
      const std::string_view head =
          end == std::string_view::npos ? bytes : bytes.substr(0, end + 2);
      if (head.find("\n ") != std::string_view::npos ||
          head.find("\n\t") != std::string_view::npos) {
        folded = true;
        co_return;
      }
      const std::size_t used = parser.put(data, ec);
      buffer.consume(used);
      if (ec == bhttp::error::need_more) {
        ec = {};
      } else if (ec) {
        co_return;
      } else if (used > 0) {
        continue;  // more of what is buffered may parse now
      }
      if (parser.is_header_done()) break;
    }
    const std::size_t n = co_await stream.async_read_some(
        buffer.prepare(64 * 1024), asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::eof) {
      if (!parser.got_some()) {
        ec = bhttp::error::end_of_stream;
      } else {
        ec = {};
        parser.put_eof(ec);
      }
      co_return;
    }
    if (ec) co_return;
    buffer.commit(n);
  }
}

/// The refusal for a request that could not be read.
core::Error ReadFailure(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) return core::Error::Of(core::ErrorCode::kHeadersTooLarge);
  if (ec == bhttp::error::body_limit) return core::Error::Of(core::ErrorCode::kPayloadTooLarge);
  return core::Error::Of(core::ErrorCode::kMalformedRequest);
}

/// The refusal for a body over the limit; an upload's names the file and the limit in MB.
core::Error TooLarge(bool upload, std::size_t limit) {
  core::Error error = core::Error::Of(core::ErrorCode::kPayloadTooLarge);
  if (upload) {
    error.fields.emplace(
        "file", core::documents::FileTooLarge(static_cast<std::int64_t>(
                    std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()))));
  }
  return error;
}

/// A request id from the client (X-Request-Id, if sane) or a new one.
std::string RequestId(const bhttp::request_header<>& header, std::atomic<std::uint64_t>& counter,
                      std::uint64_t boot) {
  auto it = header.find("X-Request-Id");
  if (it != header.end()) {
    const auto value = it->value();
    const bool sane =
        !value.empty() && value.size() <= 64 && std::all_of(value.begin(), value.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        });
    if (sane) return std::string(value);
  }
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%08llx-%06llx",
                static_cast<unsigned long long>(boot & 0xffffffffULL),
                static_cast<unsigned long long>(counter.fetch_add(1) & 0xffffffULL));
  return buffer;
}

}  // namespace

struct Server::Impl {
  Impl(App& a, ServerOptions o, AccessLogger l)
      : app(a),
        options(std::move(o)),
        access_log(std::move(l)),
        ioc(options.io_threads),
        workers(static_cast<std::size_t>(options.worker_threads)),
        control(asio::make_strand(ioc)),
        acceptor(control),
        signals(control),
        shutdown_timer(control),
        boot(static_cast<std::uint64_t>(
            std::chrono::system_clock::now().time_since_epoch().count())) {}

  asio::awaitable<void> AcceptLoop();
  asio::awaitable<void> Serve(std::shared_ptr<Connection> conn, std::uint64_t id);
  asio::awaitable<bool> Reply(Connection& conn, const HttpRequest& request,
                              const HttpResponse& response, bool head, bool keep_alive,
                              std::chrono::steady_clock::time_point started);
  asio::awaitable<void> Stream(Connection& conn, const HttpRequest& request,
                               const HttpResponse& response,
                               std::chrono::steady_clock::time_point started);
  void BeginStop();
  void Forget(std::uint64_t id);

  App& app;
  ServerOptions options;
  AccessLogger access_log;
  asio::io_context ioc;
  asio::thread_pool workers;
  asio::strand<asio::io_context::executor_type> control;  // acceptor, signals, shutdown timer
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer shutdown_timer;
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> request_counter{0};
  std::uint64_t boot;
  std::mutex mutex;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections;
  std::uint64_t next_connection = 0;
};

asio::awaitable<void> Server::Impl::AcceptLoop() {
  while (!stopping) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(
        asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) break;
      continue;  // e.g. too many open files: keep serving the connections we have
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    std::uint64_t id = 0;
    {
      std::lock_guard lock(mutex);
      id = ++next_connection;
      connections.emplace(id, conn);
    }
    asio::co_spawn(conn->stream.get_executor(), Serve(conn, id), asio::detached);
  }
}

asio::awaitable<bool> Server::Impl::Reply(Connection& conn, const HttpRequest& request,
                                          const HttpResponse& response, bool head, bool keep_alive,
                                          std::chrono::steady_clock::time_point started) {
  beast::error_code ec;
  const auto status = static_cast<bhttp::status>(response.status);
  if (head) {
    bhttp::response<bhttp::empty_body> res{status, 11};
    for (const auto& [k, v] : response.headers.all()) res.insert(k, v);
    res.set("X-Request-Id", request.request_id);
    res.content_length(response.body.size());
    res.keep_alive(keep_alive);
    co_await bhttp::async_write(conn.stream, res, asio::redirect_error(asio::use_awaitable, ec));
  } else {
    bhttp::response<bhttp::string_body> res{status, 11};
    for (const auto& [k, v] : response.headers.all()) res.insert(k, v);
    res.set("X-Request-Id", request.request_id);
    res.body() = response.body;
    res.keep_alive(keep_alive);
    res.prepare_payload();
    co_await bhttp::async_write(conn.stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }
  if (access_log) {
    const auto path_end = request.target.find('?');
    access_log(AccessLogEntry{.request_id = request.request_id,
                              .method = request.method,
                              .path = request.target.substr(0, path_end),
                              .remote_address = request.remote_address,
                              .status = response.status,
                              .bytes = head ? 0 : response.body.size(),
                              .duration = std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::steady_clock::now() - started)});
  }
  co_return !ec;
}

asio::awaitable<void> Server::Impl::Stream(Connection& conn, const HttpRequest& request,
                                           const HttpResponse& response,
                                           std::chrono::steady_clock::time_point started) {
  const std::shared_ptr<EventStream> events = response.stream;
  auto timer = std::make_shared<asio::steady_timer>(conn.stream.get_executor());
  conn.wake = timer;
  // Push() may come from any thread: it only posts a cancel of the wait to this strand.
  events->SetWaker([executor = conn.stream.get_executor(), weak = std::weak_ptr(timer)] {
    asio::post(executor, [weak] {
      if (auto t = weak.lock()) t->cancel();
    });
  });
  bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(response.status), 11};
  for (const auto& [k, v] : response.headers.all()) res.insert(k, v);
  res.set("X-Request-Id", request.request_id);
  res.keep_alive(false);
  res.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{res};
  beast::error_code ec;
  conn.stream.expires_after(options.read_timeout);
  co_await bhttp::async_write_header(conn.stream, serializer,
                                     asio::redirect_error(asio::use_awaitable, ec));
  std::size_t bytes = 0;
  static const std::string kHeartbeat = ":\n\n";
  while (!ec && !stopping) {
    // Read before Take: everything pushed before Close() is then taken and written, so a
    // producer that pushes its last event and closes (a finished simulation) is heard out.
    const bool ending = events->closed();
    std::string data;
    for (auto& chunk : events->Take()) data += chunk;
    if (data.empty()) {
      if (ending) break;
      // Nothing queued: wait for a push (the waker cancels the timer) or send a heartbeat.
      timer->expires_after(options.heartbeat);
      beast::error_code waited;
      co_await timer->async_wait(asio::redirect_error(asio::use_awaitable, waited));
      if (waited) continue;  // woken: take what was pushed, or notice the stop
      data = kHeartbeat;
    }
    conn.stream.expires_after(options.read_timeout);
    co_await asio::async_write(conn.stream, bhttp::make_chunk(asio::buffer(data)),
                               asio::redirect_error(asio::use_awaitable, ec));
    bytes += data.size();
  }
  if (!ec) {
    co_await asio::async_write(conn.stream, bhttp::make_chunk_last(),
                               asio::redirect_error(asio::use_awaitable, ec));
  }
  events->SetWaker({});
  events->Close();
  conn.wake.reset();
  if (access_log) {
    const auto path_end = request.target.find('?');
    access_log(AccessLogEntry{.request_id = request.request_id,
                              .method = request.method,
                              .path = request.target.substr(0, path_end),
                              .remote_address = request.remote_address,
                              .status = response.status,
                              .bytes = bytes,
                              .duration = std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::steady_clock::now() - started)});
  }
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> conn, std::uint64_t id) {
  std::string remote;
  {
    beast::error_code ec;
    auto endpoint = conn->stream.socket().remote_endpoint(ec);
    if (!ec) remote = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;
  while (true) {
    bhttp::request_parser<bhttp::string_body> parser;
    // No limit while the header is read (Beast would refuse a large Content-Length then, before
    // the target is known); the route's own limit is set and checked right after the header.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    conn->idle = true;
    if (stopping) break;
    beast::error_code ec;
    conn->stream.expires_after(options.idle_timeout);
    bool folded = false;
    co_await ReadHeader(conn->stream, buffer, parser, ec, folded);
    conn->idle = false;
    const auto started = std::chrono::steady_clock::now();
    HttpRequest minimal;  // for refusals before the request is complete
    minimal.remote_address = remote;
    minimal.method = "-";
    if (folded) {
      minimal.request_id = RequestId({}, request_counter, boot);
      (void)co_await Reply(*conn, minimal,
                           app.Reject(core::Error::Of(core::ErrorCode::kMalformedRequest), minimal),
                           false, false, started);
      break;
    }
    if (ec) {
      // A peer that closed, timed out or was cancelled gets no answer; anything else does.
      const bool quiet = ec == bhttp::error::end_of_stream ||
                         ec == asio::error::operation_aborted || ec == beast::error::timeout ||
                         ec == asio::error::connection_reset || ec == asio::error::eof ||
                         buffer.size() == 0;
      if (!quiet || ec == bhttp::error::header_limit || ec == bhttp::error::body_limit) {
        minimal.request_id = RequestId({}, request_counter, boot);
        (void)co_await Reply(*conn, minimal, app.Reject(ReadFailure(ec), minimal), false, false,
                             started);
      }
      break;
    }
    const auto& header = parser.get();
    const std::string request_id = RequestId(header, request_counter, boot);
    minimal.request_id = request_id;
    minimal.method = std::string(header.method_string());
    minimal.target = std::string(header.target());
    const bool upload = app.IsFileUpload(minimal.method, minimal.target);
    const std::size_t body_limit = upload ? options.upload_body_limit : options.body_limit;
    parser.body_limit(body_limit);
    if (parser.content_length() && *parser.content_length() > body_limit) {
      (void)co_await Reply(*conn, minimal, app.Reject(TooLarge(upload, body_limit), minimal), false,
                           false, started);
      break;
    }
    if (auto expect = header.find(bhttp::field::expect);
        expect != header.end() && beast::iequals(expect->value(), "100-continue")) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
      co_await bhttp::async_write(conn->stream, cont,
                                  asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
    }
    conn->stream.expires_after(upload ? options.upload_read_timeout : options.read_timeout);
    co_await bhttp::async_read(conn->stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec != beast::error::timeout && ec != asio::error::operation_aborted &&
          ec != bhttp::error::end_of_stream && ec != asio::error::eof &&
          ec != asio::error::connection_reset) {
        const core::Error refusal =
            ec == bhttp::error::body_limit ? TooLarge(upload, body_limit) : ReadFailure(ec);
        (void)co_await Reply(*conn, minimal, app.Reject(refusal, minimal), false, false, started);
      }
      break;
    }
    conn->stream.expires_never();
    const auto& message = parser.get();
    const bool head = message.method() == bhttp::verb::head;
    HttpRequest request = ToRequest(message, remote, request_id);
    if (!options.trusted_proxies.empty()) {
      request.remote_address =
          ClientAddress(remote, request.headers.Get("X-Forwarded-For"), options.trusted_proxies);
    }
    // Control characters in a header value (what is left of a fold, a NUL) are refused too.
    const bool bad_value = std::any_of(message.begin(), message.end(), [](const auto& field) {
      const auto value = field.value();
      return std::any_of(value.begin(), value.end(),
                         [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
    });
    HttpResponse response;
    if (bad_value || !ParseTarget(request.target, request.path, request.query)) {
      response = app.Reject(core::Error::Of(core::ErrorCode::kMalformedRequest), request);
    } else {
      response = co_await OnWorkers(workers, [this, &request] { return app.Handle(request); });
    }
    if (response.stream && !head && response.status == 200) {
      co_await Stream(*conn, request, response, started);
      break;
    }
    if (response.stream) response.stream->Close();
    const bool keep_alive = message.keep_alive() && !stopping;
    conn->stream.expires_after(options.read_timeout);
    const bool written = co_await Reply(*conn, request, response, head, keep_alive, started);
    if (!written || !keep_alive) break;
  }
  beast::error_code ignored;
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  conn->stream.socket().close(ignored);
  Forget(id);
}

void Server::Impl::Forget(std::uint64_t id) {
  bool last = false;
  {
    std::lock_guard lock(mutex);
    connections.erase(id);
    last = connections.empty();
  }
  if (last && stopping) asio::post(control, [this] { shutdown_timer.cancel(); });
}

void Server::Impl::BeginStop() {
  // Runs on the control strand.
  if (stopping.exchange(true)) return;
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex);
    for (auto& [id, conn] : connections) open.push_back(conn);
  }
  // Idle keep-alive connections are closed now; busy ones finish their request first.
  for (auto& conn : open) {
    asio::post(conn->stream.get_executor(), [conn] {
      if (conn->idle) conn->stream.cancel();
      if (conn->wake) conn->wake->cancel();  // an event stream ends at its next wake-up
    });
  }
  if (open.empty()) return;
  shutdown_timer.expires_after(options.shutdown_timeout);
  shutdown_timer.async_wait([this](beast::error_code ec) {
    if (!ec) ioc.stop();  // timeout: give up on requests that did not finish
  });
}

Server::Server(App& app, ServerOptions options, AccessLogger access_log)
    : impl_(std::make_unique<Impl>(app, std::move(options), std::move(access_log))) {}

Server::~Server() {
  impl_->ioc.stop();
  impl_->workers.join();
}

std::uint16_t Server::Listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("invalid listen address: " + impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + impl_->options.host + ":" +
                             std::to_string(impl_->options.port) + ": " + ec.message());
  }
  asio::co_spawn(impl_->control, impl_->AcceptLoop(), asio::detached);
  return acceptor.local_endpoint().port();
}

void Server::StopOnSignals() {
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->BeginStop();
  });
}

void Server::Run() {
  const int n = std::max(1, impl_->options.io_threads);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n - 1));
  for (int i = 1; i < n; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  impl_->workers.join();
}

void Server::Stop() {
  asio::post(impl_->control, [this] { impl_->BeginStop(); });
}

}  // namespace aantafel::http
