// ImapMailbox against a real, private Dovecot (tests/support/imap_server): listing in UID order,
// fetching the exact bytes without \Seen, marking by keyword or by moving, wrong credentials,
// reconnecting, a changed UIDVALIDITY, and waiting with IDLE. Skipped when Dovecot is not
// installed.
//
// No assertion depends on timing: conditions are waited for with generous limits, and the
// times IDLE took are only printed.

#include "app/imap_mailbox.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/client_credentials.hpp"
#include "support/file_server.hpp"
#include "support/imap_server.hpp"
#include "support/loopback.hpp"

#ifndef AANTAFEL_SOURCE_DIR
#error "AANTAFEL_SOURCE_DIR must be defined (the source tree, for tests/fixtures/mail)"
#endif

namespace aantafel::app {
namespace {

using namespace std::chrono_literals;
using aantafel::testing::ImapServer;

std::string FixtureDir() { return std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/mail"; }

/// The fixture messages by file name, in file-name order.
std::map<std::string, std::string> Fixtures() {
  std::map<std::string, std::string> fixtures;
  for (const auto& entry : std::filesystem::directory_iterator(FixtureDir())) {
    if (entry.path().extension() != ".eml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    fixtures.emplace(entry.path().filename().string(), bytes.str());
  }
  return fixtures;
}

/// A message as compared here: line ends as LF, and NUL as 0x80. IMAP sends CRLF whatever the
/// server stored, and Dovecot turns NUL (not allowed in an IMAP literal without the BINARY
/// extension) into 0x80; kapot.eml holds both.
std::string Normalised(const std::string& raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    out += raw[i] == '\0' ? '\x80' : raw[i];
  }
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

/// Waits until `condition` holds; false when it still does not after `limit`.
template <typename Condition>
bool WaitUntil(Condition condition, std::chrono::milliseconds limit = 30s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

long long MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

class ImapMailboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ImapServer::Available()) GTEST_SKIP() << "Dovecot (/usr/sbin/dovecot) is not installed";
    server_ = std::make_unique<ImapServer>();
  }

  [[nodiscard]] ImapSettings Settings(ImapMark mark = ImapMark::kKeyword) const {
    ImapSettings settings;
    settings.url = server_->url();
    settings.require_tls = false;  // the private server speaks plain text on loopback
    settings.username = server_->username();
    settings.password = server_->password();
    settings.mark = mark;
    settings.connect_timeout_seconds = 20;
    settings.command_timeout_seconds = 30;
    return settings;
  }

  std::unique_ptr<ImapServer> server_;
};

TEST_F(ImapMailboxTest, ListsUnprocessedMessagesInUidOrder) {
  std::vector<std::uint32_t> delivered;
  for (const auto& [name, raw] : Fixtures()) delivered.push_back(server_->Deliver("INBOX", raw));
  ASSERT_EQ(delivered.size(), 6U);
  ASSERT_TRUE(std::is_sorted(delivered.begin(), delivered.end()));

  ImapMailbox mailbox(Settings());
  const ImapFolderState state = mailbox.Open();
  ASSERT_EQ(state.error, "");
  EXPECT_NE(state.uidvalidity, 0U);
  EXPECT_EQ(state.exists, 6U);
  EXPECT_EQ(state.uidnext, delivered.back() + 1);

  const ImapUidList list = mailbox.Unprocessed();
  ASSERT_EQ(list.error, "");
  EXPECT_EQ(list.uidvalidity, state.uidvalidity);
  EXPECT_EQ(list.uids, delivered);
}

TEST_F(ImapMailboxTest, FetchReturnsTheDeliveredBytesAndLeavesSeenAlone) {
  std::map<std::uint32_t, std::pair<std::string, std::string>> by_uid;
  for (const auto& [name, raw] : Fixtures()) by_uid[server_->Deliver("INBOX", raw)] = {name, raw};

  ImapMailbox mailbox(Settings());
  ASSERT_EQ(mailbox.Unprocessed().error, "");
  for (const auto& [uid, fixture] : by_uid) {
    const auto& [name, raw] = fixture;
    const ImapMessage message = mailbox.Fetch(uid);
    ASSERT_EQ(message.error, "") << name;
    EXPECT_EQ(message.uid, uid);
    EXPECT_EQ(Normalised(message.raw), Normalised(raw)) << name;
    if (raw.find('\0') == std::string::npos) {
      EXPECT_EQ(message.raw, raw) << name;  // the fixtures have CRLF already: nothing changes
    }
    ASSERT_TRUE(message.internal_date.has_value()) << name;
    const auto age = std::chrono::system_clock::now() - *message.internal_date;
    EXPECT_LT(std::chrono::abs(age), 1h) << name;  // the time of delivery, not a header's date

    const auto flags = server_->Flags("INBOX", uid);
    ASSERT_TRUE(flags.has_value()) << name;
    EXPECT_FALSE(Contains(*flags, "\\Seen")) << name;
  }
}

TEST_F(ImapMailboxTest, AMessageStoredWithLfComesBackWithCrLf) {
  const std::uint32_t uid =
      server_->Deliver("INBOX", "From: a@example.org\nSubject: lf\n\nregel een\nregel twee\n");
  ImapMailbox mailbox(Settings());
  ASSERT_EQ(mailbox.Open().error, "");
  const ImapMessage message = mailbox.Fetch(uid);
  ASSERT_EQ(message.error, "");
  EXPECT_EQ(message.raw, "From: a@example.org\r\nSubject: lf\r\n\r\nregel een\r\nregel twee\r\n");
}

TEST_F(ImapMailboxTest, FetchOfAnUnknownUidSaysNotFound) {
  server_->Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  ImapMailbox mailbox(Settings());
  ASSERT_EQ(mailbox.Open().error, "");
  const ImapMessage message = mailbox.Fetch(4242);
  EXPECT_TRUE(message.not_found);
  EXPECT_NE(message.error, "");
  EXPECT_EQ(message.raw, "");
}

TEST_F(ImapMailboxTest, AMessageOverTheLimitIsRefusedAndTheNextOneStillComes) {
  const std::string small = "From: a@example.org\r\nSubject: klein\r\n\r\nkort\r\n";
  const std::uint32_t large = server_->Deliver("INBOX", Fixtures().at("outlook-kadernota.eml"));
  const std::uint32_t fits = server_->Deliver("INBOX", small);
  ImapSettings settings = Settings();
  settings.max_message_bytes = 1000;
  ImapMailbox mailbox(settings);
  ASSERT_EQ(mailbox.Unprocessed().uids, (std::vector<std::uint32_t>{large, fits}));
  const ImapMessage refused = mailbox.Fetch(large);
  EXPECT_TRUE(refused.too_large);
  EXPECT_NE(refused.error.find("max_message_bytes"), std::string::npos) << refused.error;
  EXPECT_EQ(refused.raw, "");
  // The connection was given up in the middle of the message; the next request makes a new one.
  const ImapMessage next = mailbox.Fetch(fits);
  ASSERT_EQ(next.error, "");
  EXPECT_EQ(next.raw, small);
}

TEST_F(ImapMailboxTest, FetchAndMarkNeedAKnownUidValidity) {
  const std::uint32_t uid = server_->Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  ImapMailbox mailbox(Settings());
  EXPECT_NE(mailbox.Fetch(uid).error, "");
  EXPECT_FALSE(mailbox.MarkProcessed(uid).ok());
  EXPECT_FALSE(Contains(server_->Flags("INBOX", uid).value(), kImapFiledKeyword));
}

TEST_F(ImapMailboxTest, KeywordModeMarksAndTheMessageIsNoLongerListed) {
  const auto fixtures = Fixtures();
  const std::uint32_t first = server_->Deliver("INBOX", fixtures.at("gmail-bcc.eml"));
  const std::uint32_t second = server_->Deliver("INBOX", fixtures.at("outlook-kadernota.eml"));

  ImapMailbox mailbox(Settings(ImapMark::kKeyword));
  ASSERT_EQ(mailbox.Unprocessed().uids, (std::vector<std::uint32_t>{first, second}));
  ASSERT_EQ(mailbox.Fetch(first).error, "");
  const ImapOutcome marked = mailbox.MarkProcessed(first);
  ASSERT_TRUE(marked.ok()) << marked.error;

  const auto flags = server_->Flags("INBOX", first);
  ASSERT_TRUE(flags.has_value());
  EXPECT_TRUE(Contains(*flags, kImapFiledKeyword));
  EXPECT_FALSE(Contains(*flags, "\\Seen"));
  EXPECT_EQ(mailbox.Unprocessed().uids, std::vector<std::uint32_t>{second});

  // A repeat (after a crash between filing and marking) is harmless.
  EXPECT_TRUE(mailbox.MarkProcessed(first).ok());
  // Nothing was deleted, and the keyword is kept by the server, not by this connection.
  EXPECT_EQ(server_->CountIn("INBOX"), 2U);
  ImapMailbox again(Settings(ImapMark::kKeyword));
  EXPECT_EQ(again.Unprocessed().uids, std::vector<std::uint32_t>{second});
}

TEST_F(ImapMailboxTest, MoveModeMovesIntoTheProcessedFolderMadeWhenMissing) {
  const auto fixtures = Fixtures();
  const std::uint32_t first = server_->Deliver("INBOX", fixtures.at("gmail-bcc.eml"));
  const std::uint32_t second = server_->Deliver("INBOX", fixtures.at("outlook-uitnodiging.eml"));
  ASSERT_EQ(server_->CountIn("Aantafel/Verwerkt"), std::nullopt);

  ImapMailbox mailbox(Settings(ImapMark::kMove));
  ASSERT_EQ(mailbox.Open().error, "");
  ASSERT_EQ(mailbox.Unprocessed().uids, (std::vector<std::uint32_t>{first, second}));
  const ImapOutcome moved = mailbox.MarkProcessed(first);
  ASSERT_TRUE(moved.ok()) << moved.error;
  EXPECT_EQ(server_->CountIn("INBOX"), 1U);
  EXPECT_EQ(server_->CountIn("Aantafel/Verwerkt"), 1U);
  EXPECT_EQ(mailbox.Unprocessed().uids, std::vector<std::uint32_t>{second});

  // Moving a message that was moved already (a repeat after a crash) succeeds.
  EXPECT_TRUE(mailbox.MarkProcessed(first).ok());
  ASSERT_TRUE(mailbox.MarkProcessed(second).ok());
  EXPECT_EQ(server_->CountIn("INBOX"), 0U);
  EXPECT_EQ(server_->CountIn("Aantafel/Verwerkt"), 2U);
  // Subscribed, so people see it in their mail program.
  EXPECT_NE(server_->Session({R"(LSUB "" "*")"}).find("Aantafel/Verwerkt"), std::string::npos);

  // Nothing lost on the way: both are in the processed folder, byte for byte, still unread.
  ImapSettings processed = Settings(ImapMark::kKeyword);
  processed.folder = "Aantafel/Verwerkt";
  ImapMailbox archive(processed);
  const ImapUidList list = archive.Unprocessed();
  ASSERT_EQ(list.error, "");
  ASSERT_EQ(list.uids.size(), 2U);
  EXPECT_EQ(archive.Fetch(list.uids[0]).raw, fixtures.at("gmail-bcc.eml"));
  EXPECT_EQ(archive.Fetch(list.uids[1]).raw, fixtures.at("outlook-uitnodiging.eml"));
  EXPECT_FALSE(Contains(server_->Flags("Aantafel/Verwerkt", list.uids[0]).value(), "\\Seen"));
}

TEST_F(ImapMailboxTest, WrongPasswordGivesAClearError) {
  server_->Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  ImapSettings settings = Settings();
  settings.password = "niet-het-wachtwoord";
  ImapMailbox mailbox(settings);
  const ImapFolderState state = mailbox.Open();
  EXPECT_NE(state.error.find("refused the login"), std::string::npos) << state.error;
  EXPECT_NE(mailbox.Unprocessed().error, "");
  const ImapWaitResult wait = mailbox.WaitForNews(5s);
  EXPECT_EQ(wait.outcome, ImapWaitOutcome::kFailed);
  EXPECT_NE(wait.error.find("refused the login"), std::string::npos) << wait.error;
}

TEST_F(ImapMailboxTest, RequiredTlsIsNeverGivenUp) {
  // The private server offers no STARTTLS: the login must not go out in plain text.
  ImapSettings settings = Settings();
  settings.require_tls = true;
  ImapMailbox mailbox(settings);
  const ImapFolderState state = mailbox.Open();
  EXPECT_NE(state.error.find("STARTTLS"), std::string::npos) << state.error;
}

TEST_F(ImapMailboxTest, NoServerGivesAnError) {
  std::uint16_t port = 0;
  close(aantafel::testing::ListenOnLoopback(port));  // a port nobody listens on
  ImapSettings settings = Settings();
  settings.url = "imap://127.0.0.1:" + std::to_string(port);
  ImapMailbox mailbox(settings);
  EXPECT_NE(mailbox.Open().error, "");
  EXPECT_EQ(mailbox.WaitForNews(5s).outcome, ImapWaitOutcome::kFailed);
}

TEST_F(ImapMailboxTest, ReconnectsWhenTheServerDroppedTheConnection) {
  const std::uint32_t first = server_->Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  ImapMailbox mailbox(Settings());
  ASSERT_EQ(mailbox.Unprocessed().uids, std::vector<std::uint32_t>{first});
  ASSERT_EQ(server_->DropConnections(), 1U);
  ASSERT_TRUE(WaitUntil([&] { return server_->DropConnections() == 0; }));

  const std::uint32_t second = server_->Deliver("INBOX", Fixtures().at("outlook-kadernota.eml"));
  const ImapUidList list = mailbox.Unprocessed();
  ASSERT_EQ(list.error, "");
  EXPECT_EQ(list.uids, (std::vector<std::uint32_t>{first, second}));
  EXPECT_EQ(mailbox.Fetch(second).raw, Fixtures().at("outlook-kadernota.eml"));
}

TEST_F(ImapMailboxTest, AChangedUidValidityVoidsTheUids) {
  const std::uint32_t old_uid = server_->Deliver("Dossier", Fixtures().at("gmail-bcc.eml"));
  ImapSettings settings = Settings();
  settings.folder = "Dossier";
  ImapMailbox mailbox(settings);
  const ImapUidList before = mailbox.Unprocessed();
  ASSERT_EQ(before.uids, std::vector<std::uint32_t>{old_uid});

  // The folder is deleted and made again: the same UIDs now name other messages.
  server_->Session({"DELETE Dossier", "CREATE Dossier"});
  const std::uint32_t new_uid = server_->Deliver("Dossier", Fixtures().at("outlook-kadernota.eml"));
  const ImapMessage stale = mailbox.Fetch(new_uid);
  EXPECT_NE(stale.error.find("UIDVALIDITY"), std::string::npos) << stale.error;
  EXPECT_EQ(stale.raw, "");
  const ImapOutcome mark = mailbox.MarkProcessed(new_uid);
  EXPECT_TRUE(mark.uidvalidity_changed) << mark.error;
  EXPECT_FALSE(Contains(server_->Flags("Dossier", new_uid).value(), kImapFiledKeyword));

  const ImapUidList after = mailbox.Unprocessed();
  ASSERT_EQ(after.error, "");
  EXPECT_NE(after.uidvalidity, before.uidvalidity);
  EXPECT_EQ(after.uids, std::vector<std::uint32_t>{new_uid});
  EXPECT_EQ(mailbox.Fetch(new_uid).raw, Fixtures().at("outlook-kadernota.eml"));
}

TEST_F(ImapMailboxTest, WaitForNewsReturnsWhenMailArrivesDuringIdle) {
  ImapMailbox mailbox(Settings());
  // No Unprocessed() first, so only an EXISTS during IDLE can end this wait early.
  auto waiting = std::async(std::launch::async, [&] { return mailbox.WaitForNews(120s); });
  ASSERT_TRUE(WaitUntil([&] { return server_->IdleSessions() == 1; })) << server_->Log();
  const auto delivered = std::chrono::steady_clock::now();
  server_->Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  ASSERT_EQ(waiting.wait_for(60s), std::future_status::ready);
  const ImapWaitResult result = waiting.get();
  EXPECT_EQ(result.outcome, ImapWaitOutcome::kNews) << result.error;
  std::cout << "[ info ] IDLE reported the delivery after " << MillisSince(delivered) << " ms\n";
  EXPECT_TRUE(WaitUntil([&] { return server_->IdleSessions() == 0; }));
}

TEST_F(ImapMailboxTest, WaitForNewsReportsMailThatCameAfterTheLastListing) {
  ImapMailbox mailbox(Settings());
  ASSERT_EQ(mailbox.Unprocessed().uids, std::vector<std::uint32_t>{});
  server_->Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  auto waiting = std::async(std::launch::async, [&] { return mailbox.WaitForNews(120s); });
  ASSERT_EQ(waiting.wait_for(60s), std::future_status::ready);
  EXPECT_EQ(waiting.get().outcome, ImapWaitOutcome::kNews);
  EXPECT_EQ(mailbox.Unprocessed().uids.size(), 1U);
}

TEST_F(ImapMailboxTest, WaitForNewsTimesOutWhenNothingArrives) {
  ImapMailbox mailbox(Settings());
  ASSERT_EQ(mailbox.Unprocessed().error, "");
  const ImapWaitResult result = mailbox.WaitForNews(2s);
  EXPECT_EQ(result.outcome, ImapWaitOutcome::kTimeout) << result.error;
}

TEST_F(ImapMailboxTest, TheStopFunctionEndsAWait) {
  ImapMailbox mailbox(Settings());
  std::atomic<bool> stop{false};
  auto waiting = std::async(std::launch::async,
                            [&] { return mailbox.WaitForNews(600s, [&] { return stop.load(); }); });
  ASSERT_TRUE(WaitUntil([&] { return server_->IdleSessions() == 1; })) << server_->Log();
  const auto stopped = std::chrono::steady_clock::now();
  stop = true;
  ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(waiting.get().outcome, ImapWaitOutcome::kStopped);
  std::cout << "[ info ] the wait ended " << MillisSince(stopped) << " ms after the stop\n";
  // The IDLE connection is closed, not left behind.
  EXPECT_TRUE(WaitUntil([&] { return server_->IdleSessions() == 0; }));
}

TEST(ImapMailboxStop, TheStopFunctionAlsoEndsAConnectionThatHangs) {
  // A server that accepts the connection and never greets: curl would wait for the timeout.
  std::uint16_t port = 0;
  const int silent = aantafel::testing::ListenOnLoopback(port);
  ImapSettings settings;
  settings.url = "imap://127.0.0.1:" + std::to_string(port);
  settings.require_tls = false;
  settings.username = "dossier";
  settings.password = "geheim";
  settings.connect_timeout_seconds = 300;
  ImapMailbox mailbox(settings);
  std::atomic<bool> stop{false};
  auto waiting = std::async(std::launch::async,
                            [&] { return mailbox.WaitForNews(600s, [&] { return stop.load(); }); });
  EXPECT_EQ(waiting.wait_for(300ms), std::future_status::timeout);  // still connecting
  const auto stopped = std::chrono::steady_clock::now();
  stop = true;
  ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(waiting.get().outcome, ImapWaitOutcome::kStopped);
  std::cout << "[ info ] connecting ended " << MillisSince(stopped) << " ms after the stop\n";
  close(silent);
}

TEST(ImapMailboxSettings, MistakesAreErrorsNotExceptions) {
  const auto error_of = [](const ImapSettings& settings) {
    return ImapMailbox(settings).Open().error;
  };
  ImapSettings good;
  good.url = "imaps://imap.example.org:993";
  good.username = "dossier@example.org";
  good.password = "geheim";

  ImapSettings s = good;
  s.url = "https://imap.example.org";
  EXPECT_NE(error_of(s), "");
  s = good;
  s.url = "imap://user:pw@imap.example.org";
  EXPECT_NE(error_of(s), "");
  s = good;
  s.url = "imaps://imap.example.org/INBOX";
  EXPECT_NE(error_of(s), "");
  s = good;
  s.oauth2_bearer = "token";  // and a password
  EXPECT_NE(error_of(s), "");
  s = good;
  s.folder = "Ingang\r\nA1 DELETE INBOX";
  EXPECT_NE(error_of(s), "");
  s = good;
  s.folder = "Ingekomen één";
  EXPECT_NE(error_of(s), "");
  s = good;
  s.mark = ImapMark::kMove;
  s.processed_folder = "inbox";
  EXPECT_NE(error_of(s), "");
  EXPECT_EQ(ImapMailbox(s).WaitForNews(1s).outcome, ImapWaitOutcome::kFailed);
}

class ImapMailboxOtherServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ImapServer::Available()) GTEST_SKIP() << "Dovecot (/usr/sbin/dovecot) is not installed";
  }
  static ImapSettings SettingsFor(const ImapServer& server, ImapMark mark) {
    ImapSettings settings;
    settings.url = server.url();
    settings.require_tls = false;
    settings.username = server.username();
    settings.password = server.password();
    settings.mark = mark;
    return settings;
  }
};

