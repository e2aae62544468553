#include "app/imap_mailbox.hpp"

#include <curl/curl.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string_view>

namespace aantafel::app {

namespace {

using SteadyClock = std::chrono::steady_clock;
using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

std::once_flag curl_init;

/// How often a wait looks at its stop function.
constexpr std::chrono::milliseconds kStopCheck{250};
/// RFC 2177: IDLE is re-issued well within the server's 30-minute inactivity logout.
constexpr std::chrono::minutes kIdleRound{25};
/// How long DONE or LOGOUT may take before the connection is simply dropped.
constexpr std::chrono::seconds kGoodbye{2};
/// The longest response line (a SEARCH answer for about 7 million messages): a bound against a
/// server that never ends a line.
constexpr std::size_t kMaxLineBytes = 64ULL * 1024 * 1024;

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && Upper(text.substr(0, prefix.size())) == Upper(prefix);
}

/// The unsigned number at the start of `text` (digits only), or nullopt.
std::optional<std::uint32_t> Number(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

/// The number after `code` in a response such as "* OK [UIDNEXT 5] Predicted next UID".
std::optional<std::uint32_t> NumberAfter(std::string_view upper_text, std::string_view code) {
  const auto at = upper_text.find(code);
  if (at == std::string_view::npos) return std::nullopt;
  return Number(upper_text.substr(at + code.size()));
}

/// The size of the literal a line announces at its end ("{123}" or the LITERAL+ "{123+}").
std::optional<std::size_t> LiteralSize(std::string_view line) {
  if (line.empty() || line.back() != '}') return std::nullopt;
  const auto open = line.rfind('{');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view digits = line.substr(open + 1, line.size() - open - 2);
  if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      })) {
    return std::nullopt;
  }
  std::size_t size = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
  if (ec != std::errc()) return std::nullopt;
  return size;
}

/// A quoted string for a command (RFC 3501 quoted: backslash and double quote escaped).
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// Reads a quoted string or NIL at `at` (moved past it); nullopt for NIL or anything else.
std::optional<std::string> QuotedAt(std::string_view text, std::size_t& at) {
  while (at < text.size() && text[at] == ' ') ++at;
  if (at < text.size() && text[at] == '"') {
    std::string out;
    for (++at; at < text.size() && text[at] != '"'; ++at) {
      if (text[at] == '\\' && at + 1 < text.size()) ++at;
      out += text[at];
    }
    ++at;
    return out;
  }
  if (StartsWithNoCase(text.substr(at), "NIL")) at += 3;
  return std::nullopt;
}

/// INTERNALDATE ("07-Dec-2026 14:47:45 +0000", the day possibly space-padded) as an Instant.
std::optional<core::Instant> ParseInternalDate(const std::string& text) {
  int day = 0;
  int year = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int zone = 0;
  std::array<char, 4> month{};
  if (std::sscanf(text.c_str(), "%d-%3c-%d %d:%d:%d %d", &day, month.data(), &year, &hour, &minute,
                  &second, &zone) != 7) {
    return std::nullopt;
  }
  static constexpr std::array<std::string_view, 12> kMonths = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  const auto found = std::find(kMonths.begin(), kMonths.end(), Upper(month.data()));
  if (found == kMonths.end()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = static_cast<int>(found - kMonths.begin());
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  // The zone is +hhmm: its offset is subtracted to get UTC.
  const int sign = zone < 0 ? -1 : 1;
  const int offset = sign * ((sign * zone) / 100 * 3600 + (sign * zone) % 100 * 60);
  const std::time_t utc = timegm(&tm) - offset;
  return core::Instant(std::chrono::seconds(utc));
}

/// Connect()'s answer when the stop function ended it.
constexpr const char* kStoppedWhileConnecting = "imap: stopped while connecting";

/// CURLOPT_XFERINFOFUNCTION: a non-zero answer makes curl give up.
int AskStop(void* user, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/, curl_off_t /*ultotal*/,
            curl_off_t /*ulnow*/) {
  const auto* stop = static_cast<const std::function<bool()>*>(user);
  return (*stop)() ? 1 : 0;
}

/// What is wrong with the settings, or empty.
std::string Validate(const ImapSettings& s) {
  const std::string url = Upper(s.url);
  const bool imaps = url.starts_with("IMAPS://");
  if (!imaps && !url.starts_with("IMAP://")) {
    return "imap: the url must start with imap:// or imaps://";
  }
  const std::string_view rest = std::string_view(s.url).substr(imaps ? 8 : 7);
  const auto slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  if (authority.empty() || authority.find('@') != std::string_view::npos) {
    return "imap: the url must be imap(s)://host:port, without a user name (that is `username`)";
  }
  if (slash != std::string_view::npos && slash + 1 != rest.size()) {
    return "imap: the url must not name a folder (that is `folder`)";
  }
  if (s.username.empty()) return "imap: no username";
  if (s.password.empty() == (s.oauth2_bearer.empty() && !s.oauth2_token)) {
    return "imap: give either a password or an OAuth 2 token, not both or neither";
  }
  for (const std::string* name : {&s.folder, &s.processed_folder}) {
    if (name->empty()) return "imap: a folder name is empty";
    for (const char c : *name) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte >= 0x7f) {
        return "imap: folder names must be printable ASCII: " + *name;
      }
    }
  }
  if (s.mark == ImapMark::kMove && Upper(s.folder) == Upper(s.processed_folder)) {
    return "imap: processed_folder must differ from folder";
  }
  if (s.connect_timeout_seconds <= 0 || s.command_timeout_seconds <= 0) {
    return "imap: timeouts must be positive";
  }
  return {};
}

}  // namespace

