#include "http/event_stream.hpp"

namespace aantafel::http {

void EventStream::Push(std::string chunk) {
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    backlog_ += chunk.size();
    if (backlog_ > kMaxBacklog) {
      closed_ = true;
      queue_.clear();
    } else {
      queue_.push_back(std::move(chunk));
    }
    waker = waker_;
  }
  if (waker) waker();
}

std::vector<std::string> EventStream::Take() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  out.swap(queue_);
  backlog_ = 0;
  return out;
}

void EventStream::SetWaker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

void EventStream::Close() {
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    waker = waker_;
  }
  if (waker) waker();
}

bool EventStream::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::string FormatServerSentEvent(std::string_view name, std::string_view id,
                                  std::string_view data) {
  std::string out;
  out.reserve(name.size() + id.size() + data.size() + 24);
  out += "event: ";
  out += name;
  out += "\nid: ";
  out += id;
  out += "\ndata: ";
  for (const char c : data) {
    if (c == '\n' || c == '\r') continue;  // JSON from nlohmann has no raw newlines; be sure
    out += c;
  }
  out += "\n\n";
  return out;
}

std::shared_ptr<EventStream> StreamHub::Open(std::int64_t workspace_id) {
  auto stream = std::make_shared<EventStream>();
  std::lock_guard lock(mutex_);
  streams_.emplace(workspace_id, stream);
  return stream;
}

void StreamHub::Publish(std::int64_t workspace_id, const std::string& chunk) {
  std::vector<std::shared_ptr<EventStream>> targets;
  {
    std::lock_guard lock(mutex_);
    auto [first, last] = streams_.equal_range(workspace_id);
    for (auto it = first; it != last;) {
      auto stream = it->second.lock();
      if (!stream || stream->closed()) {
        it = streams_.erase(it);
      } else {
        targets.push_back(std::move(stream));
        ++it;
      }
    }
  }
  for (auto& stream : targets) stream->Push(chunk);
}

void StreamHub::CloseAll() {
  std::vector<std::shared_ptr<EventStream>> all;
  {
    std::lock_guard lock(mutex_);
    for (auto& [ws, weak] : streams_) {
      if (auto s = weak.lock()) all.push_back(std::move(s));
    }
    streams_.clear();
  }
  for (auto& s : all) s->Close();
}

std::size_t StreamHub::open_streams() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [ws, weak] : streams_) n += weak.expired() ? 0 : 1;
  return n;
}

}  // namespace aantafel::http
