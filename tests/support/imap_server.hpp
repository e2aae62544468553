#pragma once
// A private Dovecot IMAP server on 127.0.0.1 for tests: its own configuration, mail and log in
// a scratch directory, a free port, one user with a random password, no TLS. Every Dovecot
// process runs as one unprivileged user: the current user, or `nobody` when the tests run as
// root (Dovecot's login processes refuse to run as root). Nothing outside the scratch
// directory is read or written; /etc/dovecot is not used.
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "support/process_child.hpp"

namespace aantafel::testing {

class ImapServer {
 public:
  struct Options {
    bool idle = true;  ///< announce IDLE (off: a server a client has to poll)
    /// The personal namespace: its hierarchy delimiter and prefix, e.g. "." and "INBOX." as
    /// on Cyrus and Courier. The default is what Microsoft 365 and Gmail have.
    std::string separator = "/";
    std::string prefix;
    /// When set, the user can also log in with an OAuth 2 token (XOAUTH2, the one mechanism
    /// Microsoft 365 offers): Dovecot sends it as "Authorization: Bearer ..." to this URL
    /// and takes the user name from the "email" field of the JSON answer.
    std::string oauth2_url;
  };

  /// Whether Dovecot is installed here (tests skip without it).
  static bool Available();

  /// Starts the server and waits until it answers. Throws std::runtime_error, with Dovecot's
  /// log, when it does not come up.
  ImapServer() : ImapServer(Options{}) {}
  explicit ImapServer(Options options);
  /// Stops the server (SIGTERM, SIGKILL if it lingers) and removes the scratch directory.
  ~ImapServer();
  ImapServer(const ImapServer&) = delete;
  ImapServer& operator=(const ImapServer&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] std::string url() const { return "imap://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] const std::string& username() const { return username_; }
  [[nodiscard]] const std::string& password() const { return password_; }

  /// Puts a message into `folder` (as the server names it; made when missing) the way a mail
  /// server delivers it: written to the Maildir's tmp/, then renamed into new/. The bytes are
  /// stored as given. Returns the UID the server gave it.
  std::uint32_t Deliver(const std::string& folder, const std::string& raw);
  /// The flags and keywords of one message, e.g. {"\\Seen", "$AantafelFiled"}; nullopt when
  /// there is no message with that UID. Read through a read-only EXAMINE, so looking changes
  /// nothing.
  std::optional<std::vector<std::string>> Flags(const std::string& folder, std::uint32_t uid);
  /// How many messages `folder` holds; nullopt when there is no such folder.
  std::optional<std::size_t> CountIn(const std::string& folder);
  /// How many connections are in IDLE now (from Dovecot's process titles).
  [[nodiscard]] std::size_t IdleSessions() const;
  /// Ends every logged-in connection the way a server restart or an idle timeout does (the
  /// imap processes get SIGTERM, say BYE and exit); returns how many there were.
  std::size_t DropConnections();
  /// Runs `commands` in one session logged in as the test user and returns all it was told.
  std::string Session(const std::vector<std::string>& commands);
  /// Dovecot's log so far, for failure messages.
  [[nodiscard]] std::string Log() const;

 private:
  /// The pids of this instance's processes whose title contains `marker`.
  [[nodiscard]] std::vector<pid_t> Processes(const std::string& marker) const;
  /// Writes the configuration for `port_`.
  void Configure();
  /// The Maildir directory of a folder.
  [[nodiscard]] std::string MaildirOf(const std::string& folder) const;

  Options options_;
  std::string dir_;
  std::uint16_t port_ = 0;
  std::string username_ = "dossier";
  std::string password_;
  std::string greeting_;  ///< this instance's greeting, to know it is ours that answers
  uid_t uid_ = 0;         ///< who runs Dovecot and owns the scratch directory
  gid_t gid_ = 0;
  std::string user_name_;
  std::string group_name_;
  std::unique_ptr<ChildProcess> dovecot_;
  std::mutex mutex_;
};

}  // namespace aantafel::testing
