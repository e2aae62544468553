// Raadsinformatie under SIGKILL: `aantafel council sync` (the real binary) is killed at seeded
// random moments while it pages through a council's snapshot and change feed, served slowly by a
// local HTTP server, and started again. At the end the stored copy must be exactly what one
// uninterrupted sync gives: every record applied once, deletions applied, the position at the
// end of the feed, the database intact. SQLite (the file is inspected directly).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/file_server.hpp"
#include "support/process_child.hpp"
#include "support/response_contract.hpp"

#ifndef AANTAFEL_BINARY
#error "AANTAFEL_BINARY must be defined (path of the aantafel executable)"
#endif

namespace aantafel::testing {
namespace {

// Thousands of requests to a child process that is killed on purpose: the response contract is
// checked by the HTTP suites, not here (it would triple this program's run time under ASan).
[[maybe_unused]] const bool kNoContract = (DisableResponseContract(), true);

using namespace std::chrono_literals;

constexpr int kDocuments = 30;  // snapshot: one document per page
constexpr int kChanges = 10;    // then: 5 deletions and 5 new versions, one per page

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/openbesluitvorming/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string DocumentId(int n) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "document:notubiz:gemeente:soest:%05d", n);
  return buffer;
}

std::string Upsert(int seq, int n, const std::string& name) {
  return R"({"seq":)" + std::to_string(seq) +
         R"(,"op":"upsert","time":"2026-11-10T02:00:00.000Z","entity_id":")" + DocumentId(n) +
         R"(","entity_type":"Document","source_key":"soest","supplier":"notubiz","commit_id":"commit:)" +
         DocumentId(n) +
         R"(:0123456789ab","content_hash":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","schema_version":"v1alpha1","payload":{"type":"Document","name":")" +
         name +
         R"(","classification":["Raadsvoorstel"],"original_url":"https://api.notubiz.nl/document/)" +
         std::to_string(n) +
         R"(/1","content_type":"application/pdf","is_referenced_by":"meeting:notubiz:gemeente:soest:830424","media_urls":[]}})"
         "\n";
}

std::string Delete(int seq, int n) {
  return R"({"seq":)" + std::to_string(seq) +
         R"(,"op":"delete","time":"2026-11-12T08:00:00.000Z","entity_id":")" + DocumentId(n) +
         R"(","entity_type":"Document","source_key":"soest","supplier":"notubiz"})"
         "\n";
}

FileServer::File Page(std::string body, std::string next, bool more,
                      std::optional<std::string> changes = std::nullopt) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"x-next-cursor", std::move(next)}, {"x-has-more", more ? "true" : "false"}};
  if (changes) headers.emplace_back("x-changes-cursor", *changes);
  return {.body = std::move(body),
          .content_type = "application/x-ndjson; charset=utf-8",
          .headers = std::move(headers),
          .delay = 25ms};
}

std::string Escaped(const std::string& id) {
  std::string out;
  for (char c : id) out += c == ':' ? std::string("%3A") : std::string(1, c);
  return out;
}

/// The council as it is published: 30 documents, then 5 deleted and 5 renamed.
void ServeFeed(FileServer& files) {
  files.Serve("/api/status", {.body = Fixture("status.json"), .content_type = "application/json"});
  const std::string snapshot = "/api/export/snapshot?source=soest&limit=1";
  for (int n = 0; n < kDocuments; ++n) {
    const std::string path = n == 0 ? snapshot : snapshot + "&cursor=" + Escaped(DocumentId(n - 1));
    files.Serve(path, Page(Upsert(n, n, "Stuk " + std::to_string(n)), DocumentId(n),
                           n + 1 < kDocuments, std::to_string(kDocuments)));
  }
  for (int i = 0; i < kChanges; ++i) {
    const int seq = kDocuments + i;
    const std::string body =
        i < 5 ? Delete(seq, i) : Upsert(seq, i, "Stuk " + std::to_string(i) + " (nieuw)");
    files.Serve("/api/export/changes?source=soest&limit=1&cursor=" + std::to_string(seq),
                Page(body, std::to_string(seq + 1), i + 1 < kChanges));
  }
  files.Serve(
      "/api/export/changes?source=soest&limit=1&cursor=" + std::to_string(kDocuments + kChanges),
      Page("", std::to_string(kDocuments + kChanges), false));
}