/// One untagged response: its lines joined (each literal left out, only announced by "{n}"),
/// and the literals' bytes with the offset in `text` just after their announcement.
struct ImapUntagged {
  std::string text;
  std::vector<std::string> literals;
  std::vector<std::size_t> literal_at;
};

/// The answer to one tagged command.
struct ImapReply {
  std::string status;  ///< "OK", "NO" or "BAD"; empty when no tagged answer came (see error)
  std::string text;    ///< the tagged line after the status, e.g. "[TRYCREATE] No such mailbox"
  std::vector<ImapUntagged> untagged;
  std::string error;  ///< why there is no answer, or a check that failed before the command
  bool lost = false;  ///< the connection was gone before any answer: worth one retry
  bool uidvalidity_changed = false;
  bool too_large = false;  ///< a literal (the message) was over max_message_bytes
  [[nodiscard]] bool ok() const { return status == "OK"; }
  /// The error, or the server's own words for a NO or BAD.
  [[nodiscard]] std::string Explain(const std::string& what) const {
    if (!error.empty()) return error;
    return "imap: " + what + ": " + status + " " + text;
  }
};

/// One IMAP connection: libcurl connects, does TLS and logs in (CURLOPT_CONNECT_ONLY); the
/// commands after that go over curl_easy_send and curl_easy_recv.
class ImapSession {
 public:
  enum class Read { kDone, kTimeout, kStopped, kFailed };

  explicit ImapSession(const ImapSettings& settings)
      : settings_(settings), curl_(nullptr, curl_easy_cleanup) {}
  ~ImapSession() { Close(); }
  ImapSession(const ImapSession&) = delete;
  ImapSession& operator=(const ImapSession&) = delete;

  /// Connects and logs in, then learns the capabilities and the personal namespace. Empty on
  /// success, else what went wrong. `stop` (when given) can end the connecting early.
  std::string Connect(const std::function<bool()>* stop = nullptr);
  /// Sends `command` with a new tag and reads up to its tagged answer.
  ImapReply Command(const std::string& command);
  /// Whether the connection can take a command: not broken, and the server has neither closed
  /// it nor said BYE while it was unused.
  bool Alive();
  /// LOGOUT (when the connection is still in order), then the connection is dropped.
  void Close();
  /// Drops the connection without a LOGOUT (the server is not answering).
  void Abandon() {
    broken_ = true;
    Close();
  }

  [[nodiscard]] bool usable() const { return curl_ && !broken_; }
  [[nodiscard]] bool Has(std::string_view capability) const {
    return capabilities_.find(" " + Upper(capability) + " ") != std::string::npos;
  }
  /// A folder name written with "/" between levels, as the server names it, quoted.
  [[nodiscard]] std::string MailboxArgument(const std::string& name) const;

  std::string NextTag() { return "t" + std::to_string(++tag_); }
  bool SendLine(std::string_view line, std::string& error);
  /// Reads one response (a line, with the literals it announces). Waits until `until`, or,
  /// without one, as long as the server is not silent for command_timeout_seconds.
  Read ReadResponse(ImapUntagged& out, std::optional<SteadyClock::time_point> until,
                    const std::function<bool()>* stop, std::string& error);

 private:
  Read Fill(std::optional<SteadyClock::time_point> until, const std::function<bool()>* stop,
            std::string& error);
  Read ReadLine(std::string& line, std::optional<SteadyClock::time_point> until,
                const std::function<bool()>* stop, std::string& error);
  Read ReadBytes(std::size_t count, std::string& out, std::optional<SteadyClock::time_point> until,
                 const std::function<bool()>* stop, std::string& error);
  void LearnNamespace();

