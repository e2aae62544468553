#include "support/imap_server.hpp"

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/loopback.hpp"

namespace aantafel::testing {

namespace {

using namespace std::chrono_literals;

constexpr const char* kDovecot = "/usr/sbin/dovecot";
// util-linux; changes user and group and then execs, so the child's pid stays Dovecot's.
constexpr const char* kSetpriv = "/usr/bin/setpriv";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// A blocking IMAP connection for looking at the server from the side; throws on failure.
class RawImap {
 public:
  explicit RawImap(std::uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{.tv_sec = 10, .tv_usec = 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd_);
      throw std::runtime_error("imap test server: cannot connect to port " + std::to_string(port));
    }
    greeting_ = Line();
  }
  ~RawImap() { close(fd_); }
  RawImap(const RawImap&) = delete;
  RawImap& operator=(const RawImap&) = delete;

  [[nodiscard]] const std::string& greeting() const { return greeting_; }

  /// Sends one command; returns every line up to and including the tagged one (a literal is
  /// appended to the line that announced it).
  std::vector<std::string> Command(const std::string& command) {
    const std::string tag = "x" + std::to_string(++tag_);
    const std::string line = tag + " " + command + "\r\n";
    if (send(fd_, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size())) {
      throw std::runtime_error("imap test server: sending failed");
    }
    std::vector<std::string> lines;
    for (;;) {
      lines.push_back(Line());
      if (lines.back().starts_with(tag + " ")) return lines;
    }
  }
  /// The tagged line's status ("OK", "NO", "BAD").
  static std::string Status(const std::vector<std::string>& lines) {
    const std::string& last = lines.back();
    const auto space = last.find(' ');
    return last.substr(space + 1, last.find(' ', space + 1) - space - 1);
  }

 private:
  std::string Line() {
    std::string line;
    for (;;) {
      const auto end = buffer_.find("\r\n");
      if (end != std::string::npos) {
        line += buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        // A literal: its bytes follow, then the rest of the response.
        const auto open = line.rfind('{');
        if (!line.ends_with("}") || open == std::string::npos) return line;
        const std::size_t size = std::stoul(line.substr(open + 1));
        while (buffer_.size() < size) Receive();
        line += buffer_.substr(0, size);
        buffer_.erase(0, size);
        continue;
      }
      Receive();
    }
  }
  void Receive() {
    std::array<char, 16384> chunk{};
    const auto n = recv(fd_, chunk.data(), chunk.size(), 0);
    if (n <= 0) throw std::runtime_error("imap test server: the connection ended");
    buffer_.append(chunk.data(), static_cast<std::size_t>(n));
  }

  int fd_ = -1;
  unsigned tag_ = 0;
  std::string buffer_;
  std::string greeting_;
};

/// A logged-in RawImap.
std::unique_ptr<RawImap> Login(std::uint16_t port, const std::string& user,
                               const std::string& password) {
  auto imap = std::make_unique<RawImap>(port);
  const auto reply = imap->Command("LOGIN " + Quoted(user) + " " + Quoted(password));
  if (RawImap::Status(reply) != "OK") {
    throw std::runtime_error("imap test server: LOGIN failed: " + reply.back());
  }
  return imap;
}

std::string RandomHex(std::size_t bytes) {
  std::random_device random;
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const unsigned value = random() & 0xffU;
    out += kDigits[value >> 4];
    out += kDigits[value & 0xfU];
  }
  return out;
}

/// A loopback port that was free a moment ago. Dovecot binds it itself, so another process
/// could take it in between: the server's greeting tells whether it is ours.
std::uint16_t FreePort() {
  std::uint16_t port = 0;
  const int fd = ListenOnLoopback(port);
  close(fd);
  return port;
}

void ChownTree(const std::string& dir, uid_t uid, gid_t gid) {
  if (::chown(dir.c_str(), uid, gid) != 0) throw std::runtime_error("chown " + dir);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (::lchown(entry.path().c_str(), uid, gid) != 0) {
      throw std::runtime_error("chown " + entry.path().string());
    }
  }
}

}  // namespace