TEST_F(ImapMailboxOtherServerTest, FolderNamesFollowTheServersNamespace) {
  // As on Cyrus and Courier: "." between levels, and every folder under "INBOX.".
  ImapServer::Options options;
  options.separator = ".";
  options.prefix = "INBOX.";
  ImapServer server(options);
  const std::uint32_t uid = server.Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));
  ImapMailbox mailbox(SettingsFor(server, ImapMark::kMove));
  ASSERT_EQ(mailbox.Unprocessed().uids, std::vector<std::uint32_t>{uid});
  const ImapOutcome moved = mailbox.MarkProcessed(uid);
  ASSERT_TRUE(moved.ok()) << moved.error;
  EXPECT_EQ(server.CountIn("INBOX.Aantafel.Verwerkt"), 1U);
  EXPECT_EQ(server.CountIn("INBOX"), 0U);
}

TEST_F(ImapMailboxOtherServerTest, LogsInWithATokenFromTheClientCredentialsGrant) {
  // Microsoft Entra ID's token endpoint and the token check, as they answer.
  aantafel::testing::FileServer entra;
  aantafel::testing::FileServer::File token;
  token.body = R"({"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,)"
               R"("access_token":"eyJ0eXAiOiJKV1QiLCJub25jZSI6ImFwcC10b2tlbiJ9.e30.c2ln"})";
  token.content_type = "application/json; charset=utf-8";
  entra.Serve("/tenant/oauth2/v2.0/token", token);
  aantafel::testing::FileServer::File me;
  me.body = R"({"email":"dossier"})";
  me.content_type = "application/json";
  entra.Serve("/me", me);
  ImapServer::Options options;
  options.oauth2_url = entra.Url("/me");
  ImapServer server(options);
  const std::uint32_t uid = server.Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));

  auto now = std::chrono::steady_clock::now();
  ClientCredentialsToken source({.token_url = entra.Url("/tenant/oauth2/v2.0/token"),
                                 .client_id = "11111111-2222-3333-4444-555555555555",
                                 .client_secret = "geheim~met+tekens&meer",
                                 .scope = "https://outlook.office365.com/.default"},
                                [&] { return now; });
  ImapSettings settings = SettingsFor(server, ImapMark::kKeyword);
  settings.password.clear();
  settings.oauth2_token = [&] {
    const AccessToken got = source.Get();
    return ImapToken{.token = got.token, .error = got.error};
  };
  ImapMailbox mailbox(settings);
  const ImapUidList list = mailbox.Unprocessed();
  ASSERT_EQ(list.error, "") << server.Log();
  EXPECT_EQ(list.uids, std::vector<std::uint32_t>{uid});

  auto asked = [&] {
    std::vector<aantafel::testing::FileServer::Request> out;
    for (auto& r : entra.requests()) {
      if (r.path.ends_with("/token")) out.push_back(r);
    }
    return out;
  };
  ASSERT_EQ(asked().size(), 1U);
  const auto request = asked().front();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.body,
            "grant_type=client_credentials&client_id=11111111-2222-3333-4444-555555555555"
            "&client_secret=geheim~met%2Btekens%26meer"
            "&scope=https%3A%2F%2Foutlook.office365.com%2F.default");
  for (const auto& r : entra.requests()) {
    if (r.path == "/me") {
      EXPECT_EQ(r.headers.at("authorization"),
                "Bearer eyJ0eXAiOiJKV1QiLCJub25jZSI6ImFwcC10b2tlbiJ9.e30.c2ln");
    }
  }
  // Kept while it is valid for five more minutes; then a new one.
  ImapMailbox second(settings);
  ASSERT_TRUE(second.Open().error.empty());
  EXPECT_EQ(asked().size(), 1U);
  now += std::chrono::seconds(3599 - 5 * 60);
  ImapMailbox third(settings);
  ASSERT_TRUE(third.Open().error.empty());
  EXPECT_EQ(asked().size(), 2U);

  // A wrong secret: Entra ID's error in the message, no login tried.
  aantafel::testing::FileServer::File refused;
  refused.status = 401;
  refused.content_type = "application/json; charset=utf-8";
  refused.body = R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client )"
                 R"(secret provided.","error_codes":[7000215]})";
  entra.Serve("/tenant/oauth2/v2.0/token", refused);
  now += std::chrono::hours(2);
  ImapMailbox wrong(settings);
  const ImapFolderState state = wrong.Open();
  EXPECT_NE(state.error.find("no OAuth 2 token"), std::string::npos) << state.error;
  EXPECT_NE(state.error.find("invalid_client (AADSTS7000215"), std::string::npos) << state.error;
  EXPECT_EQ(state.error.find("geheim"), std::string::npos);
}