  const ImapSettings& settings_;
  CurlHandle curl_;
  std::array<char, CURL_ERROR_SIZE> curl_error_{};  // curl writes here while the handle lives
  curl_socket_t socket_ = CURL_SOCKET_BAD;
  std::string in_;                 ///< received and not yet read
  std::string capabilities_;       ///< " IMAP4REV1 IDLE MOVE ... ", upper case, space around each
  std::string prefix_;             ///< the personal namespace's prefix, e.g. "" or "INBOX."
  std::optional<char> delimiter_;  ///< the hierarchy delimiter; none for a flat namespace
  unsigned tag_ = 0;
  bool broken_ = false;     ///< the conversation is out of step or over: no more commands
  bool too_large_ = false;  ///< it ended at a literal over max_message_bytes
};

std::string ImapSession::Connect(const std::function<bool()>* stop) {
  std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_.reset(curl_easy_init());
  if (!curl_) return "imap: curl_easy_init failed";
  CURL* c = curl_.get();
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  // Connect, TLS (or STARTTLS), CAPABILITY and the login; the rest is done here.
  curl_easy_setopt(c, CURLOPT_CONNECT_ONLY, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.connect_timeout_seconds);
  // Bounds curl's waits for the server, also for the LOGOUT curl sends when it disconnects.
  curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, settings_.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_error_.data());
  curl_easy_setopt(c, CURLOPT_USE_SSL, settings_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_NONE);
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
  std::string bearer = settings_.oauth2_bearer;
  if (settings_.oauth2_token) {
    const ImapToken token = settings_.oauth2_token();
    if (token.token.empty()) {
      broken_ = true;
      return "imap: no OAuth 2 token for the login: " + token.error;
    }
    bearer = token.token;
  }
  if (bearer.empty()) {
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  } else {
    // SASL XOAUTH2 (or OAUTHBEARER when the server offers it; Microsoft 365 offers XOAUTH2).
    // curl keeps its own copy of the string.
    curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, bearer.c_str());
  }
  if (stop != nullptr && *stop) {
    // curl calls this about every second even while it waits for the server's greeting.
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, AskStop);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, stop);
  }
  const CURLcode code = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 1L);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, nullptr);
  if (code != CURLE_OK) {
    const std::string detail = curl_error_[0] != '\0' ? curl_error_.data() : "";
    broken_ = true;
    switch (code) {
      case CURLE_ABORTED_BY_CALLBACK: return kStoppedWhileConnecting;
      case CURLE_LOGIN_DENIED:
        return "imap: the server refused the login of " + settings_.username +
               " (wrong user name, password or token)";
      case CURLE_USE_SSL_FAILED:
        return "imap: the server offers no STARTTLS, and require_tls is on";
      case CURLE_PEER_FAILED_VERIFICATION:
        return "imap: the server's TLS certificate is not trusted: " + detail;
      default:
        return std::string("imap: ") + curl_easy_strerror(code) +
               (detail.empty() ? "" : ": " + detail);
    }
  }
  curl_easy_getinfo(c, CURLINFO_ACTIVESOCKET, &socket_);
  if (socket_ == CURL_SOCKET_BAD) {
    broken_ = true;
    return "imap: no connection after the login";
  }
  // The capabilities after the login can differ from the greeting's (RFC 3501 7.2.1).
  const ImapReply capability = Command("CAPABILITY");
  if (!capability.ok()) return capability.Explain("CAPABILITY");
  capabilities_ = " ";
  for (const auto& response : capability.untagged) {
    const std::string text = Upper(response.text);
    if (text.starts_with("* CAPABILITY ")) capabilities_ += text.substr(13) + " ";
  }
  LearnNamespace();
  return usable() ? std::string() : "imap: the server closed the connection after the login";
}

void ImapSession::LearnNamespace() {
  // RFC 2342: (("prefix" "delimiter") ...) for the personal namespace, e.g. (("" "/")) on
  // Microsoft 365 and Gmail, (("INBOX." ".")) on Cyrus and Courier.
  if (Has("NAMESPACE")) {
    const ImapReply reply = Command("NAMESPACE");
    for (const auto& response : reply.untagged) {
      if (!StartsWithNoCase(response.text, "* NAMESPACE ((")) continue;
      std::size_t at = 14;
      prefix_ = QuotedAt(response.text, at).value_or("");
      const auto delimiter = QuotedAt(response.text, at);
      if (delimiter && delimiter->size() == 1) delimiter_ = delimiter->front();
      return;
    }
  }
  const ImapReply reply = Command(R"(LIST "" "")");
  for (const auto& response : reply.untagged) {
    if (!StartsWithNoCase(response.text, "* LIST (")) continue;
    std::size_t at = response.text.find(')');
    if (at == std::string::npos) continue;
    ++at;
    const auto delimiter = QuotedAt(response.text, at);
    if (delimiter && delimiter->size() == 1) delimiter_ = delimiter->front();
  }
}

