#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aantafel::app {

/// Every setting of aantafel, with its default. config/aantafel.example.toml documents each key;
/// environment variables AANTAFEL_<SECTION>_<KEY> override the file; command-line flags override
/// both.
struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  std::string public_url = "http://127.0.0.1:8080";
  /// Reverse proxies (comma-separated addresses) whose X-Forwarded-For names the client.
  std::string trusted_proxies;
  std::string static_dir = "web/dist";
  /// Folder with the knowledge files (strategies, rules, policy cycle); empty = the copy built
  /// into the binary. Set it to edit advice rules without rebuilding.
  std::string knowledge_dir;
  std::int64_t io_threads = 0;      ///< 0: one per core
  std::int64_t worker_threads = 0;  ///< 0: four per core, at least 4
  // [http]
  std::int64_t body_limit_bytes = 1024 * 1024;
  std::int64_t read_timeout_seconds = 30;
  std::int64_t idle_timeout_seconds = 60;
  std::int64_t shutdown_timeout_seconds = 20;
  // [database]
  std::string database_url = "sqlite:var/aantafel.db";
  std::int64_t database_pool_size = 8;
  // [security]
  std::int64_t session_ttl_hours = 12;
  std::int64_t login_attempts_per_ip_per_minute = 10;
  std::int64_t login_failures_per_account_and_address_per_15_minutes = 5;
  std::int64_t login_failures_per_address_per_15_minutes = 20;
  std::string data_key_file = "var/aantafel.key";  ///< key for personal data at rest (0600)
  /// The data key itself (base64url), only from AANTAFEL_SECURITY_DATA_KEY — never from a file.
  std::string data_key;
  // [feedback]
  std::int64_t feedback_phone_retention_days = 90;  ///< phone numbers are deleted after this
  std::int64_t feedback_callback_hours_detractor = 24;
  std::int64_t feedback_callback_hours_other = 72;
  std::int64_t feedback_submissions_per_link_per_minute = 30;  ///< per link and address
  std::int64_t feedback_submissions_per_address_per_minute = 300;
  std::int64_t feedback_views_per_address_per_minute = 600;
  // [smtp] (e-mail digests; off while url is empty)
  std::string smtp_url;  ///< smtp://host:587 (STARTTLS) or smtps://host:465
  std::string smtp_username;
  std::string smtp_password_file;  ///< file with the password (or AANTAFEL_SMTP_PASSWORD)
  std::string smtp_password;       ///< only from AANTAFEL_SMTP_PASSWORD, never from a file
  std::string smtp_from = "aantafel@localhost";
  std::string smtp_tls = "try";  ///< required, try or none
  // [sso] (single sign-on with OpenID Connect; off while issuer is empty — decision 38)
  std::string sso_issuer;  ///< e.g. https://login.microsoftonline.com/<tenant id>/v2.0
  std::string sso_client_id;
  std::string sso_client_secret_file;  ///< file with the secret (or AANTAFEL_SSO_CLIENT_SECRET)
  std::string sso_client_secret;       ///< only from AANTAFEL_SSO_CLIENT_SECRET or the file
  std::string sso_scopes = "openid profile email";
  std::string sso_token_auth = "client_secret_basic";  ///< or client_secret_post
  std::string sso_allowed_domains;         ///< e-mail domains that get an account on first sign-in
  std::string sso_roles_claim = "groups";  ///< groups or roles
  std::string sso_required_amr;            ///< e.g. mfa; empty: not checked
  std::string sso_button_label = "Microsoft 365";
  // [notifications]
  std::int64_t notifications_digest_hour = 7;  ///< Dutch local hour from which digests go out
  // [register]
  /// Accounts (e-mail addresses, separated by commas) that may load newer CBS files into the
  /// shared municipal register through the API; the command line always can.
  std::string register_editors;
  // [almanak] (refresh of the Overheidsalmanak export; off while url is empty)
  std::string
      almanak_url;  ///< e.g. https://organisaties.overheid.nl/archive/exportOO_gemeenten.xml
  std::int64_t almanak_refresh_hours = 24;
  // [council] (Raadsinformatie from Open Besluitvorming; off while url is empty)
  std::string council_url = "https://openbesluitvorming.nl";
  std::int64_t council_poll_minutes = 30;
  std::int64_t council_page_size = 1000;
  std::int64_t council_requests_per_minute = 30;
  std::int64_t council_texts_per_round = 20;  ///< document texts fetched per minute's round
  /// Council webhooks may go to loopback and private addresses, and over plain http (tests,
  /// intranet receivers). Off: https to public addresses only.
  bool council_webhook_private_addresses = false;
  /// [documents] the largest file that may be attached (also the body limit of an upload).
  std::int64_t max_file_bytes = 25LL * 1024 * 1024;
  /// [mail_intake] the dossier address (dossier@zorg.example); it and its plus-addresses
  /// (dossier+zorg-west@…) are never matched as people when a message is filed. Empty: none.
  std::string mail_intake_address;
  /// [mail_intake] the dossier mailbox (imaps://host:993 or imap://host:143 with STARTTLS);
  /// off while empty. Needs `address`.
  std::string mail_intake_imap_url;
  std::string mail_intake_username;
  std::string mail_intake_password_file;  ///< file with the password (or the environment)
  std::string mail_intake_password;       ///< only from AANTAFEL_MAIL_INTAKE_PASSWORD or the file
  /// Or OAuth 2 (client credentials), which Microsoft 365 requires: the token endpoint, e.g.
  /// https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token
  std::string mail_intake_oauth2_token_url;
  std::string mail_intake_oauth2_client_id;
  std::string mail_intake_oauth2_client_secret_file;
  /// Only from AANTAFEL_MAIL_INTAKE_OAUTH2_CLIENT_SECRET or the file.
  std::string mail_intake_oauth2_client_secret;
  std::string mail_intake_oauth2_scope = "https://outlook.office365.com/.default";
  std::string mail_intake_folder = "INBOX";
  std::string mail_intake_mark = "keyword";  ///< keyword ($AantafelFiled) or move
  std::string mail_intake_processed_folder = "Aantafel/Verwerkt";  ///< for mark = move
  std::string mail_intake_ca_file;  ///< PEM CA certificates instead of the system's
  /// imap:// without STARTTLS is allowed only to a server on this machine (127.0.0.1, ::1).
  bool mail_intake_require_tls = true;
  /// How long to wait for news before looking again (also the poll interval without IDLE).
  std::int64_t mail_intake_poll_seconds = 300;
  // [boundaries] (outlines of neighbourhoods and newer years; `aantafel import boundaries`)
  /// A PDOK OGC API "wijken en buurten" service or one of its collections, e.g.
  /// https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1
  std::string boundaries_url;
  // [log]
  std::string log_level = "info";
  std::string log_format = "text";  ///< text or json
};

/// Host and port from a "HOST:PORT" listen value.
struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

/// Parses "127.0.0.1:8080", "[::1]:8080" or "0.0.0.0:80"; nullopt when malformed.
std::optional<ListenAddress> ParseListen(const std::string& text);

/// A problem with one setting, naming the key (e.g. "http.body_limit_bytes").
struct ConfigError {
  std::string key;
  std::string message;
};

/// Loads defaults, then `file` (if given), then the environment. Returns every problem found.
std::vector<ConfigError> LoadConfig(Config& config, const std::optional<std::string>& file,
                                    char** environment);

/// Checks ranges and choices after all sources were applied.
std::vector<ConfigError> ValidateConfig(const Config& config);

}  // namespace aantafel::app
