// SQLite helper for bench/feedback.sh (not part of aantafel). Subcommands:
//
//   feedback_floor insert DB SECONDS [rollup]
//       The floor for survey submissions: one thread inserts rows shaped like feedback_responses
//       into a fresh table in DB, one transaction per row, with journal_mode=WAL and
//       synchronous=FULL (what aantafel uses), for SECONDS. With "rollup" each transaction also
//       upserts a feedback_daily-shaped row, as aantafel's submission transaction does.
//       Prints: RESULT <inserts/s> <p50 ms> <p99 ms> <count>
//
//   feedback_floor load DB WORKSPACE_ID N DAYS SEED
//       Adds N responses to the (migrated) aantafel database DB, spread evenly over the DAYS days
//       that end now, over the workspace's surveys and 5 channels, with seeded pseudo-random
//       scores and answers; the feedback_daily roll-up is then rebuilt from feedback_responses
//       with one INSERT ... SELECT ... GROUP BY, so it matches the responses exactly. The load
//       runs with synchronous=OFF and journal_mode=OFF in one transaction; WAL and
//       synchronous=FULL are restored afterwards. Prints: RESULT <seconds load> <seconds roll-up>
//
//   feedback_floor query DB WORKSPACE_ID FROM_DAY TO_DAY RUNS naive|rollup
//       Times the NPS-by-month counts for days FROM_DAY..TO_DAY: "naive" scans
//       feedback_responses (what the roll-up avoids), "rollup" reads feedback_daily with the
//       server's query shape. Prints: RESULT <p50 ms> <p99 ms> <first ms> <promoters>
//       <passives> <detractors>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void Fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "feedback_floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  std::exit(1);
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "feedback_floor: %s: %s\n", sql.c_str(), error ? error : "");
    sqlite3_free(error);
    std::exit(1);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Fail(db, sql.c_str());
  return stmt;
}

void Step(sqlite3* db, sqlite3_stmt* stmt) {
  int rc = sqlite3_step(stmt);
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) Fail(db, "step");
  sqlite3_reset(stmt);
}

sqlite3* Open(const char* path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path, &db) != SQLITE_OK) Fail(db, "open");
  sqlite3_busy_timeout(db, 5000);
  return db;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Local day as aantafel stores it (days since 1970-01-01 in Europe/Amsterdam); CET is close
// enough for generated data, and the roll-up is built from the same column.
std::int64_t DayOf(std::int64_t millis) { return (millis + 3600000) / 86400000; }

constexpr std::array<const char*, 5> kChannels = {"link", "qr", "sms", "email", "tablet"};
constexpr std::array<const char*, 8> kWhy = {
    "",
    "",
    "Snel geholpen en vriendelijk te woord gestaan.",
    "Het duurde lang voordat ik iets hoorde.",
    "Goed uitgelegd wat de volgende stappen zijn.",
    "Ik moest mijn verhaal drie keer vertellen.",
    "Prima.",
    "De afspraak werd verzet zonder bericht.",
};