std::string ImapSession::MailboxArgument(const std::string& name) const {
  if (Upper(name) == "INBOX") return "INBOX";
  std::string server_name = name;
  if (delimiter_) std::replace(server_name.begin(), server_name.end(), '/', *delimiter_);
  // A server whose folders all live under INBOX (Cyrus, Courier) names "Verwerkt"
  // "INBOX.Verwerkt"; a name that already starts with the prefix is left as it is.
  if (!prefix_.empty() && !StartsWithNoCase(server_name, prefix_)) {
    server_name = prefix_ + server_name;
  }
  return Quoted(server_name);
}

bool ImapSession::SendLine(std::string_view line, std::string& error) {
  if (!usable()) {
    error = "imap: the connection is closed";
    return false;
  }
  const std::string data = std::string(line) + "\r\n";
  std::size_t sent = 0;
  const auto until = SteadyClock::now() + std::chrono::seconds(settings_.command_timeout_seconds);
  while (sent < data.size()) {
    std::size_t n = 0;
    const CURLcode code = curl_easy_send(curl_.get(), data.data() + sent, data.size() - sent, &n);
    if (code == CURLE_OK) {
      sent += n;
      continue;
    }
    const auto now = SteadyClock::now();
    if (code != CURLE_AGAIN || now >= until) {
      broken_ = true;
      error = std::string("imap: sending failed: ") + curl_easy_strerror(code);
      return false;
    }
    pollfd ready{socket_, POLLOUT, 0};
    poll(&ready, 1,
         static_cast<int>(std::min<long long>(
             1000, std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count())));
  }
  return true;
}

ImapSession::Read ImapSession::Fill(std::optional<SteadyClock::time_point> until,
                                    const std::function<bool()>* stop, std::string& error) {
  const auto limit =
      until.value_or(SteadyClock::now() + std::chrono::seconds(settings_.command_timeout_seconds));
  std::array<char, 16384> chunk{};
  for (;;) {
    std::size_t n = 0;
    const CURLcode code = curl_easy_recv(curl_.get(), chunk.data(), chunk.size(), &n);
    if (code == CURLE_OK && n > 0) {
      in_.append(chunk.data(), n);
      return Read::kDone;
    }
    if (code != CURLE_AGAIN) {
      broken_ = true;
      error = code == CURLE_OK ? "imap: the server closed the connection"
                               : std::string("imap: receiving failed: ") + curl_easy_strerror(code);
      return Read::kFailed;
    }
    if (stop != nullptr && *stop && (*stop)()) return Read::kStopped;
    const auto now = SteadyClock::now();
    if (now >= limit) return Read::kTimeout;
    const auto wait =
        std::min(kStopCheck, std::chrono::duration_cast<std::chrono::milliseconds>(limit - now) +
                                 std::chrono::milliseconds(1));
    pollfd ready{socket_, POLLIN, 0};
    poll(&ready, 1, static_cast<int>(wait.count()));  // readable or not: curl_easy_recv tells
  }
}

ImapSession::Read ImapSession::ReadLine(std::string& line,
                                        std::optional<SteadyClock::time_point> until,
                                        const std::function<bool()>* stop, std::string& error) {
  for (;;) {
    const auto end = in_.find('\n');
    if (end != std::string::npos) {
      line = in_.substr(0, end > 0 && in_[end - 1] == '\r' ? end - 1 : end);
      in_.erase(0, end + 1);
      return Read::kDone;
    }
    if (in_.size() > kMaxLineBytes) {
      broken_ = true;
      error =
          "imap: the server sent a line of more than " + std::to_string(kMaxLineBytes) + " bytes";
      return Read::kFailed;
    }
    const Read read = Fill(until, stop, error);
    if (read != Read::kDone) return read;
  }
}

ImapSession::Read ImapSession::ReadBytes(std::size_t count, std::string& out,
                                         std::optional<SteadyClock::time_point> until,
                                         const std::function<bool()>* stop, std::string& error) {
  while (in_.size() < count) {
    const Read read = Fill(until, stop, error);
    if (read != Read::kDone) return read;
  }
  out = in_.substr(0, count);
  in_.erase(0, count);
  return Read::kDone;
}