class Sqlite {
 public:
  explicit Sqlite(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path);
    }
  }
  ~Sqlite() { sqlite3_close(db_); }
  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    std::vector<std::vector<std::string>> rows;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db_));
    }
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* text = sqlite3_column_text(statement, i);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    return rows;
  }
  std::string One(const std::string& sql) { return Rows(sql).at(0).at(0); }
  void Execute(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db_));
    }
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST(CouncilDurability, ASyncKilledAtRandomMomentsEndsWithTheSameCopyAsOneUninterruptedSync) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("aantafel_council_kill_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "aantafel.db").string();
  FileServer files;
  ServeFeed(files);
  std::string base = files.Url("");
  const auto env = ChildEnvironment(
      {{"AANTAFEL_SECURITY_DATA_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"},
       {"AANTAFEL_COUNCIL_URL", base},
       {"AANTAFEL_COUNCIL_PAGE_SIZE", "1"},
       {"AANTAFEL_COUNCIL_REQUESTS_PER_MINUTE", "60"}});
  const std::string bin = AANTAFEL_BINARY;
  ASSERT_TRUE(
      RunCommand({bin, "--database", "sqlite:" + db, "demo"}, env, "", dir.string()).Succeeded());
  {
    Sqlite sqlite(db);
    sqlite.Execute(
        "INSERT INTO council_follows (workspace_id, source_key, municipality_code, followed_at) "
        "SELECT id, 'soest', 'GM0342', 0 FROM workspaces ORDER BY id LIMIT 1");
  }
  std::mt19937 random(20261206);  // seeded: the same moments every run
  std::uniform_int_distribution<int> moment(50, 1200);
  int killed = 0;
  int stopped_midway = 0;
  for (int round = 0; round < 6; ++round) {
    auto feed_requests = [&files] {
      std::size_t n = 0;
      for (const auto& r : files.requests()) n += r.path.starts_with("/api/export/") ? 1 : 0;
      return n;
    };
    const std::size_t asked_before = feed_requests();
    ChildProcess child({bin, "--database", "sqlite:" + db, "council", "sync", "--force"}, env, "",
                       (dir / "sync.log").string(), (dir / "sync.log").string());
    // The random moment counts from the sync's first page, not from the process start: on a
    // busy machine a debug build can take longer to start than the whole range.
    const auto started = std::chrono::steady_clock::now();
    while (child.Running() && feed_requests() == asked_before &&
           std::chrono::steady_clock::now() - started < std::chrono::seconds(60)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(moment(random)));
    if (child.Running()) {
      child.Signal(SIGKILL);
      ++killed;
    }
    child.Wait();
    Sqlite sqlite(db);
    const auto rows = sqlite.Rows("SELECT snapshot_done, changes_cursor FROM council_syncs");
    if (!rows.empty() &&
        (rows[0][0] == "0" || rows[0][1] != std::to_string(kDocuments + kChanges))) {
      ++stopped_midway;  // a partial copy with its position: the next round resumes from it
    }
  }
  EXPECT_GE(killed, 3) << "most rounds must be cut off for this test to mean anything";
  EXPECT_GE(stopped_midway, 2) << "kills must land while pages are being stored";
  // Then to the end without interruption (a round pages at most 50 times: once is enough).
  const auto last = RunCommand({bin, "--database", "sqlite:" + db, "council", "sync", "--force"},
                               env, "", dir.string());
  ASSERT_TRUE(last.Succeeded()) << last.out << last.err;

  Sqlite sqlite(db);
  EXPECT_EQ(sqlite.One("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sqlite.One("SELECT COUNT(*) FROM council_documents"), std::to_string(kDocuments - 5));
  EXPECT_EQ(sqlite.One("SELECT COUNT(*) FROM council_entities"), std::to_string(kDocuments))
      << "each entity once, deletions kept as markers";
  EXPECT_EQ(sqlite.One("SELECT COUNT(*) FROM council_entities WHERE deleted = 1"), "5");
  EXPECT_EQ(sqlite.One("SELECT COUNT(*) FROM council_documents WHERE name LIKE '%(nieuw)'"), "5");
  EXPECT_EQ(sqlite.One("SELECT MAX(seq) FROM council_entities"),
            std::to_string(kDocuments + kChanges - 1));
  const auto sync = sqlite.Rows(
      "SELECT snapshot_done, changes_cursor, failures, skipped_lines FROM council_syncs");
  ASSERT_EQ(sync.size(), 1U);
  EXPECT_EQ(sync[0],
            (std::vector<std::string>{"1", std::to_string(kDocuments + kChanges), "0", "0"}));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aantafel::testing
