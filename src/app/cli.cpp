#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "app/backup.hpp"
#include "app/config.hpp"
#include "app/imports.hpp"
#include "app/logging.hpp"
#include "app/mailbox_settings.hpp"
#include "app/runtime.hpp"
#include "app/system_clock.hpp"
#include "core/financing/scenario_json.hpp"
#include "http/app.hpp"
#include "http/client_address.hpp"
#include "http/errors.hpp"
#include "http/handlers/handlers.hpp"
#include "http/server/server.hpp"
#include "storage/migrations.hpp"
#include "storage/register_loader.hpp"

#ifndef AANTAFEL_VERSION
#define AANTAFEL_VERSION "0.0.0"
#endif

namespace aantafel::app {

namespace {

using http::Language;

/// Demo login printed by `aantafel demo`; for local trials only.
constexpr std::string_view kDemoEmail = "demo@aantafel.example";
constexpr std::string_view kDemoPassword = "welkom-aan-tafel";
constexpr std::string_view kDemoSlug = "demo";

/// Dutch and English text of the command line, side by side.
struct Text {
  std::string_view nl;
  std::string_view en;
};

Language g_language = Language::kDutch;

std::string T(const Text& t) { return std::string(g_language == Language::kEnglish ? t.en : t.nl); }

Language LanguageFromEnvironment(char** env) {
  for (const char* name : {"AANTAFEL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const std::string prefix = std::string(name) + "=";
    for (char** e = env; e != nullptr && *e != nullptr; ++e) {
      if (std::strncmp(*e, prefix.c_str(), prefix.size()) == 0) {
        const std::string_view value = *e + prefix.size();
        if (value.empty()) continue;
        return value.starts_with("en") ? Language::kEnglish : Language::kDutch;
      }
    }
  }
  return Language::kDutch;
}

/// Prints a domain error with each field problem, in the chosen language.
void PrintError(const core::Error& error) {
  std::cerr << http::ErrorMessage(error, g_language) << '\n';
  for (const auto& [field, problem] : error.fields) {
    std::cerr << "  " << field << ": " << http::FieldMessage(problem, g_language) << '\n';
  }
}

std::string ReadPasswordFromStdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

struct Options {
  std::optional<std::string> config_file;
  std::optional<std::string> database;
  std::optional<std::string> listen;
};

/// Builds the effective configuration or prints why it cannot.
std::optional<Config> ResolveConfig(const Options& options, char** env) {
  Config config;
  auto errors = LoadConfig(config, options.config_file, env);
  if (options.database) config.database_url = *options.database;
  if (options.listen) config.listen = *options.listen;
  for (auto& e : ValidateConfig(config)) errors.push_back(std::move(e));
  if (errors.empty()) return config;
  std::cerr << T({"De instellingen kloppen niet:", "The configuration is not valid:"}) << '\n';
  for (const auto& e : errors) std::cerr << "  " << e.key << ": " << e.message << '\n';
  return std::nullopt;
}

int Serve(const Config& config) {
  SetupLogging(config.log_level, config.log_format == "json");
  Runtime runtime(config, /*migrate=*/true);
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  runtime.StartBackground();
  http::App app(runtime.Services(),
                http::AppSettings{.secure_cookies = config.public_url.starts_with("https://"),
                                  .session_ttl = std::chrono::hours(config.session_ttl_hours),
                                  .static_dir = config.static_dir,
                                  .version = AANTAFEL_VERSION,
                                  .database_kind = runtime.database_kind(),
                                  .public_url = config.public_url,
                                  .sso_button_label = config.sso_button_label,
                                  .mail_enabled = !config.smtp_url.empty(),
                                  .log_security = [](const std::string& line) { LogWarn(line); }},
                [](const http::HttpRequest& r, const std::string& what) {
                  LogError("request " + r.request_id + " failed: " + what);
                });
  const auto listen = *ParseListen(config.listen);
  http::ServerOptions options{
      .host = listen.host,
      .port = listen.port,
      .io_threads = static_cast<int>(config.io_threads > 0 ? config.io_threads : cores),
      .worker_threads = static_cast<int>(config.worker_threads > 0 ? config.worker_threads
                                                                   : std::max(16U, 16 * cores)),
      .body_limit = static_cast<std::size_t>(config.body_limit_bytes),
      .upload_body_limit = static_cast<std::size_t>(config.max_file_bytes),
      .upload_read_timeout =
          std::chrono::seconds(std::max<std::int64_t>(600, config.read_timeout_seconds)),
      .header_limit = 16 * 1024,
      .read_timeout = std::chrono::seconds(config.read_timeout_seconds),
      .idle_timeout = std::chrono::seconds(config.idle_timeout_seconds),
      .shutdown_timeout = std::chrono::seconds(config.shutdown_timeout_seconds),
      .trusted_proxies =
          http::ParseAddressList(config.trusted_proxies).value_or(std::vector<std::string>{})};
  http::Server server(app, options, LogAccess);
  server.StopOnSignals();
  const auto port = server.Listen();
  LogInfo("aantafel " AANTAFEL_VERSION " listening on http://" + listen.host + ":" +
          std::to_string(port) + " (database: " + runtime.database_kind() + ")");
  server.Run();
  LogInfo("aantafel stopped");
  return 0;
}

int SimulateCommand(const std::string& file, std::int64_t runs, std::int64_t seed, int threads) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << T({"Kan het bestand niet lezen: ", "Cannot read the file: "}) << file << '\n';
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto request = core::financing::ParseScenario(text.str());
  if (!request) {
    PrintError(request.error());
    return 1;
  }
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  auto summary = core::financing::Simulate(
      request->scenario, {.runs = runs > 0 ? runs : request->runs,
                          .seed = seed >= 0 ? static_cast<std::uint64_t>(seed) : request->seed,
                          .threads = threads > 0 ? threads : static_cast<int>(cores)});
  if (!summary) {
    PrintError(summary.error());
    return 1;
  }
  std::cout << core::financing::SummaryJson(*summary).dump(2) << '\n';
  return 0;
}

/// Logs in to the dossier mailbox and says what is there: the set-up check for an operator.
int CheckMailbox(const Config& config) {
  if (config.mail_intake_imap_url.empty()) {
    std::cerr << T({"Stel eerst [mail_intake] imap_url in.", "Set [mail_intake] imap_url first."})
              << '\n';
    return 2;
  }
  ImapMailbox mailbox(MailboxSettingsFrom(config));
  const ImapFolderState state = mailbox.Open();
  const ImapUidList waiting = state.error.empty() ? mailbox.Unprocessed() : ImapUidList{};
  const std::string error = !state.error.empty() ? state.error : waiting.error;
  if (!error.empty()) {
    std::cerr << error << '\n';
    return 1;
  }
  std::cout << T({"Verbonden met ", "Connected to "}) << config.mail_intake_folder << ": "
            << state.exists << T({" berichten, waarvan ", " messages, of which "})
            << waiting.uids.size() << T({" nog niet verwerkt.", " not yet processed."}) << '\n';
  return 0;
}

int Migrate(const Config& config) {
  auto db = storage::Database::Open({.url = config.database_url, .pool_size = 1});
  auto report = storage::Migrate(*db, storage::EmbeddedMigrations(db->dialect()));
  std::cout << T({"Schema-versie ", "Schema version "}) << report.from_version << " -> "
            << report.to_version << " (" << report.applied.size()
            << T({" migratie(s) uitgevoerd)", " migration(s) applied)"}) << '\n';
  const auto& reg = core::whoiswho::BuiltInRegister();
  const auto load = storage::LoadRegister(*db, reg, SystemClock().Now());
  if (load.loaded) {
    std::cout << T({"Gemeentelijke indeling ", "Municipal register "}) << reg.year << ": "
              << load.municipalities << T({" gemeenten, ", " municipalities, "}) << load.districts
              << T({" wijken", " districts"}) << '\n';
  }
  return 0;
}

int Demo(const Config& config) {
  Runtime runtime(config, /*migrate=*/true);
  auto& accounts = runtime.accounts();
  auto user = accounts.EnsureUser({.email = std::string(kDemoEmail),
                                   .name = "Demo Gebruiker",
                                   .password = std::string(kDemoPassword)});
  if (!user) {
    PrintError(user.error());
    return 1;
  }
  auto workspace = accounts.CreateWorkspace(
      {.slug = std::string(kDemoSlug), .name = "Demo Zorg en Welzijn", .kind = "care_provider"},
      kDemoEmail);
  if (!workspace && workspace.error().code != core::ErrorCode::kConflict) {
    PrintError(workspace.error());
    return 1;
  }
  SeedDemoData(runtime, std::string(kDemoSlug), user->id);
  std::string url = config.public_url;
  if (auto listen = ParseListen(config.listen); listen && url == Config{}.public_url) {
    url = "http://" + listen->host + ":" + std::to_string(listen->port);
  }
  std::cout << T({"Demo-werkruimte klaar.", "Demo workspace ready."}) << '\n'
            << "  URL:      " << url << '\n'
            << T({"  E-mail:   ", "  Email:    "}) << kDemoEmail << '\n'
            << T({"  Wachtwoord: ", "  Password: "}) << kDemoPassword << '\n'
            << T({"  Werkruimte: ", "  Workspace: "}) << kDemoSlug << '\n';
  return 0;
}

}  // namespace

int RunCli(int argc, char** argv, char** env) {
  g_language = LanguageFromEnvironment(env);
  CLI::App cli{T({"aantafel: op het juiste moment met de gemeente aan tafel.",
                  "aantafel: at the table with the municipality at the right moment."}),
               "aantafel"};
  cli.get_formatter()->label("Usage", T({"Gebruik", "Usage"}));
  cli.get_formatter()->label("REQUIRED", T({"VERPLICHT", "REQUIRED"}));
  cli.get_formatter()->label("SUBCOMMAND", T({"OPDRACHT", "COMMAND"}));
  cli.get_formatter()->label("SUBCOMMANDS", T({"OPDRACHTEN", "COMMANDS"}));
  cli.get_formatter()->label("OPTIONS", T({"OPTIES", "OPTIONS"}));
  cli.option_defaults()->group(T({"Opties", "Options"}));
  cli.set_help_flag("-h,--help", T({"Toon deze hulp", "Show this help"}));
  cli.set_version_flag("--version", "aantafel " AANTAFEL_VERSION,
                       T({"Toon de versie", "Show the version"}));
  cli.require_subcommand(1);
  cli.fallthrough();

  Options options;
  cli.add_option("--config", options.config_file,
                 T({"Instellingenbestand (TOML)", "Configuration file (TOML)"}));
  cli.add_option("--database", options.database,
                 T({"Database: sqlite:PAD of postgresql://… (standaard sqlite:var/aantafel.db; "
                    "of AANTAFEL_DATABASE_URL)",
                    "Database: sqlite:PATH or postgresql://… (default sqlite:var/aantafel.db; "
                    "or AANTAFEL_DATABASE_URL)"}));

  const std::string group = T({"Opdrachten", "Commands"});
  auto* serve = cli.add_subcommand("serve", T({"Start de webserver", "Start the web server"}));
  serve->add_option(
      "--listen", options.listen,
      T({"Adres en poort, bv. 127.0.0.1:8080", "Address and port, e.g. 127.0.0.1:8080"}));
  auto* migrate = cli.add_subcommand(
      "migrate", T({"Werk het databaseschema bij", "Bring the database schema up to date"}));
  auto* demo = cli.add_subcommand("demo", T({"Maak een demo-werkruimte en -gebruiker (kan vaker)",
                                             "Create a demo workspace and user (safe to repeat)"}));

  auto* user = cli.add_subcommand("user", T({"Beheer gebruikers", "Manage users"}));
  user->require_subcommand(1);
  std::string user_email;
  std::string user_name;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", T({"Voeg een gebruiker toe", "Add a user"}));
  user_add->add_option("--email", user_email, T({"E-mailadres", "Email address"}))->required();
  user_add->add_option("--name", user_name, T({"Naam", "Name"}))->required();
  user_add
      ->add_flag(
          "--password-stdin", password_stdin,
          T({"Lees het wachtwoord van standaardinvoer", "Read the password from standard input"}))
      ->required();

  auto* workspace = cli.add_subcommand("workspace", T({"Beheer werkruimtes", "Manage workspaces"}));
  workspace->require_subcommand(1);
  std::string ws_slug;
  std::string ws_name;
  std::string ws_owner;
  std::string ws_kind = "care_provider";
  auto* ws_create =
      workspace->add_subcommand("create", T({"Maak een werkruimte", "Create a workspace"}));
  ws_create
      ->add_option("--slug", ws_slug,
                   T({"Korte naam in de URL (a-z, 0-9, -)", "Short name in the URL (a-z, 0-9, -)"}))
      ->required();
  ws_create->add_option("--name", ws_name, T({"Naam", "Name"}))->required();
  ws_create
      ->add_option("--owner", ws_owner, T({"E-mailadres van de eigenaar", "Owner's email address"}))
      ->required();
  ws_create->add_option("--kind", ws_kind,
                        T({"Soort: care_provider, welfare_organisation, care_cooperative, "
                           "housing_corporation, municipality, consortium, other",
                           "Kind: care_provider, welfare_organisation, care_cooperative, "
                           "housing_corporation, municipality, consortium, other"}));

  auto* token = cli.add_subcommand("token", T({"Beheer API-sleutels", "Manage API tokens"}));
  token->require_subcommand(1);
  std::string token_user;
  std::string token_workspace;
  std::string token_label;
  auto* token_create =
      token->add_subcommand("create", T({"Maak een API-sleutel (alleen de sleutel komt op stdout)",
                                         "Create an API token (only the token goes to stdout)"}));
  token_create
      ->add_option("--user", token_user, T({"E-mailadres van de gebruiker", "User's email"}))
      ->required();
  token_create
      ->add_option("--workspace", token_workspace, T({"Werkruimte (slug)", "Workspace (slug)"}))
      ->required();
  token_create->add_option("--label", token_label, T({"Omschrijving", "Description"}));

  auto* import = cli.add_subcommand(
      "import", T({"Lees gegevens in uit een bestand", "Import data from a file"}));
  import->require_subcommand(1);
  std::string import_file;
  std::string import_url;
  std::string import_workspace;
  bool import_dry_run = false;
  auto* import_municipalities = import->add_subcommand(
      "municipalities",
      T({"Gemeenten (CBS 'Gebieden in Nederland') in de gedeelde referentiegegevens",
         "Municipalities (CBS 'Gebieden in Nederland') into the shared reference data"}));
  // Exactly one source; --dry-run is not a source (it stands outside the group).
  std::vector<std::string> cbs_files;
  auto* cbs_source = import_municipalities->add_option_group(
      "source", T({"Waar de gegevens vandaan komen", "Where the data comes from"}));
  cbs_source->add_option(
      "--file", cbs_files,
      T({"CBS-bestand(en): TypedDataSet en DataProperties (twee keer --file), of één JSON",
         "CBS file(s): TypedDataSet and DataProperties (--file twice), or one JSON"}));
  cbs_source->add_option(
      "--cbs-url", import_url,
      T({"CBS OData-tabel, bijv. https://opendata.cbs.nl/ODataApi/odata/86059NED",
         "CBS OData table, e.g. https://opendata.cbs.nl/ODataApi/odata/86059NED"}));
  cbs_source->require_option(1);
  auto* import_people = import->add_subcommand(
      "people", T({"Mensen en functies uit een CSV-bestand", "People and positions from a CSV"}));
  auto* import_almanak = import->add_subcommand(
      "almanak",
      T({"Gemeenten, zetels en functies uit de Overheidsalmanak (exportOO.xml)",
         "Municipalities, seats and positions from the Overheidsalmanak (exportOO.xml)"}));
  auto* import_figures = import->add_subcommand(
      "area-figures",
      T({"Kerncijfers van wijken en buurten (CBS) naast het aanbod op de sociale kaart",
         "Key figures of districts and neighbourhoods (CBS) next to the social map's services"}));
  std::vector<std::string> figures_files;
  int figures_year = 0;
  import_figures
      ->add_option("--file", figures_files,
                   T({"CBS TypedDataSet (en eventueel DataProperties)",
                      "CBS TypedDataSet (and optionally DataProperties)"}))
      ->required();
  import_figures->add_option(
      "--year", figures_year,
      T({"Het jaar van de cijfers (anders uit de tabel, bijv. 85984NED = 2024)",
         "The figures' year (else from the table, e.g. 85984NED = 2024)"}));
  auto* import_boundaries = import->add_subcommand(
      "boundaries",
      T({"Grenzen van gemeenten, wijken en buurten (CBS / PDOK) voor de kaarten en de sociale "
         "kaart",
         "Boundaries of municipalities, districts and neighbourhoods (CBS / PDOK) for the maps "
         "and the social map"}));
  std::vector<std::string> boundary_files;
  std::string boundaries_url;
  int boundaries_year = 0;
  auto* boundary_source = import_boundaries->add_option_group(
      "source", T({"Waar de gegevens vandaan komen (anders [boundaries] url)",
                   "Where the data comes from (else [boundaries] url)"}));
  boundary_source->add_option(
      "--file", boundary_files,
      T({"GeoJSON- of TopoJSON-bestand(en), WGS84 of RD New; meer pagina's: meer keer --file",
         "GeoJSON or TopoJSON file(s), WGS84 or RD New; more pages: --file more times"}));
  boundary_source->add_option(
      "--url", boundaries_url,
      T({"PDOK OGC API, bijv. https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1",
         "PDOK OGC API, e.g. https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1"}));
  boundary_source->require_option(0, 1);
  import_boundaries->add_option("--year", boundaries_year,
                                T({"Het jaar van de indeling (anders uit het bestand)",
                                   "The division's year (else from the file)"}));
  for (auto* sub : {import_people, import_almanak}) {
    sub->add_option("--file", import_file, T({"Bestand", "File"}))->required();
    sub->add_option("--workspace", import_workspace, T({"Werkruimte (slug)", "Workspace (slug)"}))
        ->required();
  }
  for (auto* sub :
       {import_municipalities, import_people, import_almanak, import_figures, import_boundaries}) {
    sub->add_flag("--dry-run", import_dry_run,
                  T({"Alleen controleren; niets opslaan", "Only check; write nothing"}));
    sub->group(group);
  }

  auto* simulate = cli.add_subcommand(
      "simulate", T({"Vergelijk bekostigingsvormen met een Monte-Carlo-simulatie (JSON op stdout)",
                     "Compare financing forms with a Monte Carlo simulation (JSON on stdout)"}));
  std::string scenario_file;
  std::int64_t simulate_runs = 0;
  std::int64_t simulate_seed = -1;
  int simulate_threads = 0;
  simulate
      ->add_option("--scenario", scenario_file,
                   T({"Scenario (JSON-bestand)", "Scenario (JSON file)"}))
      ->required();
  simulate->add_option(
      "--runs", simulate_runs,
      T({"Aantal runs (anders uit het bestand)", "Number of runs (else from the file)"}));
  simulate->add_option("--seed", simulate_seed, T({"Startwaarde", "Seed"}));
  simulate->add_option("--threads", simulate_threads,
                       T({"Threads (0: alle kernen)", "Threads (0: all cores)"}));

  auto* digest = cli.add_subcommand(
      "digest", T({"Verstuur de e-mailsamenvattingen die nu aan de beurt zijn ([smtp])",
                   "Send the e-mail digests that are due now ([smtp])"}));
  bool digest_force = false;
  digest->add_flag(
      "--force", digest_force,
      T({"Stuur iedereen met een samenvatting er nu een", "Send everyone with a digest one now"}));

  auto* almanak = cli.add_subcommand(
      "almanak", T({"Werk Wie is wie bij uit de Overheidsalmanak ([almanak] url)",
                    "Update Wie is wie from the Overheidsalmanak ([almanak] url)"}));
  almanak->require_subcommand(1);
  auto* almanak_refresh = almanak->add_subcommand(
      "refresh", T({"Haal de export op als die veranderd is en werk elke werkruimte bij",
                    "Fetch the export when it changed and update every workspace"}));
  bool almanak_force = false;
  almanak_refresh->add_flag("--force", almanak_force,
                            T({"Nu kijken, ook als refresh_hours nog niet voorbij zijn",
                               "Check now, also before refresh_hours have passed"}));

  auto* council = cli.add_subcommand(
      "council", T({"Raadsinformatie van Open Besluitvorming ([council] url)",
                    "Council information from Open Besluitvorming ([council] url)"}));
  council->require_subcommand(1);
  auto* council_sync = council->add_subcommand(
      "sync", T({"Lees de lijst van raden en werk elke gevolgde raad bij",
                 "Read the list of councils and update every followed council"}));
  bool council_force = false;
  council_sync->add_flag(
      "--force", council_force,
      T({"Nu, ook raden die net bijgewerkt zijn", "Now, also councils updated a moment ago"}));

  auto* mail_intake =
      cli.add_subcommand("mail-intake", T({"Dossiermail: de dossiermailbox ([mail_intake])",
                                           "Dossiermail: the dossier mailbox ([mail_intake])"}));
  mail_intake->require_subcommand(1);
  auto* mail_intake_check = mail_intake->add_subcommand(
      "check", T({"Log in bij de dossiermailbox en zeg hoeveel berichten er nog liggen",
                  "Log in to the dossier mailbox and say how many messages wait"}));

  auto* backup = cli.add_subcommand(
      "backup", T({"Maak een reservekopie van de database (terwijl de server draait)",
                   "Back up the database (while the server runs)"}));
  std::string backup_file;
  backup->add_option("--to", backup_file, T({"Nieuw bestand", "New file"}))->required();
  auto* restore =
      cli.add_subcommand("restore", T({"Zet een reservekopie terug (stop eerst de server)",
                                       "Restore a backup (stop the server first)"}));
  std::string restore_file;
  bool restore_force = false;
  restore->add_option("--from", restore_file, T({"Reservekopie", "Backup file"}))->required();
  restore->add_flag("--force", restore_force,
                    T({"Vervang een bestaande database", "Replace an existing database"}));

  auto* rotate_key = cli.add_subcommand(
      "rotate-key", T({"Vervang de datasleutel; de oude blijft gegevens openen (herstart daarna)",
                       "Replace the data key; the old one keeps opening data (restart after)"}));

  for (auto* sub : {serve, migrate, demo, user, workspace, token, import, simulate, digest, almanak,
                    council, mail_intake, backup, restore, rotate_key}) {
    sub->group(group);
  }
  for (auto* sub : {user_add, ws_create, token_create}) sub->group(group);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  if (*simulate) {
    // Needs no database or configuration: the simulation is pure.
    return SimulateCommand(scenario_file, simulate_runs, simulate_seed, simulate_threads);
  }

  auto config = ResolveConfig(options, env);
  if (!config) return 2;

  try {
    if (*serve) return Serve(*config);
    if (*migrate) return Migrate(*config);
    if (*demo) return Demo(*config);
    if (*backup || *restore) {
      const BackupReport report =
          *backup ? BackupDatabase(config->database_url, backup_file)
                  : RestoreDatabase(config->database_url, restore_file, restore_force);
      (report.ok ? std::cout : std::cerr) << report.message << '\n';
      return report.ok ? 0 : 1;
    }
    if (*mail_intake_check) return CheckMailbox(*config);
    if (*rotate_key) {
      const RotationReport report = RotateDataKey(*config);
      (report.ok ? std::cout : std::cerr) << report.message << '\n';
      return report.ok ? 0 : 1;
    }
    if (*digest) {
      if (config->smtp_url.empty()) {
        std::cerr << T({"Stel eerst [smtp] url in.", "Set [smtp] url first."}) << '\n';
        return 2;
      }
      Runtime runtime(*config, /*migrate=*/true);
      const int sent = runtime.SendDigests(digest_force);
      std::cerr << T({"Samenvattingen verstuurd: ", "Digests sent: "}) << sent << '\n';
      return 0;
    }
    if (*council_sync) {
      if (config->council_url.empty()) {
        std::cerr << T({"Stel eerst [council] url in.", "Set [council] url first."}) << '\n';
        return 2;
      }
      Runtime runtime(*config, /*migrate=*/true);
      const auto done = runtime.SyncCouncils(council_force);
      if (!done.status_error.empty()) {
        std::cerr << T({"Lijst van raden niet gelezen: ", "List of councils not read: "})
                  << done.status_error << '\n';
      }
      std::cout << T({"Raden bijgewerkt: ", "Councils updated: "}) << done.round.councils
                << T({", records: ", ", records: "}) << done.round.records
                << T({", mislukt: ", ", failed: "}) << done.round.failed
                << T({", vergeten: ", ", forgotten: "}) << done.round.forgotten << '\n';
      return done.status_error.empty() && done.round.failed == 0 ? 0 : 1;
    }
    if (*almanak_refresh) {
      if (config->almanak_url.empty()) {
        std::cerr << T({"Stel eerst [almanak] url in.", "Set [almanak] url first."}) << '\n';
        return 2;
      }
      Runtime runtime(*config, /*migrate=*/true);
      const auto result = runtime.RefreshAlmanak(almanak_force);
      using Outcome = Runtime::AlmanakRefresh::Outcome;
      switch (result.outcome) {
        case Outcome::kNotDue:
          std::cout << T({"Nog niet aan de beurt (zie refresh_hours).",
                          "Not due yet (see refresh_hours)."})
                    << '\n';
          return 0;
        case Outcome::kNotModified:
          std::cout << T({"Niet veranderd sinds ", "Not modified since "}) << result.detail << '\n';
          return 0;
        case Outcome::kFailed:
          std::cerr << T({"Niet opgehaald: ", "Not fetched: "}) << result.detail << '\n';
          return 1;
        case Outcome::kUnreadable:
          std::cerr << T({"De export is niet te lezen (", "The export cannot be read ("})
                    << result.detail << T({"); er is niets veranderd.", "); nothing changed."})
                    << '\n';
          return 1;
        case Outcome::kRefreshed:
          std::cout << T({"Bijgewerkt: ", "Updated: "}) << result.workspaces
                    << T({" werkruimte(s), ", " workspace(s), "}) << result.positions
                    << T({" functie(s) nieuw of beëindigd", " position(s) added or ended"});
          if (result.refused > 0) {
            std::cout << T({"; geweigerd: ", "; refused: "}) << result.refused;
          }
          std::cout << '\n';
          return result.refused > 0 ? 1 : 0;
      }
      return 1;
    }
    if (*user_add) {
      Runtime runtime(*config, /*migrate=*/true);
      auto created = runtime.accounts().AddUser(
          {.email = user_email, .name = user_name, .password = ReadPasswordFromStdin()});
      if (!created) {
        PrintError(created.error());
        return 1;
      }
      std::cerr << T({"Gebruiker toegevoegd: ", "User added: "}) << created->email << '\n';
      return 0;
    }
    if (*ws_create) {
      Runtime runtime(*config, /*migrate=*/true);
      auto created = runtime.accounts().CreateWorkspace(
          {.slug = ws_slug, .name = ws_name, .kind = ws_kind}, ws_owner);
      if (!created) {
        PrintError(created.error());
        return 1;
      }
      std::cerr << T({"Werkruimte gemaakt: ", "Workspace created: "}) << created->slug << '\n';
      return 0;
    }
    if (*import_municipalities) {
      Runtime runtime(*config, /*migrate=*/true);
      return ImportMunicipalitiesCommand(runtime, cbs_files, import_url, import_dry_run,
                                         g_language);
    }
    if (*import_figures) {
      Runtime runtime(*config, /*migrate=*/true);
      return ImportFiguresCommand(
          runtime, figures_files,
          figures_year > 0 ? std::optional<int>(figures_year) : std::nullopt, import_dry_run,
          g_language);
    }
    if (*import_boundaries) {
      const std::string url = boundary_files.empty() && boundaries_url.empty()
                                  ? config->boundaries_url
                                  : boundaries_url;
      if (boundary_files.empty() && url.empty()) {
        std::cerr << T({"Geef --file of --url, of stel [boundaries] url in.",
                        "Give --file or --url, or set [boundaries] url."})
                  << '\n';
        return 2;
      }
      Runtime runtime(*config, /*migrate=*/true);
      return ImportBoundariesCommand(
          runtime, boundary_files, url,
          boundaries_year > 0 ? std::optional<int>(boundaries_year) : std::nullopt, import_dry_run,
          g_language);
    }
    if (*import_people || *import_almanak) {
      Runtime runtime(*config, /*migrate=*/true);
      return ImportPeopleCommand(runtime, *import_people ? "people" : "almanak", import_workspace,
                                 import_file, import_dry_run, g_language);
    }
    if (*token_create) {
      Runtime runtime(*config, /*migrate=*/true);
      auto secret = runtime.accounts().CreateApiToken(token_user, token_workspace, token_label);
      if (!secret) {
        PrintError(secret.error());
        return 1;
      }
      std::cout << *secret << '\n';
      return 0;
    }
  } catch (const storage::StorageError& e) {
    std::cerr << T({"Databasefout: ", "Database error: "}) << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << T({"Fout: ", "Error: "}) << e.what() << '\n';
    return 1;
  }
  return 2;
}

}  // namespace aantafel::app