ImapSession::Read ImapSession::ReadResponse(ImapUntagged& out,
                                            std::optional<SteadyClock::time_point> until,
                                            const std::function<bool()>* stop, std::string& error) {
  out = ImapUntagged{};
  for (bool first = true;; first = false) {
    std::string line;
    Read read = ReadLine(line, until, stop, error);
    // Half a response read: the next one would start in the middle of this one.
    if (read != Read::kDone && !first) broken_ = true;
    if (read != Read::kDone) return read;
    out.text += line;
    const auto size = LiteralSize(line);
    if (!size) return Read::kDone;
    if (*size > settings_.max_message_bytes) {
      // Reading on would mean reading it all: the connection is given up instead.
      broken_ = true;
      too_large_ = true;
      error = "imap: the server sends " + std::to_string(*size) +
              " bytes, more than max_message_bytes (" +
              std::to_string(settings_.max_message_bytes) + ")";
      return Read::kFailed;
    }
    std::string bytes;
    read = ReadBytes(*size, bytes, until, stop, error);
    if (read != Read::kDone) {
      broken_ = true;
      return read;
    }
    out.literal_at.push_back(out.text.size());
    out.literals.push_back(std::move(bytes));
  }
}

ImapReply ImapSession::Command(const std::string& command) {
  ImapReply reply;
  const std::string tag = NextTag();
  if (!SendLine(tag + " " + command, reply.error)) {
    reply.lost = true;
    return reply;
  }
  bool answered = false;  // anything but a BYE came back
  for (;;) {
    ImapUntagged response;
    const Read read = ReadResponse(response, std::nullopt, nullptr, reply.error);
    if (read == Read::kTimeout) {
      broken_ = true;
      reply.error = "imap: no answer to " + command.substr(0, command.find(' ')) + " within " +
                    std::to_string(settings_.command_timeout_seconds) + " s";
      return reply;
    }
    if (read != Read::kDone) {
      reply.lost = !answered && !too_large_;
      reply.too_large = too_large_;
      return reply;
    }
    if (response.text.starts_with(tag + " ")) {
      const std::string_view rest = std::string_view(response.text).substr(tag.size() + 1);
      const auto space = rest.find(' ');
      reply.status = Upper(rest.substr(0, space));
      reply.text = space == std::string_view::npos ? "" : std::string(rest.substr(space + 1));
      return reply;
    }
    if (response.text.starts_with("+")) {
      // Our commands carry no literals, so the server asks for nothing.
      broken_ = true;
      reply.error = "imap: unexpected continuation request: " + response.text;
      return reply;
    }
    if (StartsWithNoCase(response.text, "* BYE")) {
      broken_ = true;  // the server ends the connection; what it still sends is read
    } else {
      answered = true;
    }
    if (response.text.starts_with("* ")) reply.untagged.push_back(std::move(response));
  }
}

bool ImapSession::Alive() {
  if (!usable()) return false;
  std::array<char, 4096> chunk{};
  for (;;) {
    std::size_t n = 0;
    const CURLcode code = curl_easy_recv(curl_.get(), chunk.data(), chunk.size(), &n);
    if (code == CURLE_AGAIN) break;
    if (code != CURLE_OK || n == 0) {
      broken_ = true;
      return false;
    }
    in_.append(chunk.data(), n);
  }
  // An autologout announces itself with BYE before the server closes the connection.
  if (Upper(in_).find("* BYE") != std::string::npos) broken_ = true;
  return !broken_;
}

void ImapSession::Close() {
  if (!curl_) return;
  if (!broken_) {
    std::string error;
    const std::string tag = NextTag();
    if (SendLine(tag + " LOGOUT", error)) {
      const auto until = SteadyClock::now() + kGoodbye;
      ImapUntagged response;
      while (ReadResponse(response, until, nullptr, error) == Read::kDone &&
             !response.text.starts_with(tag + " ")) {
      }
    }
  }
  // curl's own disconnect sends a LOGOUT too and waits for its answer. The server has closed
  // the connection after ours, or it would be answering in the middle of something else: with
  // the reading side shut, curl sees the end at once instead of waiting.
  if (socket_ != CURL_SOCKET_BAD) shutdown(socket_, SHUT_RD);
  curl_.reset();
  socket_ = CURL_SOCKET_BAD;
  broken_ = true;
}