bool ImapServer::Available() { return access(kDovecot, X_OK) == 0; }

ImapServer::ImapServer(Options options) : options_(std::move(options)) {
  if (!Available()) throw std::runtime_error(std::string(kDovecot) + " is not installed");
  // Dovecot refuses to run its login processes as root, and its mail processes as a uid below
  // first_valid_uid; under root everything runs as nobody instead.
  const bool root = geteuid() == 0;
  const passwd* user = root ? getpwnam("nobody") : getpwuid(geteuid());
  if (user == nullptr) throw std::runtime_error("imap test server: no passwd entry for the user");
  uid_ = user->pw_uid;
  gid_ = root ? user->pw_gid : getegid();
  user_name_ = user->pw_name;
  const group* grp = getgrgid(gid_);
  if (grp == nullptr) throw std::runtime_error("imap test server: no group entry for the group");
  group_name_ = grp->gr_name;

  std::string scratch = (std::filesystem::temp_directory_path() / "aantafel_imap_XXXXXX").string();
  if (mkdtemp(scratch.data()) == nullptr) throw std::runtime_error("mkdtemp " + scratch);
  dir_ = scratch;
  password_ = RandomHex(12);
  WriteFile(dir_ + "/users", username_ + ":{PLAIN}" + password_ + "::::::\n");
  std::filesystem::create_directories(dir_ + "/mail");

  std::string failures;
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = FreePort();
    greeting_ = "aantafel-test-" + std::to_string(port_) + "-" + RandomHex(4);
    Configure();
    if (root) ChownTree(dir_, uid_, gid_);
    std::vector<std::string> argv = {kDovecot, "-F", "-c", dir_ + "/dovecot.conf"};
    if (root) {
      argv.insert(argv.begin(), {kSetpriv, "--reuid=" + std::to_string(uid_),
                                 "--regid=" + std::to_string(gid_), "--clear-groups", "--"});
    }
    dovecot_ = std::make_unique<ChildProcess>(argv, ChildEnvironment({}), "", dir_ + "/dovecot.out",
                                              dir_ + "/dovecot.out");
    // Ready when our greeting comes back (about 0.2 s); a generous limit for a loaded machine.
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (dovecot_->Running() && std::chrono::steady_clock::now() < deadline) {
      try {
        RawImap probe(port_);
        if (probe.greeting().find(greeting_) != std::string::npos) return;
        break;  // someone else's server on this port: try another one
      } catch (const std::runtime_error&) {
        std::this_thread::sleep_for(20ms);
      }
    }
    failures += "attempt on port " + std::to_string(port_) + ":\n" + Log() + "\n";
    dovecot_->Signal(SIGKILL);
    dovecot_->Wait();
    dovecot_.reset();
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
  throw std::runtime_error("imap test server did not start:\n" + failures);
}