int Insert(const char* path, double seconds, bool rollup) {
  sqlite3* db = Open(path);
  Exec(db, "PRAGMA journal_mode=WAL");
  Exec(db, "PRAGMA synchronous=FULL");
  Exec(db, "PRAGMA foreign_keys=ON");
  Exec(db,
       "CREATE TABLE IF NOT EXISTS floor_responses (id INTEGER PRIMARY KEY, workspace_id INTEGER "
       "NOT NULL, survey_id INTEGER NOT NULL, invitation_id INTEGER, score INTEGER NOT NULL CHECK "
       "(score BETWEEN 0 AND 10), why TEXT NOT NULL DEFAULT '', better TEXT NOT NULL DEFAULT '', "
       "callback INTEGER NOT NULL DEFAULT 0, phone_sealed TEXT, channel TEXT NOT NULL, language "
       "TEXT NOT NULL DEFAULT 'nl', themes TEXT NOT NULL DEFAULT '', day INTEGER NOT NULL, "
       "received_at INTEGER NOT NULL, UNIQUE (workspace_id, id))");
  Exec(db,
       "CREATE INDEX IF NOT EXISTS floor_responses_workspace ON floor_responses(workspace_id, "
       "received_at)");
  Exec(db,
       "CREATE TABLE IF NOT EXISTS floor_daily (workspace_id INTEGER NOT NULL, survey_id INTEGER "
       "NOT NULL, day INTEGER NOT NULL, channel TEXT NOT NULL, promoters INTEGER NOT NULL DEFAULT "
       "0, passives INTEGER NOT NULL DEFAULT 0, detractors INTEGER NOT NULL DEFAULT 0, PRIMARY KEY "
       "(workspace_id, survey_id, day, channel))");
  sqlite3_stmt* begin = Prepare(db, "BEGIN IMMEDIATE");
  sqlite3_stmt* commit = Prepare(db, "COMMIT");
  sqlite3_stmt* insert = Prepare(
      db,
      "INSERT INTO floor_responses (workspace_id, survey_id, invitation_id, score, why, better, "
      "callback, phone_sealed, channel, language, themes, day, received_at) VALUES (?1, ?2, NULL, "
      "?3, ?4, '', 0, NULL, ?5, 'nl', '', ?6, ?7) RETURNING id");
  sqlite3_stmt* upsert = Prepare(
      db,
      "INSERT INTO floor_daily (workspace_id, survey_id, day, channel, promoters, passives, "
      "detractors) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (workspace_id, survey_id, day, "
      "channel) DO UPDATE SET promoters = floor_daily.promoters + excluded.promoters, passives = "
      "floor_daily.passives + excluded.passives, detractors = floor_daily.detractors + "
      "excluded.detractors");
  std::vector<double> latencies;
  latencies.reserve(1 << 16);
  const auto start = Clock::now();
  const auto stop =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::int64_t n = 0;
  auto now = start;
  while (now < stop) {
    const int score = static_cast<int>(n % 11);
    const std::int64_t at = NowMillis();
    Step(db, begin);
    sqlite3_bind_int64(insert, 1, 1);
    sqlite3_bind_int64(insert, 2, 1);
    sqlite3_bind_int(insert, 3, score);
    sqlite3_bind_text(insert, 4, "Snel geholpen, dank je wel.", -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 5, "link", -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert, 6, DayOf(at));
    sqlite3_bind_int64(insert, 7, at);
    Step(db, insert);
    if (rollup) {
      sqlite3_bind_int64(upsert, 1, 1);
      sqlite3_bind_int64(upsert, 2, DayOf(at));
      sqlite3_bind_text(upsert, 3, "link", -1, SQLITE_STATIC);
      sqlite3_bind_int(upsert, 4, score >= 9);
      sqlite3_bind_int(upsert, 5, score == 7 || score == 8);
      sqlite3_bind_int(upsert, 6, score <= 6);
      Step(db, upsert);
    }
    Step(db, commit);
    const auto after = Clock::now();
    latencies.push_back(Ms(after - now));
    now = after;
    ++n;
  }
  const double elapsed = std::chrono::duration<double>(now - start).count();
  std::printf("RESULT %.0f %.3f %.3f %lld\n", static_cast<double>(n) / elapsed,
              Percentile(latencies, 50), Percentile(latencies, 99), static_cast<long long>(n));
  for (sqlite3_stmt* s : {begin, commit, insert, upsert}) sqlite3_finalize(s);
  sqlite3_close(db);
  return 0;
}