TEST_F(ImapMailboxOtherServerTest, LogsInWithAnOAuth2Token) {
  aantafel::testing::FileServer identity;  // the token check, as Microsoft's would answer it
  aantafel::testing::FileServer::File known;
  known.body = R"({"email":"dossier"})";
  known.content_type = "application/json";
  identity.Serve("/me", known);
  ImapServer::Options options;
  options.oauth2_url = identity.Url("/me");
  ImapServer server(options);
  const std::uint32_t uid = server.Deliver("INBOX", Fixtures().at("gmail-bcc.eml"));

  ImapSettings settings = SettingsFor(server, ImapMark::kKeyword);
  settings.password.clear();
  settings.oauth2_bearer = "toegangs-token";
  ImapMailbox mailbox(settings);
  const ImapUidList list = mailbox.Unprocessed();
  ASSERT_EQ(list.error, "") << server.Log();
  EXPECT_EQ(list.uids, std::vector<std::uint32_t>{uid});
  EXPECT_EQ(mailbox.WaitForNews(1s).outcome, ImapWaitOutcome::kTimeout);
  const auto requests = identity.requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.front().headers.at("authorization"), "Bearer toegangs-token");
  EXPECT_NE(server.Log().find("method=XOAUTH2"), std::string::npos);

  // An expired or revoked token: a clear error, as for a wrong password.
  aantafel::testing::FileServer::File unknown = known;
  unknown.body = R"({"error":"invalid_token"})";
  unknown.status = 401;
  identity.Serve("/me", unknown);
  ImapMailbox refused(settings);
  const ImapFolderState state = refused.Open();
  EXPECT_NE(state.error.find("refused the login"), std::string::npos) << state.error;
}

TEST_F(ImapMailboxOtherServerTest, WithoutIdleTheCallerIsToldToPoll) {
  ImapServer::Options options;
  options.idle = false;
  ImapServer server(options);
  ImapMailbox mailbox(SettingsFor(server, ImapMark::kKeyword));
  ASSERT_EQ(mailbox.Unprocessed().error, "");
  EXPECT_EQ(mailbox.WaitForNews(60s).outcome, ImapWaitOutcome::kNoIdle);
}

}  // namespace
}  // namespace aantafel::app