namespace {

/// What SELECT or EXAMINE said about the folder.
struct Selection {
  ImapFolderState state;
  std::string mark_problem;  ///< why marking cannot work here, or empty
};

Selection ParseSelection(const ImapReply& reply, const ImapSettings& settings,
                         const ImapSession& session) {
  Selection selection;
  std::optional<std::string> permanent_flags;
  for (const auto& response : reply.untagged) {
    const std::string text = Upper(response.text);
    if (text.ends_with(" EXISTS")) {
      selection.state.exists = Number(std::string_view(text).substr(2)).value_or(0);
    } else if (auto v = NumberAfter(text, "[UIDVALIDITY "); v && text.starts_with("* OK")) {
      selection.state.uidvalidity = *v;
    } else if (auto n = NumberAfter(text, "[UIDNEXT "); n && text.starts_with("* OK")) {
      selection.state.uidnext = *n;
    } else if (const auto at = text.find("[PERMANENTFLAGS ("); at != std::string::npos) {
      permanent_flags = text.substr(at + 17, text.find(')', at) - at - 17);
    }
  }
  if (settings.mark == ImapMark::kKeyword) {
    // No PERMANENTFLAGS means every flag is kept (RFC 3501 7.1); "\*" allows new keywords.
    if (Upper(reply.text).find("[READ-ONLY]") != std::string::npos) {
      selection.mark_problem = "imap: the folder is read-only for this user";
    } else if (permanent_flags && permanent_flags->find("\\*") == std::string::npos &&
               permanent_flags->find(Upper(kImapFiledKeyword)) == std::string::npos) {
      selection.mark_problem =
          "imap: the server keeps no keywords in this folder (no \\* in PERMANENTFLAGS); "
          "use mark = move";
    }
  } else if (!session.Has("MOVE")) {
    selection.mark_problem = "imap: the server has no MOVE (RFC 6851); use mark = keyword";
  }
  return selection;
}

/// The FETCH response for `uid` with its BODY[]; nullptr when there is none.
const ImapUntagged* FetchResponse(const ImapReply& reply, std::uint32_t uid) {
  for (const auto& response : reply.untagged) {
    const std::string text = Upper(response.text);
    const auto fetch = text.find(" FETCH (");
    if (!text.starts_with("* ") || fetch == std::string::npos) continue;
    const auto uid_at = text.find("UID ", fetch);
    if (uid_at == std::string::npos || Number(std::string_view(text).substr(uid_at + 4)) != uid) {
      continue;
    }
    if (text.find("BODY[] ", fetch) != std::string::npos) return &response;
  }
  return nullptr;
}

/// The message bytes of a FETCH response: a literal, or a quoted string, or NIL.
std::string BodyOf(const ImapUntagged& response) {
  const std::string text = Upper(response.text);
  std::size_t at = text.find("BODY[] ") + 7;
  if (at < text.size() && text[at] == '{') {
    const auto close = text.find('}', at);
    for (std::size_t i = 0; i < response.literal_at.size(); ++i) {
      if (response.literal_at[i] == close + 1) return response.literals[i];
    }
    return {};
  }
  return QuotedAt(response.text, at).value_or("");
}

std::optional<core::Instant> InternalDateOf(const ImapUntagged& response) {
  const std::string text = Upper(response.text);
  const auto at = text.find("INTERNALDATE \"");
  if (at == std::string::npos) return std::nullopt;
  const auto end = response.text.find('"', at + 14);
  if (end == std::string::npos) return std::nullopt;
  return ParseInternalDate(response.text.substr(at + 14, end - at - 14));
}

ImapReply Failure(std::string error, bool uidvalidity_changed = false) {
  ImapReply reply;
  reply.error = std::move(error);
  reply.uidvalidity_changed = uidvalidity_changed;
  return reply;
}

ImapOutcome Refused(const ImapReply& reply, const std::string& what) {
  ImapOutcome outcome;
  outcome.error = reply.Explain(what);
  outcome.uidvalidity_changed = reply.uidvalidity_changed;
  return outcome;
}

bool IsExists(const ImapUntagged& response) {
  const std::string text = Upper(response.text);
  return text.starts_with("* ") && text.ends_with(" EXISTS");
}

}  // namespace

ImapMailbox::ImapMailbox(ImapSettings settings)
    : settings_(std::move(settings)), settings_error_(Validate(settings_)) {}

ImapMailbox::~ImapMailbox() = default;

