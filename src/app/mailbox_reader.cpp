#include "app/mailbox_reader.hpp"

#include <exception>

#include "app/logging.hpp"

namespace aantafel::app {

using core::mail_intake::MailboxOutcome;

namespace {

/// After a failure to reach the mailbox: 30 s, doubling up to the normal wait.
constexpr std::chrono::seconds kFirstRetry{30};

}  // namespace

MailboxReader::MailboxReader(ImapSettings settings, core::mail_intake::MailIntakeService& service,
                             std::chrono::seconds wait)
    : folder_(settings.folder), mailbox_(std::move(settings)), service_(service), wait_(wait) {}

MailboxReader::~MailboxReader() { Stop(); }

void MailboxReader::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void MailboxReader::Stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool MailboxReader::Stopping() {
  std::lock_guard lock(mutex_);
  return stop_;
}

bool MailboxReader::Pause(std::chrono::seconds time) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, time, [this] { return stop_; });
}

void MailboxReader::Loop() {
  std::chrono::seconds retry = kFirstRetry;
  while (!Stopping()) {
    Round round;
    try {
      round = RunOnce();
    } catch (const std::exception& e) {
      round.error = e.what();
    }
    if (!round.error.empty()) {
      LogError("mail intake: " + folder_ + " not read: " + round.error);
      if (!Pause(retry)) return;
      retry = std::min(retry * 2, std::max(wait_, kFirstRetry));
      continue;
    }
    retry = kFirstRetry;
    if (round.filed + round.in_review + round.not_placed + round.failed > 0) {
      LogInfo("mail intake: " + std::to_string(round.filed) + " filed, " +
              std::to_string(round.in_review) + " to check, " + std::to_string(round.not_placed) +
              " not placed, " + std::to_string(round.failed) + " failed");
    }
    // A failed message is tried again after the usual wait, not in a tight loop.
    if (round.failed > 0) {
      if (!Pause(wait_)) return;
      continue;
    }
    const auto waited = mailbox_.WaitForNews(wait_, [this] { return Stopping(); });
    switch (waited.outcome) {
      case ImapWaitOutcome::kNews:
      case ImapWaitOutcome::kTimeout: break;
      case ImapWaitOutcome::kStopped: return;
      case ImapWaitOutcome::kNoIdle:
        if (!Pause(wait_)) return;
        break;
      case ImapWaitOutcome::kFailed:
        LogWarn("mail intake: waiting for new mail failed: " + waited.error);
        if (!Pause(retry)) return;
        break;
    }
  }
}

MailboxReader::Round MailboxReader::RunOnce() {
  std::lock_guard one(round_mutex_);
  Round round;
  const auto opened = mailbox_.Open();
  if (!opened.error.empty()) {
    round.error = opened.error;
    return round;
  }
  const auto list = mailbox_.Unprocessed();
  if (!list.error.empty()) {
    round.error = list.error;
    return round;
  }
  for (const std::uint32_t uid : list.uids) {
    if (Stopping()) break;
    const std::string which = folder_ + " uid " + std::to_string(uid);
    const auto message = mailbox_.Fetch(uid);
    if (message.not_found) continue;  // moved or deleted by someone else meanwhile
    if (!message.error.empty() && !message.too_large) {
      LogWarn("mail intake: " + which + " not fetched: " + message.error);
      ++round.failed;
      if (message.error.find("UIDVALIDITY") != std::string::npos) break;  // list again
      continue;
    }
    if (message.too_large) {
      // It can never be filed; marked so that it does not block the mailbox.
      LogWarn("mail intake: " + which + " not placed: " + message.error);
      ++round.not_placed;
    } else {
      try {
        for (const auto& outcome : service_.FileFromMailbox(message.raw)) {
          switch (outcome.kind) {
            case MailboxOutcome::Kind::kFiled: ++round.filed; break;
            case MailboxOutcome::Kind::kInReview: ++round.in_review; break;
            case MailboxOutcome::Kind::kAlreadyFiled:
            case MailboxOutcome::Kind::kAlreadyInReview: ++round.again; break;
            case MailboxOutcome::Kind::kNotPlaced:
              ++round.not_placed;
              LogWarn("mail intake: " + which + " not placed" +
                      (outcome.workspace.empty() ? "" : " in workspace " + outcome.workspace) +
                      ": " + outcome.reason);
              break;
          }
        }
      } catch (const std::exception& e) {
        // The database is away (or a bug): leave the message unmarked, to be read again.
        LogError("mail intake: " + which + " not stored: " + e.what());
        ++round.failed;
        continue;
      }
    }
    if (const auto marked = mailbox_.MarkProcessed(uid); !marked.ok()) {
      LogWarn("mail intake: " + which + " not marked: " + marked.error);
      ++round.failed;
      if (marked.uidvalidity_changed) break;
    }
  }
  return round;
}

}  // namespace aantafel::app
