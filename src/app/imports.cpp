#include "app/imports.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http/errors.hpp"
#include "interchange/boundaries.hpp"
#include "interchange/imports.hpp"

extern char** environ;

namespace aantafel::app {

using core::whoiswho::ImportReport;
using http::Language;

namespace {

std::optional<std::string> ReadFile(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path;
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void PrintReport(const ImportReport& r, Language language) {
  const bool en = language == Language::kEnglish;
  std::cout << (r.dry_run ? (en ? "Dry run (nothing written): " : "Proefrun (niets opgeslagen): ")
                          : (r.applied ? (en ? "Imported: " : "Ingelezen: ")
                                       : (en ? "Not imported: " : "Niet ingelezen: ")))
            << r.kind << '\n'
            << (en ? "  rows: " : "  regels: ") << r.rows << '\n';
  auto line = [&](std::string_view nl, std::string_view english, int n) {
    if (n > 0) std::cout << "  " << (en ? english : nl) << ": " << n << '\n';
  };
  line("gemeenten", "municipalities", r.municipalities);
  line("gemeenten nieuw", "municipalities added", r.municipalities_added);
  line("gemeenten bijgewerkt", "municipalities updated", r.municipalities_updated);
  line("organisaties nieuw", "organisations added", r.organisations_added);
  line("mensen nieuw", "people added", r.people_added);
  line("mensen al bekend", "people matched", r.people_matched);
  line("functies nieuw", "positions added", r.positions_added);
  line("functies bijgewerkt", "positions updated", r.positions_updated);
  line("functies ongewijzigd", "positions unchanged", r.positions_unchanged);
  line("functies overgeslagen", "positions skipped", r.positions_skipped);
  line("zetelverdelingen", "seat distributions", r.seats_updated);
  line("gemeentegegevens bijgewerkt", "municipality facts updated", r.facts_updated);
  for (const auto& issue : r.rejected) {
    std::cerr << (en ? "  line " : "  regel ") << issue.line << ", " << issue.field << ": "
              << http::FieldMessage({.issue = issue.issue}, language) << '\n';
  }
}

bool SafeUrl(const std::string& url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  return std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == 127; });
}

}  // namespace

std::optional<std::string> Download(const std::string& url, std::string& error) {
  if (!SafeUrl(url)) {
    error = "not an http(s) URL";
    return std::nullopt;
  }
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    error = "pipe failed";
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::array<std::string, 8> args{"curl",       "--fail",     "--silent", "--show-error",
                                  "--location", "--max-time", "120",      url};
  std::array<char*, 9> argv{};
  for (std::size_t i = 0; i < args.size(); ++i) argv[i] = args[i].data();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "curl", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    error = "curl is not installed";
    return std::nullopt;
  }
  std::string body;
  std::array<char, 65536> buffer{};
  ssize_t n = 0;
  while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) {
    body.append(buffer.data(), static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "download failed: " + url;
    return std::nullopt;
  }
  return body;
}

namespace {

/// Every page of a CBS OData answer, joined into one {"value": […]} document. CBS pages its
/// answers (10,000 rows in v3) with "odata.nextLink" (v3) or "@odata.nextLink" (v4).
std::optional<std::string> DownloadAllPages(const std::string& url, std::string& error) {
  constexpr int kMaxPages = 200;  // 2 million rows: far beyond any table we read
  nlohmann::json rows = nlohmann::json::array();
  std::string next = url;
  for (int page = 0; page < kMaxPages && !next.empty(); ++page) {
    auto text = Download(next, error);
    if (!text) return std::nullopt;
    auto document = nlohmann::json::parse(*text, nullptr, false);
    auto value = document.is_object() ? document.find("value") : document.end();
    if (document.is_discarded() || !document.is_object() || value == document.end() ||
        !value->is_array()) {
      error = "not an OData answer: " + next;
      return std::nullopt;
    }
    for (auto& row : *value) rows.push_back(std::move(row));
    next.clear();
    for (const char* link : {"odata.nextLink", "@odata.nextLink"}) {
      if (auto it = document.find(link); it != document.end() && it->is_string()) {
        next = it->get<std::string>();
      }
    }
  }
  if (!next.empty()) {
    error = "more than 200 pages: " + url;
    return std::nullopt;
  }
  return nlohmann::json{{"value", std::move(rows)}}.dump();
}

}  // namespace