ImapReply ImapMailbox::Run(const std::string& command, bool reselect, bool guard) {
  if (!settings_error_.empty()) return Failure(settings_error_);
  for (int attempt = 0;; ++attempt) {
    if (session_ && !session_->Alive()) session_.reset();
    const bool fresh = !session_;
    if (fresh) {
      auto session = std::make_unique<ImapSession>(settings_);
      std::string error = session->Connect();
      if (!error.empty()) return Failure(std::move(error));
      session_ = std::move(session);
      selected_ = false;
    }
    ImapReply reply;
    if (reselect || !selected_) {
      reply = session_->Command("SELECT " + session_->MailboxArgument(settings_.folder));
      // A kept connection the server dropped meanwhile: once more on a new one.
      if (reply.lost && !fresh && attempt == 0) {
        session_.reset();
        continue;
      }
      if (!reply.ok()) {
        selected_ = false;
        if (!session_->usable()) session_.reset();
        reply.error = reply.Explain("SELECT " + settings_.folder);
        return reply;
      }
      const Selection selection = ParseSelection(reply, settings_, *session_);
      if (selection.state.uidvalidity == 0) {
        session_.reset();
        return Failure("imap: the server gave no UIDVALIDITY for " + settings_.folder);
      }
      selected_ = true;
      selected_state_ = selection.state;
      mark_problem_ = selection.mark_problem;
    }
    if (guard && selected_state_.uidvalidity != reported_uidvalidity_) {
      return Failure("imap: the UIDVALIDITY of " + settings_.folder + " changed from " +
                         std::to_string(reported_uidvalidity_) + " to " +
                         std::to_string(selected_state_.uidvalidity) +
                         ": its UIDs are void; list again",
                     /*uidvalidity_changed=*/true);
    }
    if (command.empty()) return reply;
    reply = session_->Command(command);
    if (reply.lost && !fresh && attempt == 0) {
      session_.reset();
      continue;
    }
    if (!session_->usable()) session_.reset();
    return reply;
  }
}

ImapFolderState ImapMailbox::Open() {
  const ImapReply reply = Run({}, /*reselect=*/true, /*guard=*/false);
  if (!reply.error.empty()) {
    ImapFolderState failed;
    failed.error = reply.error;
    return failed;
  }
  reported_uidvalidity_ = selected_state_.uidvalidity;
  ImapFolderState state = selected_state_;
  state.error = mark_problem_;
  return state;
}

