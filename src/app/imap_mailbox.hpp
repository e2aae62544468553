#pragma once
// Reads one mailbox folder over IMAP for e-mail intake: list the messages not yet filed, fetch
// one without marking it read, mark it filed (a keyword, or a move to another folder), and wait
// for new mail with IDLE. A caller stores (uidvalidity, uid) with what it filed, commits, and
// only then marks the message, so a crash in between means a second fetch, never a loss.
//
// libcurl opens and authenticates the connection (TLS, STARTTLS, SASL including XOAUTH2) with
// CURLOPT_CONNECT_ONLY; the few commands after the login are spoken here over
// curl_easy_send/recv. curl's own IMAP commands cannot do this job on Debian 12's curl 7.88:
// its URL fetch sends BODY[] (which sets \Seen), a custom "UID FETCH n BODY.PEEK[]" loses the
// message (curl drops literals in custom-command responses), and IDLE's EXISTS never reaches
// the caller.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace aantafel::app {

/// How a filed message is marked in the mailbox.
enum class ImapMark {
  kKeyword,  ///< the keyword $AantafelFiled (UID STORE); needs a server that allows keywords
  kMove,     ///< UID MOVE into processed_folder (Microsoft 365 allows no keywords)
};

/// An OAuth 2 access token for the login, or why there is none.
struct ImapToken {
  std::string token;
  std::string error;
};

/// How to reach the mailbox ([mail_intake] in the configuration).
struct ImapSettings {
  std::string url;  ///< imap://host:143 or imaps://host:993 (TLS certificate verified)
  /// For imap://: STARTTLS is required (the login never goes out in plain text). Off only for
  /// a server on the same machine or in tests.
  bool require_tls = true;
  std::string username;
  std::string password;       ///< plain login; empty when oauth2_bearer is used
  std::string oauth2_bearer;  ///< an OAuth 2 access token (XOAUTH2); Microsoft 365 needs this
  /// Or: asked for a fresh token at each login (tokens expire within hours).
  std::function<ImapToken()> oauth2_token;
  std::string ca_file;  ///< a PEM file of CA certificates to trust instead of the system's
  /// The folders, with "/" between levels whatever the server's own hierarchy delimiter is.
  /// ASCII only (modified UTF-7 names are not written here).
  std::string folder = "INBOX";
  std::string processed_folder = "Aantafel/Verwerkt";  ///< for ImapMark::kMove; made if missing
  ImapMark mark = ImapMark::kKeyword;
  long connect_timeout_seconds = 30;  ///< connecting, TLS and the login
  long command_timeout_seconds = 60;  ///< the longest silence of the server within one answer
  std::size_t max_message_bytes = 50 * 1024 * 1024;  ///< a larger message fails to fetch
};

/// The keyword ImapMark::kKeyword sets.
inline constexpr const char* kImapFiledKeyword = "$AantafelFiled";

/// The selected folder. UIDs mean something only together with uidvalidity: when that changes,
/// the folder was recreated and every stored UID is void.
struct ImapFolderState {
  std::uint32_t uidvalidity = 0;
  std::uint32_t uidnext = 0;  ///< the UID the next message will get (0: the server did not say)
  std::uint32_t exists = 0;   ///< messages in the folder
  std::string error;          ///< empty on success
};

/// The UIDs of the messages in the folder that are not marked as filed, ascending.
struct ImapUidList {
  std::uint32_t uidvalidity = 0;
  std::vector<std::uint32_t> uids;
  std::string error;
};

/// One message as the server stores it.
struct ImapMessage {
  std::uint32_t uid = 0;
  std::string raw;                             ///< the RFC 5322 bytes (CRLF line ends)
  std::optional<core::Instant> internal_date;  ///< when the server received it
  bool not_found = false;  ///< no message with this UID (any more): error is set too
  bool too_large = false;  ///< larger than max_message_bytes: error is set too
  std::string error;
};

/// Success, or what went wrong.
struct ImapOutcome {
  std::string error;
  /// The folder's UIDVALIDITY is no longer the one reported by Open() or Unprocessed(): list
  /// again (error is set too).
  bool uidvalidity_changed = false;
  [[nodiscard]] bool ok() const { return error.empty(); }
};

enum class ImapWaitOutcome {
  kNews,     ///< new mail arrived (or arrived since the last Unprocessed())
  kTimeout,  ///< nothing arrived within the time
  kStopped,  ///< the stop function said so
  kNoIdle,   ///< the server has no IDLE: poll instead
  kFailed,   ///< connecting, the login or the server failed (error says why)
};

struct ImapWaitResult {
  ImapWaitOutcome outcome = ImapWaitOutcome::kFailed;
  std::string error;
  [[nodiscard]] bool news() const { return outcome == ImapWaitOutcome::kNews; }
};

class ImapSession;
struct ImapReply;

/// One folder of one mailbox, over one kept-alive connection (made on first use, and again
/// after the server dropped it). Server and network failures are returned as errors, never
/// thrown. Use it from one thread; WaitForNews may run on another thread meanwhile (it has its
/// own connection).
class ImapMailbox {
 public:
  explicit ImapMailbox(ImapSettings settings);
  ~ImapMailbox();
  ImapMailbox(const ImapMailbox&) = delete;
  ImapMailbox& operator=(const ImapMailbox&) = delete;

  /// Connects, logs in and selects the folder. Also checks that the server can mark messages
  /// the configured way (keywords allowed, or the MOVE extension).
  ImapFolderState Open();
  /// The messages not yet marked: UID SEARCH UNKEYWORD $AantafelFiled, or (move mode) all.
  ImapUidList Unprocessed();
  /// One message's bytes, read with BODY.PEEK[] so its \Seen flag stays as it was. Needs the
  /// UIDVALIDITY reported by Open() or Unprocessed() to be still valid.
  ImapMessage Fetch(std::uint32_t uid);
  /// Marks one message as filed (keyword or move). Marking a message that is already marked
  /// or already moved succeeds, so a repeat after a crash is harmless. Nothing is deleted or
  /// expunged beyond what UID MOVE itself does.
  ImapOutcome MarkProcessed(std::uint32_t uid);
  /// Waits on a separate connection with IDLE until new mail arrives, `max` passes or `stop`
  /// returns true (asked every 250 ms; while connecting about every second). Returns kNews at
  /// once when the folder's UIDNEXT moved on since the last Unprocessed(), so mail that
  /// arrived in between is not missed. IDLE is renewed every 25 minutes (RFC 2177).
  ImapWaitResult WaitForNews(std::chrono::seconds max, const std::function<bool()>& stop = {});

 private:
  /// Runs `command` on the folder, connecting and selecting first when needed (`reselect`:
  /// always SELECT, for fresh UIDNEXT and UIDVALIDITY). With `guard`, refuses when the
  /// UIDVALIDITY is no longer the one reported. A kept connection that the server dropped is
  /// replaced once. An empty command only connects and selects.
  ImapReply Run(const std::string& command, bool reselect, bool guard);

  ImapSettings settings_;
  std::string settings_error_;  ///< what is wrong with the settings, or empty
  std::unique_ptr<ImapSession> session_;
  bool selected_ = false;                   ///< the folder is selected on session_
  ImapFolderState selected_state_;          ///< what the last SELECT said
  std::string mark_problem_;                ///< why marking cannot work in this folder, or empty
  std::uint32_t reported_uidvalidity_ = 0;  ///< as last returned by Open() or Unprocessed()
  std::atomic<std::uint32_t> last_uidnext_{0};  ///< UIDNEXT at the last Unprocessed()
};

}  // namespace aantafel::app
