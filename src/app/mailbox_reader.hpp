#pragma once
// Dossiermail from a mailbox: a thread that reads the dossier mailbox over IMAP and hands each
// message to MailIntakeService::FileFromMailbox. A message is marked processed (keyword or move)
// only after what it became was committed, so a crash in between means reading it once more —
// which finds it filed (or waiting) and only marks it. Never a loss, never a second contact.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "app/imap_mailbox.hpp"
#include "core/mail_intake/service.hpp"

namespace aantafel::app {

class MailboxReader {
 public:
  /// `wait`: how long to wait for news (IDLE) before looking again, and the poll interval for a
  /// server without IDLE.
  MailboxReader(ImapSettings settings, core::mail_intake::MailIntakeService& service,
                std::chrono::seconds wait);
  ~MailboxReader();
  MailboxReader(const MailboxReader&) = delete;
  MailboxReader& operator=(const MailboxReader&) = delete;

  /// Starts the thread: a round at once, then one on news or after `wait`.
  void Start();
  /// Stops the thread (within about a second) and waits for it.
  void Stop();

  /// What one round did.
  struct Round {
    std::size_t filed = 0;      ///< new contacts
    std::size_t in_review = 0;  ///< new messages in a review inbox
    std::size_t again = 0;      ///< filed or waiting already (read again)
    std::size_t not_placed = 0;
    std::size_t failed = 0;  ///< not fetched or not stored: tried again next round
    std::string error;       ///< the mailbox could not be read at all
  };
  /// Reads every message not yet processed, files it and marks it. One round at a time.
  Round RunOnce();

 private:
  void Loop();
  bool Stopping();
  /// Sleeps up to `time` unless stopped; false when stopped.
  bool Pause(std::chrono::seconds time);

  std::string folder_;
  ImapMailbox mailbox_;
  core::mail_intake::MailIntakeService& service_;
  std::chrono::seconds wait_;
  std::mutex round_mutex_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace aantafel::app
