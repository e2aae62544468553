#include "app/backup.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string_view>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace aantafel::app {

namespace {

namespace fs = std::filesystem;

std::string SqlitePath(const std::string& url) { return url.substr(std::string("sqlite:").size()); }

/// Runs a program with arguments (no shell), waiting for it; its exit code or -1.
int Run(const std::vector<std::string>& argv) {
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

BackupReport Fail(std::string message) { return {false, std::move(message)}; }

}  // namespace

BackupReport BackupDatabase(const std::string& database_url, const std::string& file) {
  if (file.empty()) return Fail("no file given");
  std::error_code ec;
  if (fs::exists(file, ec)) return Fail(file + " already exists; choose a new name");
  // The copy holds all personal data: readable by the owner only (VACUUM INTO and pg_dump
  // both write into an existing empty file and keep its mode).
  if (!storage::CreatePrivateFile(file)) return Fail("cannot create " + file);
  if (database_url.starts_with("sqlite:")) {
    auto db = storage::Database::Open({.url = database_url, .pool_size = 1});
    auto lease = db->Acquire();
    lease->Execute("VACUUM INTO $1", {fs::absolute(file).string()});
    return {true, "backup written to " + file};
  }
  const int code =
      Run({"pg_dump", "--format=custom", "--no-owner", "--file=" + file, database_url});
  if (code != 0) fs::remove(file, ec);
  if (code == 127) return Fail("pg_dump is not installed (Debian: postgresql-client)");
  if (code != 0) return Fail("pg_dump failed with exit code " + std::to_string(code));
  return {true, "backup written to " + file + " (pg_dump custom format)"};
}

BackupReport RestoreDatabase(const std::string& database_url, const std::string& file, bool force) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return Fail(file + " does not exist");
  if (database_url.starts_with("sqlite:")) {
    const std::string target = SqlitePath(database_url);
    if (fs::exists(target, ec) && !force) {
      return Fail(target + " exists; stop the server and add --force to replace it");
    }
    auto backup = storage::Database::Open({.url = "sqlite:" + file, .pool_size = 1});
    {
      auto lease = backup->Acquire();
      const auto rows = lease->Query("PRAGMA integrity_check");
      if (rows.empty() || rows.front().Text(0) != "ok") {
        return Fail(file + " is damaged (integrity check failed)");
      }
    }
    try {
      storage::CheckSchemaNotNewer(*backup, storage::EmbeddedMigrations(backup->dialect()));
    } catch (const std::exception& e) {
      return Fail(std::string("the backup is from a newer aantafel: ") + e.what());
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(target + suffix, ec);
    (void)storage::CreatePrivateFile(target);
    auto lease = backup->Acquire();
    lease->Execute("VACUUM INTO $1", {fs::absolute(target).string()});
    return {true, "restored " + file + " into " + target};
  }
  const int code = Run({"pg_restore", "--clean", "--if-exists", "--no-owner",
                        "--single-transaction", "--dbname=" + database_url, file});
  if (code == 127) return Fail("pg_restore is not installed (Debian: postgresql-client)");
  if (code != 0) return Fail("pg_restore failed with exit code " + std::to_string(code));
  return {true, "restored " + file};
}

}  // namespace aantafel::app
