#include "app/mail_queue.hpp"

namespace aantafel::app {

namespace {
constexpr std::size_t kMaxWaiting = 1000;
}

MailQueue::MailQueue(core::Mailer& relay, Logger log_error, int attempts,
                     std::chrono::seconds retry_after)
    : relay_(relay),
      log_error_(std::move(log_error)),
      attempts_(attempts),
      retry_after_(retry_after),
      worker_([this] { Run(); }) {}

MailQueue::~MailQueue() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    if (!queue_.empty()) {
      log_error_(std::to_string(queue_.size()) + " queued e-mail(s) not sent: the server stopped");
    }
  }
  wake_.notify_all();
  worker_.join();
}

core::Status MailQueue::Send(const core::Mail& mail) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxWaiting) {
      log_error_("e-mail not queued: " + std::to_string(kMaxWaiting) + " are already waiting");
      return core::Error::Of(core::ErrorCode::kUnavailable);
    }
    queue_.push_back(mail);
  }
  wake_.notify_one();
  return core::Ok{};
}

void MailQueue::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    core::Mail mail = std::move(queue_.front());
    queue_.pop_front();
    for (int attempt = 1; attempt <= attempts_; ++attempt) {
      lock.unlock();
      const auto sent = relay_.Send(mail);
      lock.lock();
      if (sent) break;
      if (attempt == attempts_) {
        log_error_("e-mail not sent after " + std::to_string(attempts_) +
                   " attempts: " + sent.error().detail);
        break;
      }
      if (wake_.wait_for(lock, retry_after_, [this] { return stop_; })) return;
    }
  }
}

}  // namespace aantafel::app