ImapServer::~ImapServer() {
  if (dovecot_) {
    // The master stops its processes and exits (it waits about a second for its log process).
    dovecot_->Signal(SIGTERM);
    if (!dovecot_->WaitFor(10s)) dovecot_->Signal(SIGKILL);
    dovecot_.reset();
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void ImapServer::Configure() {
  const std::string& d = dir_;
  std::string conf;
  conf += "# Written by tests/support/imap_server.cpp: a private, unprivileged Dovecot.\n";
  conf += "instance_name = " + greeting_ + "\n";
  conf += "login_greeting = " + greeting_ + " ready.\n";
  conf += "base_dir = " + d + "/run\n";
  conf += "state_dir = " + d + "/state\n";
  conf += "log_path = " + d + "/dovecot.log\n";
  conf += "protocols = imap\n";
  conf += "listen = 127.0.0.1\n";
  conf += "ssl = no\n";
  conf += "disable_plaintext_auth = no\n";
  conf += std::string("auth_mechanisms = plain login") +
          (options_.oauth2_url.empty() ? "" : " xoauth2") + "\n";
  // A wrong password is answered at once, also the next time: without these Dovecot waits 2 s,
  // then 4, 8, 15 s per address (its auth penalty; login_trusted_networks does not lift it).
  conf += "auth_failure_delay = 0\n";
  // Every process as one user; without default_internal_group Dovecot chowns its stats socket
  // to the "dovecot" group, which an unprivileged user may not.
  conf += "default_internal_user = " + user_name_ + "\n";
  conf += "default_login_user = " + user_name_ + "\n";
  conf += "default_internal_group = " + group_name_ + "\n";
  conf += "first_valid_uid = " + std::to_string(uid_) + "\n";
  conf += "first_valid_gid = " + std::to_string(gid_) + "\n";
  // The process title shows each connection's command: IdleSessions() reads it.
  conf += "verbose_proctitle = yes\n";
  conf +=
      "service anvil {\n  chroot =\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}\n";
  conf += "service imap-login {\n  chroot =\n";
  conf += "  inet_listener imap {\n    address = 127.0.0.1\n    port = " + std::to_string(port_) +
          "\n  }\n";
  conf += "  inet_listener imaps {\n    port = 0\n  }\n}\n";
  conf += "passdb {\n  driver = passwd-file\n  mechanisms = plain login\n";
  conf += "  args = scheme=PLAIN username_format=%n " + d + "/users\n}\n";
  if (!options_.oauth2_url.empty()) {
    conf += "passdb {\n  driver = oauth2\n  mechanisms = xoauth2\n  args = " + d +
            "/oauth2.conf.ext\n}\n";
    WriteFile(d + "/oauth2.conf.ext", "introspection_mode = auth\nintrospection_url = " +
                                          options_.oauth2_url + "\nusername_attribute = email\n");
  }
  conf += "userdb {\n  driver = static\n  args = home=" + d + "/mail/%n\n}\n";
  conf += "mail_location = maildir:~/Maildir\n";
  conf += "namespace inbox {\n  inbox = yes\n  separator = " + options_.separator + "\n";
  if (!options_.prefix.empty()) conf += "  prefix = " + options_.prefix + "\n";
  conf += "}\n";
  if (!options_.idle) {
    // Dovecot's own list after the login, without IDLE.
    conf +=
        "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT UNSELECT CHILDREN "
        "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH LITERAL+ MOVE\n";
  }
  WriteFile(d + "/dovecot.conf", conf);
}

std::string ImapServer::MaildirOf(const std::string& folder) const {
  std::string root = dir_ + "/mail/" + username_ + "/Maildir";
  std::string name = folder;
  if (!options_.prefix.empty() && name.starts_with(options_.prefix)) {
    name.erase(0, options_.prefix.size());
  }
  if (Upper(name) == "INBOX" || name.empty()) return root;
  // Maildir++: ".Parent.Child" under the root, whatever the namespace's separator.
  const char separator = options_.separator.empty() ? '.' : options_.separator.front();
  std::replace(name.begin(), name.end(), separator, '.');
  return root + "/." + name;
}

std::uint32_t ImapServer::Deliver(const std::string& folder, const std::string& raw) {
  std::lock_guard lock(mutex_);
  const auto imap = Login(port_, username_, password_);
  if (Upper(folder) != "INBOX" && Upper(folder) != Upper(options_.prefix + "INBOX")) {
    (void)imap->Command("CREATE " + Quoted(folder));  // NO when it exists already
  }
  // The first STATUS of INBOX also makes its Maildir.
  if (RawImap::Status(imap->Command("STATUS " + Quoted(folder) + " (UIDNEXT)")) != "OK") {
    throw std::runtime_error("imap test server: no folder " + folder);
  }
  static std::atomic<unsigned> counter{0};
  const std::string dir = MaildirOf(folder);
  const std::string name = std::to_string(std::time(nullptr)) + ".M" + std::to_string(counter++) +
                           "P" + std::to_string(getpid()) + ".aantafel-test";
  WriteFile(dir + "/tmp/" + name, raw);
  if (geteuid() == 0 && ::chown((dir + "/tmp/" + name).c_str(), uid_, gid_) != 0) {
    throw std::runtime_error("chown " + dir + "/tmp/" + name);
  }
  std::filesystem::rename(dir + "/tmp/" + name, dir + "/new/" + name);
  // Dovecot numbers new/ files in directory order when it next looks: looking now, one
  // message at a time, makes the UIDs follow the order of delivery.
  (void)imap->Command("EXAMINE " + Quoted(folder));
  std::uint32_t uid = 0;
  for (const auto& line : imap->Command("UID SEARCH ALL")) {
    if (!line.starts_with("* SEARCH")) continue;
    std::istringstream numbers(line.substr(8));
    std::uint32_t value = 0;
    while (numbers >> value) uid = std::max(uid, value);
  }
  if (uid == 0) throw std::runtime_error("imap test server: the delivery did not show up");
  return uid;
}

std::optional<std::vector<std::string>> ImapServer::Flags(const std::string& folder,
                                                          std::uint32_t uid) {
  std::lock_guard lock(mutex_);
  const auto imap = Login(port_, username_, password_);
  if (RawImap::Status(imap->Command("EXAMINE " + Quoted(folder))) != "OK") return std::nullopt;
  const std::string wanted = "UID " + std::to_string(uid);
  for (const auto& line : imap->Command("UID FETCH " + std::to_string(uid) + " (UID FLAGS)")) {
    // Other FETCH responses (flag changes) may come along: only the one with this UID counts.
    const auto at = line.find("FLAGS (");
    const auto uid_at = line.find(wanted);
    if (!line.starts_with("* ") || at == std::string::npos || uid_at == std::string::npos ||
        std::isdigit(static_cast<unsigned char>(line[uid_at + wanted.size()])) != 0) {
      continue;
    }
    std::istringstream words(line.substr(at + 7, line.find(')', at) - at - 7));
    std::vector<std::string> flags;
    std::string word;
    while (words >> word) flags.push_back(word);
    return flags;
  }
  return std::nullopt;
}

std::optional<std::size_t> ImapServer::CountIn(const std::string& folder) {
  std::lock_guard lock(mutex_);
  const auto imap = Login(port_, username_, password_);
  const auto reply = imap->Command("STATUS " + Quoted(folder) + " (MESSAGES)");
  if (RawImap::Status(reply) != "OK") return std::nullopt;
  for (const auto& line : reply) {
    const auto at = line.find("(MESSAGES ");
    if (line.starts_with("* STATUS") && at != std::string::npos) {
      return std::stoul(line.substr(at + 10));
    }
  }
  return std::nullopt;
}

std::vector<pid_t> ImapServer::Processes(const std::string& marker) const {
  std::vector<pid_t> found;
  if (!dovecot_) return found;
  const std::string master = std::to_string(dovecot_->pid());
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm can hold spaces, so after the ")".
    const std::string stat = ReadFile(entry.path().string() + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 1));
    std::string state;
    std::string parent;
    fields >> state >> parent;
    if (parent != master) continue;
    // With verbose_proctitle: "dovecot-<instance>/imap [dossier 127.0.0.1 IDLE]".
    if (ReadFile(entry.path().string() + "/cmdline").find(marker) != std::string::npos) {
      found.push_back(static_cast<pid_t>(std::stol(entry.path().filename().string())));
    }
  }
  return found;
}

std::size_t ImapServer::IdleSessions() const { return Processes(" IDLE]").size(); }

std::size_t ImapServer::DropConnections() {
  const auto sessions = Processes("/imap [");
  for (const pid_t pid : sessions) ::kill(pid, SIGTERM);
  return sessions.size();
}

std::string ImapServer::Session(const std::vector<std::string>& commands) {
  std::lock_guard lock(mutex_);
  const auto imap = Login(port_, username_, password_);
  std::string all;
  for (const auto& command : commands) {
    for (const auto& line : imap->Command(command)) all += line + "\n";
  }
  return all;
}

std::string ImapServer::Log() const {
  return ReadFile(dir_ + "/dovecot.log") + ReadFile(dir_ + "/dovecot.out");
}

}  // namespace aantafel::testing
