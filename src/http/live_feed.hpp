#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/feedback/ports.hpp"
#include "http/event_stream.hpp"

namespace aantafel::http {

/// Turns change notices into Server-Sent Events on one background thread: each notice is
/// rendered once (one database read) and handed to every open stream of its workspace. It is
/// also the in-process LiveNotifier (SQLite, or a single instance); on PostgreSQL the notices
/// arrive from LISTEN instead, so every instance sees every change.
class LiveFeed final : public core::feedback::LiveNotifier {
 public:
  using Renderer = std::function<std::optional<std::string>(const core::feedback::LiveEvent&)>;

  explicit LiveFeed(StreamHub& hub);
  ~LiveFeed() override;
  LiveFeed(const LiveFeed&) = delete;
  LiveFeed& operator=(const LiveFeed&) = delete;

  /// Starts rendering; notices that came earlier wait in the queue.
  void Start(Renderer renderer);
  /// Stops the thread (pending notices are dropped).
  void Stop();
  /// Queues a notice; never blocks on the database.
  void Notify(const core::feedback::LiveEvent& event) override;

 private:
  void Run();

  StreamHub& hub_;
  Renderer renderer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<core::feedback::LiveEvent> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace aantafel::http