int ImportMunicipalitiesCommand(Runtime& runtime, const std::vector<std::string>& files,
                                const std::string& cbs_url, bool dry_run, Language language) {
  std::string error;
  std::vector<std::string> texts;
  if (!cbs_url.empty()) {
    std::string base = cbs_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    // v4 tables live under ".../CBS/<table>" (odata4.cbs.nl, datasets.cbs.nl/odata/v1), v3
    // tables under ".../ODataApi/odata/<table>".
    const bool v4 = base.find("/CBS/") != std::string::npos;
    if (v4) {
      // OData v4: the dimensions (to find the geographic one and its codes), the measures and
      // their groups, and all pages of the observations.
      std::string geo = "RegioS";
      for (const std::string set :
           {"Dimensions", "MeasureCodes", "MeasureGroups", "Observations", "GeoCodes"}) {
        const std::string name = set == "GeoCodes" ? geo + "Codes" : set;
        auto page = DownloadAllPages(base + "/" + name, error);
        if (!page) break;
        auto document = nlohmann::json::parse(*page);
        document["@odata.context"] = base + "/$metadata#" + name;
        if (set == "Dimensions") {
          for (const auto& d : document["value"]) {
            if (d.is_object() && d.value("Kind", "") == "GeoDimension") {
              geo = d.value("Identifier", geo);
            }
          }
        }
        texts.push_back(document.dump());
      }
    } else {
      // OData v3: the column descriptions and all pages of the rows.
      auto properties = DownloadAllPages(base + "/DataProperties", error);
      auto rows = properties ? DownloadAllPages(base + "/TypedDataSet", error) : std::nullopt;
      if (rows) {
        texts = {"{\"DataProperties\":" + *properties + ",\"TypedDataSet\":" + *rows + "}"};
      }
    }
  } else if (files.size() > 6) {
    error = language == Language::kEnglish
                ? "at most six files (v3: TypedDataSet and DataProperties; v4: Observations, "
                  "MeasureCodes, MeasureGroups, Dimensions and the region codes)"
                : "hoogstens zes bestanden (v3: TypedDataSet en DataProperties; v4: Observations, "
                  "MeasureCodes, MeasureGroups, Dimensions en de regiocodes)";
  } else {
    for (const auto& file : files) {
      auto text = ReadFile(file, error);
      if (!text) break;
      texts.push_back(std::move(*text));
    }
  }
  if (!error.empty() || texts.empty()) {
    std::cerr << (language == Language::kEnglish ? "Cannot read: " : "Kan niet lezen: ") << error
              << '\n';
    return 1;
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const auto report =
      runtime.whoiswho().ImportMunicipalities(interchange::ParseCbsJson(views), dry_run);
  PrintReport(report, language);
  return report.rejected.empty() ? 0 : 1;
}

namespace {

void PrintAreaReport(const core::social_map::AreaImportReport& report, std::string_view nl,
                     std::string_view english, Language language) {
  const bool en = language == Language::kEnglish;
  std::cout << (report.dry_run
                    ? (en ? "Dry run (nothing written): " : "Proefrun (niets opgeslagen): ")
                    : (report.applied ? (en ? "Imported: " : "Ingelezen: ")
                                      : (en ? "Not imported: " : "Niet ingelezen: ")))
            << (en ? english : nl) << '\n'
            << (en ? "  rows: " : "  regels: ") << report.rows << '\n'
            << (en ? "  areas added: " : "  gebieden nieuw: ") << report.added << '\n'
            << (en ? "  areas updated: " : "  gebieden bijgewerkt: ") << report.updated << '\n';
  if (report.skipped > 0) {
    std::cout << (en ? "  areas of water only, skipped: "
                     : "  gebieden met alleen water, overgeslagen: ")
              << report.skipped << '\n';
  }
  for (const auto& issue : report.rejected) {
    std::cerr << (en ? "  line " : "  regel ") << issue.line << ", " << issue.field << ": "
              << http::FieldMessage({.issue = issue.issue}, language) << '\n';
  }
}

/// Every page of one OGC API Features collection, following the "next" links.
bool DownloadFeaturePages(const std::string& url, std::vector<std::string>& pages,
                          std::string& error) {
  constexpr int kMaxPages = 1000;  // PDOK serves at most 1,000 features a page
  std::string next = url;
  for (int page = 0; page < kMaxPages && !next.empty(); ++page) {
    auto text = Download(next, error);
    if (!text) return false;
    auto link = interchange::NextPageLink(*text);
    pages.push_back(std::move(*text));
    next = link.value_or("");
  }
  if (!next.empty()) {
    error = "more than 1000 pages: " + url;
    return false;
  }
  return true;
}

}  // namespace

int ImportFiguresCommand(Runtime& runtime, const std::vector<std::string>& files,
                         std::optional<int> year, bool dry_run, Language language) {
  const bool en = language == Language::kEnglish;
  std::string error;
  std::vector<std::string> texts;
  for (const auto& file : files) {
    auto text = ReadFile(file, error);
    if (!text) {
      std::cerr << (en ? "Cannot read: " : "Kan niet lezen: ") << error << '\n';
      return 1;
    }
    texts.push_back(std::move(*text));
  }
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  const auto report =
      runtime.social_map().ImportFigures(interchange::ParseAreaFigures(views, year), dry_run);
  PrintAreaReport(report, "kerncijfers van gebieden", "key figures of areas", language);
  return report.rejected.empty() ? 0 : 1;
}

int ImportBoundariesCommand(Runtime& runtime, const std::vector<std::string>& files,
                            const std::string& url, std::optional<int> year, bool dry_run,
                            Language language) {
  const bool en = language == Language::kEnglish;
  std::string error;
  std::vector<std::string> texts;
  if (!url.empty()) {
    if (url.find("/collections/") != std::string::npos) {
      DownloadFeaturePages(url, texts, error);
    } else {
      // A service: its municipalities, districts and neighbourhoods, 1,000 to a page.
      std::string base = url;
      while (!base.empty() && base.back() == '/') base.pop_back();
      for (const char* collection : {"gemeenten", "wijken", "buurten"}) {
        if (!DownloadFeaturePages(base + "/collections/" + collection + "/items?f=json&limit=1000",
                                  texts, error)) {
          break;
        }
      }
    }
  } else {
    for (const auto& file : files) {
      auto text = ReadFile(file, error);
      if (!text) break;
      texts.push_back(std::move(*text));
    }
  }
  if (!error.empty() || texts.empty()) {
    std::cerr << (en ? "Cannot read: " : "Kan niet lezen: ") << error << '\n';
    return 1;
  }
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  const auto report =
      runtime.social_map().ImportBoundaries(interchange::ParseBoundaries(views, year), dry_run);
  PrintAreaReport(report, "grenzen van gebieden", "boundaries of areas", language);
  return report.rejected.empty() ? 0 : 1;
}

int ImportPeopleCommand(Runtime& runtime, const std::string& kind, const std::string& workspace,
                        const std::string& file, bool dry_run, Language language) {
  std::string error;
  auto text = ReadFile(file, error);
  if (!text) {
    std::cerr << (language == Language::kEnglish ? "Cannot read: " : "Kan niet lezen: ") << error
              << '\n';
    return 1;
  }
  auto access = runtime.accounts().OperatorAccess(workspace);
  if (!access) {
    std::cerr << http::ErrorMessage(access.error(), language) << '\n';
    return 1;
  }
  const auto parsed =
      kind == "almanak" ? interchange::ParseAlmanakXml(*text) : interchange::ParsePeopleCsv(*text);
  auto report = runtime.whoiswho().ImportPeople(*access, parsed, dry_run);
  if (!report) {
    std::cerr << http::ErrorMessage(report.error(), language) << '\n';
    return 1;
  }
  PrintReport(*report, language);
  return report->rejected.empty() ? 0 : 1;
}

}  // namespace aantafel::app
