#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aantafel::http {

/// The body of a response that stays open (Server-Sent Events). Handlers return it in
/// HttpResponse::stream; the network server writes the headers, then whatever is pushed, and a
/// comment line now and then so proxies keep the connection. Thread-safe.
class EventStream {
 public:
  /// Most text waiting for a slow reader; beyond this the stream closes (the client reconnects
  /// and reloads instead of the server buffering without bound).
  static constexpr std::size_t kMaxBacklog = 1 << 20;

  /// Queues one chunk of event-stream text and wakes the writer.
  void Push(std::string chunk);
  /// Everything queued so far (the server's writer calls this).
  std::vector<std::string> Take();
  /// Called (from any thread) after each Push; the server sets it before writing.
  void SetWaker(std::function<void()> waker);
  /// Ends the stream: the writer sends what is queued, then the connection closes.
  void Close();
  [[nodiscard]] bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> queue_;
  std::size_t backlog_ = 0;
  bool closed_ = false;
  std::function<void()> waker_;
};

/// One Server-Sent Event: "event: <name>\nid: <id>\ndata: <data>\n\n" (data on one line).
std::string FormatServerSentEvent(std::string_view name, std::string_view id,
                                  std::string_view data);

/// Streams per workspace. Publish() hands a rendered event to every open stream of that
/// workspace; streams whose connection has gone are forgotten.
class StreamHub {
 public:
  /// A new stream for `workspace_id`, already registered.
  std::shared_ptr<EventStream> Open(std::int64_t workspace_id);
  void Publish(std::int64_t workspace_id, const std::string& chunk);
  /// Closes every stream (shutdown).
  void CloseAll();
  [[nodiscard]] std::size_t open_streams() const;

 private:
  mutable std::mutex mutex_;
  std::multimap<std::int64_t, std::weak_ptr<EventStream>> streams_;
};

}  // namespace aantafel::http
