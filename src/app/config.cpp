#include "app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <functional>
#include <variant>

#include "http/client_address.hpp"

namespace aantafel::app {

namespace {

/// One configuration key: where it lives in the file, and which Config member it sets.
struct Key {
  std::string_view section;
  std::string_view name;
  std::variant<std::string Config::*, std::int64_t Config::*, bool Config::*> member;
  std::int64_t min = 0;
  std::int64_t max = 0;
};

const std::vector<Key>& Keys() {
  static const std::vector<Key> kKeys = {
      {"server", "listen", &Config::listen},
      {"server", "public_url", &Config::public_url},
      {"server", "trusted_proxies", &Config::trusted_proxies},
      {"server", "static_dir", &Config::static_dir},
      {"knowledge", "dir", &Config::knowledge_dir},
      {"server", "io_threads", &Config::io_threads, 0, 256},
      {"server", "worker_threads", &Config::worker_threads, 0, 1024},
      {"http", "body_limit_bytes", &Config::body_limit_bytes, 1024, 256LL * 1024 * 1024},
      {"http", "read_timeout_seconds", &Config::read_timeout_seconds, 1, 3600},
      {"http", "idle_timeout_seconds", &Config::idle_timeout_seconds, 1, 3600},
      {"http", "shutdown_timeout_seconds", &Config::shutdown_timeout_seconds, 0, 3600},
      {"database", "url", &Config::database_url},
      {"database", "pool_size", &Config::database_pool_size, 1, 1000},
      {"security", "session_ttl_hours", &Config::session_ttl_hours, 1, 24 * 90},
      {"security", "login_attempts_per_ip_per_minute", &Config::login_attempts_per_ip_per_minute, 1,
       100000},
      {"security", "login_failures_per_account_and_address_per_15_minutes",
       &Config::login_failures_per_account_and_address_per_15_minutes, 1, 100000},
      // The name before decision 35 (failures counted per account alone); same meaning now.
      {"security", "login_failures_per_account_per_15_minutes",
       &Config::login_failures_per_account_and_address_per_15_minutes, 1, 100000},
      {"security", "login_failures_per_address_per_15_minutes",
       &Config::login_failures_per_address_per_15_minutes, 1, 100000},
      {"security", "data_key_file", &Config::data_key_file},
      {"feedback", "phone_retention_days", &Config::feedback_phone_retention_days, 1, 3650},
      {"feedback", "callback_hours_detractor", &Config::feedback_callback_hours_detractor, 1, 720},
      {"feedback", "callback_hours_other", &Config::feedback_callback_hours_other, 1, 720},
      {"feedback", "submissions_per_link_per_minute",
       &Config::feedback_submissions_per_link_per_minute, 1, 1000000},
      {"feedback", "submissions_per_address_per_minute",
       &Config::feedback_submissions_per_address_per_minute, 1, 1000000},
      {"feedback", "views_per_address_per_minute", &Config::feedback_views_per_address_per_minute,
       1, 1000000},
      {"smtp", "url", &Config::smtp_url},
      {"smtp", "username", &Config::smtp_username},
      {"smtp", "password_file", &Config::smtp_password_file},
      {"smtp", "from", &Config::smtp_from},
      {"smtp", "tls", &Config::smtp_tls},
      {"notifications", "digest_hour", &Config::notifications_digest_hour, 0, 23},
      {"sso", "issuer", &Config::sso_issuer},
      {"sso", "client_id", &Config::sso_client_id},
      {"sso", "client_secret_file", &Config::sso_client_secret_file},
      {"sso", "scopes", &Config::sso_scopes},
      {"sso", "token_auth", &Config::sso_token_auth},
      {"sso", "allowed_domains", &Config::sso_allowed_domains},
      {"sso", "roles_claim", &Config::sso_roles_claim},
      {"sso", "required_amr", &Config::sso_required_amr},
      {"sso", "button_label", &Config::sso_button_label},
      {"register", "editors", &Config::register_editors},
      {"almanak", "url", &Config::almanak_url},
      {"almanak", "refresh_hours", &Config::almanak_refresh_hours, 1, 24 * 30},
      {"council", "url", &Config::council_url},
      {"council", "poll_minutes", &Config::council_poll_minutes, 5, 24 * 60},
      {"council", "page_size", &Config::council_page_size, 1, 1000},
      {"council", "requests_per_minute", &Config::council_requests_per_minute, 1, 60},
      {"council", "texts_per_round", &Config::council_texts_per_round, 0, 60},
      {"council", "webhook_private_addresses", &Config::council_webhook_private_addresses},
      // Stored sealed in the database (4/3 of the size as text): 100 MiB at most (decision 50).
      {"documents", "max_file_bytes", &Config::max_file_bytes, 1024, 100LL * 1024 * 1024},
      {"mail_intake", "address", &Config::mail_intake_address},
      {"mail_intake", "imap_url", &Config::mail_intake_imap_url},
      {"mail_intake", "username", &Config::mail_intake_username},
      {"mail_intake", "password_file", &Config::mail_intake_password_file},
      {"mail_intake", "oauth2_token_url", &Config::mail_intake_oauth2_token_url},
      {"mail_intake", "oauth2_client_id", &Config::mail_intake_oauth2_client_id},
      {"mail_intake", "oauth2_client_secret_file", &Config::mail_intake_oauth2_client_secret_file},
      {"mail_intake", "oauth2_scope", &Config::mail_intake_oauth2_scope},
      {"mail_intake", "folder", &Config::mail_intake_folder},
      {"mail_intake", "mark", &Config::mail_intake_mark},
      {"mail_intake", "processed_folder", &Config::mail_intake_processed_folder},
      {"mail_intake", "ca_file", &Config::mail_intake_ca_file},
      {"mail_intake", "require_tls", &Config::mail_intake_require_tls},
      {"mail_intake", "poll_seconds", &Config::mail_intake_poll_seconds, 10, 24 * 60 * 60},
      {"boundaries", "url", &Config::boundaries_url},
      {"log", "level", &Config::log_level},
      {"log", "format", &Config::log_format},
  };
  return kKeys;
}

std::string Dotted(const Key& k) { return std::string(k.section) + "." + std::string(k.name); }

std::string EnvName(const Key& k) {
  std::string out = "AANTAFEL_" + std::string(k.section) + "_" + std::string(k.name);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

void SetFromText(Config& config, const Key& key, std::string_view text,
                 std::vector<ConfigError>& errors) {
  if (auto* s = std::get_if<std::string Config::*>(&key.member)) {
    config.*(*s) = std::string(text);
    return;
  }
  if (auto* b = std::get_if<bool Config::*>(&key.member)) {
    if (text == "true" || text == "1") {
      config.*(*b) = true;
    } else if (text == "false" || text == "0") {
      config.*(*b) = false;
    } else {
      errors.push_back({Dotted(key), "must be true or false"});
    }
    return;
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    errors.push_back({Dotted(key), "must be a whole number"});
    return;
  }
  config.*(std::get<std::int64_t Config::*>(key.member)) = value;
}

const char* FindEnv(char** environment, const std::string& name) {
  if (environment == nullptr) return nullptr;
  for (char** e = environment; *e != nullptr; ++e) {
    if (std::strncmp(*e, name.c_str(), name.size()) == 0 && (*e)[name.size()] == '=') {
      return *e + name.size() + 1;
    }
  }
  return nullptr;
}

void LoadFile(Config& config, const std::string& file, std::vector<ConfigError>& errors) {
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    errors.push_back({file, std::string(e.description()) + " (line " +
                                std::to_string(e.source().begin.line) + ")"});
    return;
  }
  for (const auto& [section_name, section_node] : table) {
    const auto* section = section_node.as_table();
    if (section == nullptr) {
      errors.push_back({std::string(section_name.str()), "unknown setting"});
      continue;
    }
    for (const auto& [key_name, node] : *section) {
      const std::string dotted =
          std::string(section_name.str()) + "." + std::string(key_name.str());
      const Key* key = nullptr;
      for (const Key& k : Keys()) {
        if (Dotted(k) == dotted) key = &k;
      }
      if (key == nullptr) {
        errors.push_back({dotted, "unknown setting"});
        continue;
      }
      if (std::holds_alternative<std::string Config::*>(key->member)) {
        if (auto v = node.value<std::string>()) {
          config.*(std::get<std::string Config::*>(key->member)) = *v;
        } else {
          errors.push_back({dotted, "must be a string"});
        }
      } else if (std::holds_alternative<bool Config::*>(key->member)) {
        if (auto v = node.value<bool>()) {
          config.*(std::get<bool Config::*>(key->member)) = *v;
        } else {
          errors.push_back({dotted, "must be true or false"});
        }
      } else if (auto v = node.value<std::int64_t>()) {
        config.*(std::get<std::int64_t Config::*>(key->member)) = *v;
      } else {
        errors.push_back({dotted, "must be a whole number"});
      }
    }
  }
}

}  // namespace

std::optional<ListenAddress> ParseListen(const std::string& text) {
  std::string host;
  std::string port_text;
  if (text.starts_with("[")) {
    const auto close = text.find("]:");
    if (close == std::string::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return std::nullopt;
  }
  if (host == "localhost") host = "127.0.0.1";
  return ListenAddress{host, static_cast<std::uint16_t>(port)};
}

std::vector<ConfigError> LoadConfig(Config& config, const std::optional<std::string>& file,
                                    char** environment) {
  std::vector<ConfigError> errors;
  if (file) LoadFile(config, *file, errors);
  for (const Key& key : Keys()) {
    if (const char* value = FindEnv(environment, EnvName(key))) {
      SetFromText(config, key, value, errors);
    }
  }
  // A secret: accepted from the environment only, so it never sits in a config file.
  if (const char* key = FindEnv(environment, "AANTAFEL_SECURITY_DATA_KEY")) config.data_key = key;
  if (const char* pw = FindEnv(environment, "AANTAFEL_SMTP_PASSWORD")) config.smtp_password = pw;
  if (const char* pw = FindEnv(environment, "AANTAFEL_MAIL_INTAKE_PASSWORD")) {
    config.mail_intake_password = pw;
  }
  if (const char* secret = FindEnv(environment, "AANTAFEL_MAIL_INTAKE_OAUTH2_CLIENT_SECRET")) {
    config.mail_intake_oauth2_client_secret = secret;
  }
  if (const char* secret = FindEnv(environment, "AANTAFEL_SSO_CLIENT_SECRET")) {
    config.sso_client_secret = secret;
  }
  return errors;
}

std::vector<ConfigError> ValidateConfig(const Config& config) {
  std::vector<ConfigError> errors;
  for (const Key& key : Keys()) {
    if (const auto* n = std::get_if<std::int64_t Config::*>(&key.member)) {
      const std::int64_t v = config.*(*n);
      if (v < key.min || v > key.max) {
        errors.push_back({Dotted(key), "must be between " + std::to_string(key.min) + " and " +
                                           std::to_string(key.max)});
      }
    }
  }
  if (!ParseListen(config.listen)) errors.push_back({"server.listen", "must look like HOST:PORT"});
  if (!config.smtp_url.empty() && !config.smtp_url.starts_with("smtp://") &&
      !config.smtp_url.starts_with("smtps://")) {
    errors.push_back({"smtp.url", "must start with smtp:// or smtps://"});
  }
  if (!config.mail_intake_address.empty() &&
      (config.mail_intake_address.find('@') == std::string::npos ||
       config.mail_intake_address.find('+') != std::string::npos ||
       config.mail_intake_address.find_first_of(" <>\"\r\n,;") != std::string::npos)) {
    errors.push_back(
        {"mail_intake.address", "must be one e-mail address without a +part (dossier@zorg.nl)"});
  }
  if (!config.mail_intake_imap_url.empty()) {
    const std::string& url = config.mail_intake_imap_url;
    if (!url.starts_with("imap://") && !url.starts_with("imaps://")) {
      errors.push_back({"mail_intake.imap_url", "must start with imaps:// or imap://"});
    } else if (!config.mail_intake_require_tls && !url.starts_with("imap://127.0.0.1") &&
               !url.starts_with("imap://[::1]") && !url.starts_with("imap://localhost")) {
      errors.push_back({"mail_intake.require_tls",
                        "may be false only for a server on this machine (imap://127.0.0.1)"});
    }
    if (config.mail_intake_address.empty()) {
      errors.push_back({"mail_intake.address", "must be set when mail_intake.imap_url is"});
    }
    if (config.mail_intake_username.empty()) {
      errors.push_back({"mail_intake.username", "must be set when mail_intake.imap_url is"});
    }
    const bool password =
        !config.mail_intake_password.empty() || !config.mail_intake_password_file.empty();
    const bool oauth2 = !config.mail_intake_oauth2_token_url.empty();
    if (password == oauth2) {
      errors.push_back({"mail_intake.password_file",
                        "set either a password (password_file or AANTAFEL_MAIL_INTAKE_PASSWORD) or "
                        "OAuth 2 (oauth2_token_url), not both or neither"});
    }
    if (oauth2) {
      const std::string& token_url = config.mail_intake_oauth2_token_url;
      if (!token_url.starts_with("https://") && !token_url.starts_with("http://127.0.0.1") &&
          !token_url.starts_with("http://[::1]") && !token_url.starts_with("http://localhost")) {
        errors.push_back({"mail_intake.oauth2_token_url",
                          "must start with https:// (http only on this machine)"});
      }
      if (config.mail_intake_oauth2_client_id.empty()) {
        errors.push_back({"mail_intake.oauth2_client_id", "must be set with oauth2_token_url"});
      }
      if (config.mail_intake_oauth2_client_secret.empty() &&
          config.mail_intake_oauth2_client_secret_file.empty()) {
        errors.push_back({"mail_intake.oauth2_client_secret_file",
                          "must be set (or AANTAFEL_MAIL_INTAKE_OAUTH2_CLIENT_SECRET) with "
                          "oauth2_token_url"});
      }
    }
    if (config.mail_intake_mark != "keyword" && config.mail_intake_mark != "move") {
      errors.push_back({"mail_intake.mark", "must be keyword or move"});
    }
    const auto plain_folder = [](const std::string& folder) {
      return !folder.empty() && std::ranges::all_of(folder, [](char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '*' && c != '%';
      });
    };
    if (!plain_folder(config.mail_intake_folder)) {
      errors.push_back({"mail_intake.folder", "must be a folder name in plain ASCII"});
    }
    if (!plain_folder(config.mail_intake_processed_folder) ||
        config.mail_intake_processed_folder == config.mail_intake_folder) {
      errors.push_back({"mail_intake.processed_folder",
                        "must be a folder name in plain ASCII other than mail_intake.folder"});
    }
  }
  for (std::size_t start = 0; start <= config.register_editors.size();) {
    auto end = config.register_editors.find(',', start);
    if (end == std::string::npos) end = config.register_editors.size();
    std::string_view email(config.register_editors.data() + start, end - start);
    while (!email.empty() && (email.front() == ' ' || email.front() == '\t'))
      email.remove_prefix(1);
    while (!email.empty() && (email.back() == ' ' || email.back() == '\t')) email.remove_suffix(1);
    if (!email.empty() && (email.find('@') == std::string_view::npos ||
                           email.find_first_of(" <>\"\r\n") != std::string_view::npos)) {
      errors.push_back({"register.editors", "must be e-mail addresses separated by commas"});
      break;
    }
    start = end + 1;
  }
  auto check_url = [&](const char* key, const std::string& url) {
    if (!url.empty() && ((!url.starts_with("https://") && !url.starts_with("http://")) ||
                         url.find_first_of(" \t\r\n\"<>") != std::string::npos)) {
      errors.push_back({key, "must be an http:// or https:// address"});
    }
  };
  check_url("almanak.url", config.almanak_url);
  check_url("boundaries.url", config.boundaries_url);
  check_url("council.url", config.council_url);
  if (!config.sso_issuer.empty()) {
    if (!config.sso_issuer.starts_with("https://") && !config.sso_issuer.starts_with("http://")) {
      errors.push_back({"sso.issuer", "must be an https:// address (http:// only for tests)"});
    }
    if (config.sso_client_id.empty()) errors.push_back({"sso.client_id", "is required"});
    if (config.sso_client_secret.empty() && config.sso_client_secret_file.empty()) {
      errors.push_back(
          {"sso.client_secret_file", "is required (or set AANTAFEL_SSO_CLIENT_SECRET)"});
    }
    if (config.sso_token_auth != "client_secret_basic" &&
        config.sso_token_auth != "client_secret_post") {
      errors.push_back({"sso.token_auth", "must be client_secret_basic or client_secret_post"});
    }
    if (config.sso_roles_claim != "groups" && config.sso_roles_claim != "roles") {
      errors.push_back({"sso.roles_claim", "must be groups or roles"});
    }
    if (config.sso_scopes.find("openid") == std::string::npos) {
      errors.push_back({"sso.scopes", "must include openid"});
    }
  }
  if (config.smtp_tls != "required" && config.smtp_tls != "try" && config.smtp_tls != "none") {
    errors.push_back({"smtp.tls", "must be required, try or none"});
  }
  if (config.smtp_from.find('@') == std::string::npos ||
      config.smtp_from.find_first_of("<>\r\n ") != std::string::npos) {
    errors.push_back({"smtp.from", "must be an e-mail address"});
  }
  if (!http::ParseAddressList(config.trusted_proxies)) {
    errors.push_back({"server.trusted_proxies", "must be IP addresses separated by commas"});
  }
  if (!config.public_url.starts_with("http://") && !config.public_url.starts_with("https://")) {
    errors.push_back({"server.public_url", "must start with http:// or https://"});
  }
  if (!config.database_url.starts_with("sqlite:") &&
      !config.database_url.starts_with("postgresql://") &&
      !config.database_url.starts_with("postgres://")) {
    errors.push_back({"database.url", "must start with sqlite: or postgresql://"});
  }
  if (config.log_format != "text" && config.log_format != "json") {
    errors.push_back({"log.format", "must be text or json"});
  }
  static constexpr std::string_view kLevels[] = {"trace", "debug", "info", "warn", "error", "off"};
  if (std::find(std::begin(kLevels), std::end(kLevels), config.log_level) == std::end(kLevels)) {
    errors.push_back({"log.level", "must be one of trace, debug, info, warn, error, off"});
  }
  return errors;
}

}  // namespace aantafel::app
