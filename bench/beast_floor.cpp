// The "floor" for HTTP load tests: a bare Boost.Beast HTTP/1.1 keep-alive server written the
// same way as src/http/server/server.cpp (C++20 coroutines, one strand per connection, N io
// threads, per-request parser limits and stream timeouts) that answers every request with a
// fixed small JSON body. No routing, no database and (by default) no worker-pool hop: whatever
// aantafel costs above this is the application's own cost.
//
// Usage: beast_floor PORT THREADS [WORKERS]
//   Listens on 127.0.0.1 only; SIGINT/SIGTERM stop it. With WORKERS > 0 each response body is
//   made on a thread pool of that many threads and the connection's coroutine resumes on its
//   strand afterwards, exactly like aantafel's OnWorkers(): "floor + worker-pool hop".

// clang-format off
#include <utility>  // First: Boost 1.74's awaitable.hpp uses std::exchange without including it.
// clang-format on

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr std::string_view kBody = R"({"status":"ok"})";
constexpr std::size_t kBodyLimit = 1024 * 1024;
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr auto kReadTimeout = std::chrono::seconds(30);

/// Runs `work` on the pool and resumes the caller on its own executor (as in server.cpp).
template <typename Work>
asio::awaitable<std::invoke_result_t<Work>> OnWorkers(asio::thread_pool& pool, Work work) {
  using R = std::invoke_result_t<Work>;
  co_return co_await asio::co_spawn(
      pool, [work = std::move(work)]() mutable -> asio::awaitable<R> { co_return work(); },
      asio::use_awaitable);
}

asio::awaitable<void> Serve(beast::tcp_stream stream, asio::thread_pool* workers) {
  beast::flat_buffer buffer;
  while (true) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(kBodyLimit);
    parser.header_limit(kHeaderLimit);
    beast::error_code ec;
    // Header then body, with the same timer changes per request as the real server.
    stream.expires_after(kIdleTimeout);
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    stream.expires_after(kReadTimeout);
    co_await bhttp::async_read(stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    stream.expires_never();
    const auto& request = parser.get();
    const bool keep_alive = request.keep_alive();
    bhttp::response<bhttp::string_body> response{bhttp::status::ok, 11};
    response.set(bhttp::field::content_type, "application/json");
    if (request.method() != bhttp::verb::head) {
      if (workers != nullptr) {
        response.body() = co_await OnWorkers(*workers, [] { return std::string(kBody); });
      } else {
        response.body() = std::string(kBody);
      }
    }
    response.keep_alive(keep_alive);
    response.prepare_payload();
    stream.expires_after(kReadTimeout);
    co_await bhttp::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.socket().close(ignored);
}

asio::awaitable<void> AcceptLoop(asio::io_context& ioc, tcp::acceptor& acceptor,
                                 asio::thread_pool* workers) {
  while (acceptor.is_open()) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(
        asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) break;
      continue;
    }
    auto executor = socket.get_executor();
    asio::co_spawn(executor, Serve(beast::tcp_stream(std::move(socket)), workers), asio::detached);
  }
}

bool ParseInt(const char* text, int low, int high, int& out) {
  const std::string_view s(text);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && end == s.data() + s.size() && out >= low && out <= high;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  int threads = 0;
  int worker_threads = 0;
  if ((argc != 3 && argc != 4) || !ParseInt(argv[1], 0, 65535, port) ||
      !ParseInt(argv[2], 1, 256, threads) ||
      (argc == 4 && !ParseInt(argv[3], 0, 1024, worker_threads))) {
    std::fprintf(stderr, "usage: beast_floor PORT THREADS [WORKERS]\n");
    return 2;
  }
  std::optional<asio::thread_pool> workers;
  if (worker_threads > 0) workers.emplace(static_cast<std::size_t>(worker_threads));
  asio::thread_pool* pool = workers ? &*workers : nullptr;
  asio::io_context ioc(threads);
  auto control = asio::make_strand(ioc);
  tcp::acceptor acceptor(control);
  beast::error_code ec;
  const tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"),
                               static_cast<unsigned short>(port));
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    std::fprintf(stderr, "beast_floor: cannot listen on 127.0.0.1:%d: %s\n", port,
                 ec.message().c_str());
    return 1;
  }

  asio::signal_set signals(control, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code signal_ec, int) {
    if (signal_ec) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    ioc.stop();  // keep-alive connections are dropped; this is a benchmark fixture
  });

  asio::co_spawn(control, AcceptLoop(ioc, acceptor, pool), asio::detached);
  std::fprintf(stderr,
               "beast_floor listening on http://127.0.0.1:%u with %d io thread(s), %d worker(s)\n",
               static_cast<unsigned>(acceptor.local_endpoint().port()), threads, worker_threads);

  std::vector<std::thread> io_threads;
  io_threads.reserve(static_cast<std::size_t>(threads - 1));
  for (int i = 1; i < threads; ++i) io_threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : io_threads) t.join();
  if (workers) workers->join();
  std::fprintf(stderr, "beast_floor stopped\n");
  return EXIT_SUCCESS;
}
