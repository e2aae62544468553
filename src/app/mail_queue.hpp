#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/mail.hpp"

namespace aantafel::app {

/// A Mailer that answers at once and sends on its own thread (with a few retries), so the time a
/// request takes does not depend on the mail relay — or tell whether a mail was sent at all
/// (password reset). Mails still queued when the server stops are not sent (logged).
class MailQueue final : public core::Mailer {
 public:
  using Logger = std::function<void(const std::string&)>;
  MailQueue(core::Mailer& relay, Logger log_error, int attempts = 3,
            std::chrono::seconds retry_after = std::chrono::seconds(30));
  ~MailQueue() override;
  MailQueue(const MailQueue&) = delete;
  MailQueue& operator=(const MailQueue&) = delete;

  /// Queues the mail; always Ok (up to 1,000 waiting mails, then kUnavailable).
  core::Status Send(const core::Mail& mail) override;

 private:
  void Run();

  core::Mailer& relay_;
  Logger log_error_;
  int attempts_;
  std::chrono::seconds retry_after_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<core::Mail> queue_;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace aantafel::app
