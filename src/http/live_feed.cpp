#include "http/live_feed.hpp"

namespace aantafel::http {

namespace {
constexpr std::size_t kMaxQueued = 100000;  // beyond this a burst is dropped, not buffered
}

LiveFeed::LiveFeed(StreamHub& hub) : hub_(hub) {}

LiveFeed::~LiveFeed() { Stop(); }

void LiveFeed::Start(Renderer renderer) {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  renderer_ = std::move(renderer);
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void LiveFeed::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void LiveFeed::Notify(const core::feedback::LiveEvent& event) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) return;
    queue_.push_back(event);
  }
  wake_.notify_one();
}

void LiveFeed::Run() {
  while (true) {
    core::feedback::LiveEvent event;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      event = queue_.front();
      queue_.pop_front();
    }
    try {
      if (auto chunk = renderer_(event)) hub_.Publish(event.workspace_id, *chunk);
    } catch (const std::exception&) {
      // The database was briefly unavailable: this event is lost for the live view only (the
      // response itself is stored); dashboards reload their lists when they reconnect.
    }
  }
}

}  // namespace aantafel::http