ImapUidList ImapMailbox::Unprocessed() {
  const std::string search = settings_.mark == ImapMark::kKeyword
                                 ? std::string("UID SEARCH UNKEYWORD ") + kImapFiledKeyword
                                 : std::string("UID SEARCH ALL");
  const ImapReply reply = Run(search, /*reselect=*/true, /*guard=*/false);
  ImapUidList list;
  if (!reply.ok()) {
    list.error = reply.Explain(search);
    return list;
  }
  reported_uidvalidity_ = selected_state_.uidvalidity;
  last_uidnext_ = selected_state_.uidnext;
  list.uidvalidity = selected_state_.uidvalidity;
  if (!mark_problem_.empty()) {
    // Listing would work, but every message would be filed again and again.
    list.error = mark_problem_;
    return list;
  }
  for (const auto& response : reply.untagged) {
    if (!StartsWithNoCase(response.text, "* SEARCH")) continue;
    std::string_view rest = std::string_view(response.text).substr(8);
    while (!rest.empty()) {
      const auto start = rest.find_first_not_of(' ');
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      if (const auto uid = Number(rest)) list.uids.push_back(*uid);
      const auto end = rest.find(' ');
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
  }
  std::sort(list.uids.begin(), list.uids.end());
  list.uids.erase(std::unique(list.uids.begin(), list.uids.end()), list.uids.end());
  return list;
}

ImapMessage ImapMailbox::Fetch(std::uint32_t uid) {
  ImapMessage message;
  message.uid = uid;
  if (reported_uidvalidity_ == 0 && settings_error_.empty()) {
    message.error = "imap: call Open() or Unprocessed() before Fetch()";
    return message;
  }
  // BODY.PEEK leaves \Seen alone; UID in the answer ties it to the request even when the
  // server sends other FETCH responses (flag changes by other clients) in between.
  const std::string command =
      "UID FETCH " + std::to_string(uid) + " (UID INTERNALDATE BODY.PEEK[])";
  const ImapReply reply = Run(command, /*reselect=*/false, /*guard=*/true);
  if (!reply.ok()) {
    message.error = reply.Explain("UID FETCH " + std::to_string(uid));
    message.too_large = reply.too_large;
    return message;
  }
  const ImapUntagged* response = FetchResponse(reply, uid);
  if (response == nullptr) {
    message.not_found = true;
    message.error = "imap: no message with UID " + std::to_string(uid) + " in " + settings_.folder;
    return message;
  }
  message.raw = BodyOf(*response);
  message.internal_date = InternalDateOf(*response);
  return message;
}

ImapOutcome ImapMailbox::MarkProcessed(std::uint32_t uid) {
  if (reported_uidvalidity_ == 0 && settings_error_.empty()) {
    return Refused(Failure("imap: call Open() or Unprocessed() before MarkProcessed()"), {});
  }
  const ImapReply ready = Run({}, /*reselect=*/false, /*guard=*/true);
  if (!ready.error.empty()) return Refused(ready, {});
  if (!mark_problem_.empty()) return Refused(Failure(mark_problem_), {});
  const std::string id = std::to_string(uid);
  if (settings_.mark == ImapMark::kKeyword) {
    // A UID that no longer exists is no error (RFC 3501 6.4.8): a repeat is harmless.
    const std::string store = "UID STORE " + id + " +FLAGS.SILENT (" + kImapFiledKeyword + ")";
    const ImapReply reply = Run(store, false, true);
    if (reply.ok()) return {};
    return Refused(reply, "UID STORE " + id);
  }
  const std::string target = session_->MailboxArgument(settings_.processed_folder);
  const std::string move = "UID MOVE " + id + " " + target;
  ImapReply reply = Run(move, false, true);
  if (reply.status == "NO") {
    // Most likely the folder is missing ([TRYCREATE], though not every server says so): make
    // it, subscribe to it so people see it in their mail program, and move again.
    const ImapReply created = Run("CREATE " + target, false, true);
    if (created.ok()) (void)Run("SUBSCRIBE " + target, false, true);
    reply = Run(move, false, true);
  }
  if (reply.ok()) return {};
  return Refused(reply, "UID MOVE " + id + " to " + settings_.processed_folder);
}

ImapWaitResult ImapMailbox::WaitForNews(std::chrono::seconds max,
                                        const std::function<bool()>& stop) {
  using Outcome = ImapWaitOutcome;
  if (!settings_error_.empty()) return {Outcome::kFailed, settings_error_};
  const auto deadline = SteadyClock::now() + max;
  ImapSession session(settings_);
  const std::function<bool()>* stop_check = stop ? &stop : nullptr;
  if (std::string error = session.Connect(stop_check); !error.empty()) {
    if (error == kStoppedWhileConnecting) return {Outcome::kStopped, {}};
    return {Outcome::kFailed, error};
  }
  if (!session.Has("IDLE")) return {Outcome::kNoIdle, {}};
  // Read-only: the watcher changes nothing, not even \Recent.
  const ImapReply examine = session.Command("EXAMINE " + session.MailboxArgument(settings_.folder));
  if (!examine.ok()) return {Outcome::kFailed, examine.Explain("EXAMINE " + settings_.folder)};
  const ImapFolderState state = ParseSelection(examine, settings_, session).state;
  const std::uint32_t known = last_uidnext_;
  if (known != 0 && state.uidnext != 0 && state.uidnext != known) return {Outcome::kNews, {}};

  ImapWaitResult result{Outcome::kTimeout, {}};
  bool decided = false;
  while (!decided) {
    if (stop && stop()) {
      result.outcome = Outcome::kStopped;
      break;
    }
    const std::string tag = session.NextTag();
    if (!session.SendLine(tag + " IDLE", result.error)) return {Outcome::kFailed, result.error};
    const auto round_end = std::min(deadline, SteadyClock::now() + kIdleRound);
    bool idling = false;
    while (!decided) {
      ImapUntagged response;
      std::string error;
      const auto read = session.ReadResponse(
          response, idling ? std::optional(round_end) : std::nullopt, stop_check, error);
      if (read == ImapSession::Read::kTimeout && idling) break;  // this round is over
      if (read == ImapSession::Read::kStopped) {
        result.outcome = Outcome::kStopped;
        decided = true;
      } else if (read != ImapSession::Read::kDone) {
        return {Outcome::kFailed, error.empty() ? "imap: no answer to IDLE" : error};
      } else if (response.text.starts_with("+")) {
        idling = true;
      } else if (response.text.starts_with(tag + " ")) {
        // IDLE refused (NO/BAD) although announced: the caller polls instead.
        return {Outcome::kNoIdle, {}};
      } else if (IsExists(response)) {
        result.outcome = Outcome::kNews;
        decided = true;
      } else if (StartsWithNoCase(response.text, "* BYE")) {
        return {Outcome::kFailed, "imap: the server ended the connection: " + response.text};
      }
    }
    // End this IDLE with DONE and wait briefly for its tagged answer (a "+" that had not come
    // yet, when stopped early, is read and passed over).
    std::string error;
    if (!session.SendLine("DONE", error)) return result;
    const auto until = SteadyClock::now() + kGoodbye;
    for (;;) {
      ImapUntagged response;
      if (session.ReadResponse(response, until, nullptr, error) != ImapSession::Read::kDone) {
        session.Abandon();
        return result;
      }
      if (response.text.starts_with(tag + " ")) break;
      if (IsExists(response) && !decided) {
        result.outcome = Outcome::kNews;
        decided = true;
      }
    }
    if (!decided && SteadyClock::now() >= deadline) decided = true;  // kTimeout
  }
  session.Close();
  return result;
}

}  // namespace aantafel::app