int Load(const char* path, std::int64_t ws, std::int64_t n, std::int64_t days, unsigned seed) {
  sqlite3* db = Open(path);
  std::vector<std::int64_t> surveys;
  {
    sqlite3_stmt* s =
        Prepare(db, "SELECT id FROM feedback_surveys WHERE workspace_id = ?1 ORDER BY id");
    sqlite3_bind_int64(s, 1, ws);
    while (sqlite3_step(s) == SQLITE_ROW) surveys.push_back(sqlite3_column_int64(s, 0));
    sqlite3_finalize(s);
  }
  if (surveys.empty()) Fail(db, "the workspace has no surveys");
  const auto t0 = Clock::now();
  Exec(db, "PRAGMA journal_mode=OFF");
  Exec(db, "PRAGMA synchronous=OFF");
  Exec(db, "PRAGMA cache_size=-1048576");
  Exec(db, "PRAGMA temp_store=MEMORY");
  Exec(db, "BEGIN");
  sqlite3_stmt* insert = Prepare(
      db,
      "INSERT INTO feedback_responses (workspace_id, survey_id, invitation_id, score, why, better, "
      "callback, phone_sealed, channel, language, themes, day, received_at) VALUES (?1, ?2, NULL, "
      "?3, ?4, '', 0, NULL, ?5, 'nl', '', ?6, ?7)");
  std::mt19937_64 rng(seed);
  // Scores skewed towards the top, as NPS answers usually are.
  std::discrete_distribution<int> score_of({3, 1, 1, 2, 2, 4, 5, 10, 18, 24, 30});
  std::uniform_int_distribution<std::size_t> survey_of(0, surveys.size() - 1);
  std::uniform_int_distribution<std::size_t> channel_of(0, kChannels.size() - 1);
  std::uniform_int_distribution<std::size_t> why_of(0, kWhy.size() - 1);
  const std::int64_t end = NowMillis();
  const std::int64_t begin = end - days * 86400000;
  const double step = static_cast<double>(end - begin) / static_cast<double>(n);
  sqlite3_bind_int64(insert, 1, ws);
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t at = begin + static_cast<std::int64_t>(static_cast<double>(i) * step);
    sqlite3_bind_int64(insert, 2, surveys[survey_of(rng)]);
    sqlite3_bind_int(insert, 3, score_of(rng));
    sqlite3_bind_text(insert, 4, kWhy[why_of(rng)], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 5, kChannels[channel_of(rng)], -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert, 6, DayOf(at));
    sqlite3_bind_int64(insert, 7, at);
    if (sqlite3_step(insert) != SQLITE_DONE) Fail(db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  Exec(db, "COMMIT");
  const auto t1 = Clock::now();
  Exec(db, "BEGIN");
  Exec(db, "DELETE FROM feedback_daily WHERE workspace_id = " + std::to_string(ws));
  Exec(db,
       "INSERT INTO feedback_daily (workspace_id, survey_id, day, channel, promoters, passives, "
       "detractors) SELECT workspace_id, survey_id, day, channel, SUM(score >= 9), SUM(score "
       "BETWEEN 7 AND 8), SUM(score <= 6) FROM feedback_responses WHERE workspace_id = " +
           std::to_string(ws) + " GROUP BY workspace_id, survey_id, day, channel");
  Exec(db, "COMMIT");
  Exec(db, "ANALYZE");
  const auto t2 = Clock::now();
  Exec(db, "PRAGMA journal_mode=WAL");
  Exec(db, "PRAGMA synchronous=FULL");
  std::printf("RESULT %.1f %.1f\n", std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count());
  sqlite3_close(db);
  return 0;
}

int Query(const char* path, std::int64_t ws, std::int64_t from_day, std::int64_t to_day, int runs,
          bool naive) {
  sqlite3* db = Open(path);
  // naive: month of each response from its day, counted over feedback_responses; the period is
  // given as received_at bounds so the (workspace_id, received_at) index narrows the scan.
  const std::string sql =
      naive ? "SELECT strftime('%Y-%m', day * 86400, 'unixepoch') AS month, SUM(score >= 9), "
              "SUM(score BETWEEN 7 AND 8), SUM(score <= 6) FROM feedback_responses WHERE "
              "workspace_id = ?1 AND received_at BETWEEN ?2 * 86400000 - 3600000 AND (?3 + 1) * "
              "86400000 - 3600001 GROUP BY month"
            : "SELECT d.day, d.day, CAST(COALESCE(SUM(d.promoters), 0) AS BIGINT), "
              "CAST(COALESCE(SUM(d.passives), 0) AS BIGINT), "
              "CAST(COALESCE(SUM(d.detractors), 0) AS BIGINT) FROM feedback_daily d WHERE "
              "d.workspace_id = ?1 AND d.day BETWEEN ?2 AND ?3 AND (CAST(NULL AS BIGINT) IS NULL "
              "OR d.survey_id = NULL) GROUP BY d.day";
  const int first = naive ? 1 : 2;
  sqlite3_stmt* stmt = Prepare(db, sql);
  std::vector<double> times;
  std::array<long long, 3> totals{};
  for (int r = 0; r < runs; ++r) {
    sqlite3_bind_int64(stmt, 1, ws);
    sqlite3_bind_int64(stmt, 2, from_day);
    sqlite3_bind_int64(stmt, 3, to_day);
    totals = {};
    const auto t0 = Clock::now();
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int c = 0; c < 3; ++c) totals[c] += sqlite3_column_int64(stmt, first + c);
    }
    if (rc != SQLITE_DONE) Fail(db, "query");
    times.push_back(Ms(Clock::now() - t0));
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  std::printf("RESULT %.2f %.2f %.2f %lld %lld %lld\n", Percentile(times, 50),
              Percentile(times, 99), times.front(), totals[0], totals[1], totals[2]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "insert" && (argc == 4 || argc == 5)) {
    return Insert(argv[2], std::atof(argv[3]), argc == 5 && std::string(argv[4]) == "rollup");
  }
  if (mode == "load" && argc == 7) {
    return Load(argv[2], std::atoll(argv[3]), std::atoll(argv[4]), std::atoll(argv[5]),
                static_cast<unsigned>(std::atoll(argv[6])));
  }
  if (mode == "query" && argc == 8) {
    return Query(argv[2], std::atoll(argv[3]), std::atoll(argv[4]), std::atoll(argv[5]),
                 std::atoi(argv[6]), std::string(argv[7]) == "naive");
  }
  std::fprintf(stderr,
               "usage: feedback_floor insert DB SECONDS [rollup]\n"
               "       feedback_floor load DB WORKSPACE_ID N DAYS SEED\n"
               "       feedback_floor query DB WORKSPACE_ID FROM_DAY TO_DAY RUNS naive|rollup\n");
  return 2;
}
