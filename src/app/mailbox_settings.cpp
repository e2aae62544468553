#include "app/mailbox_settings.hpp"

#include <fstream>
#include <memory>
#include <stdexcept>

#include "app/client_credentials.hpp"

namespace aantafel::app {

namespace {

/// A secret from the environment, or else the first line of its file.
std::string Secret(const std::string& value, const std::string& file, const std::string& key) {
  if (!value.empty() || file.empty()) return value;
  std::string line;
  std::ifstream in(file);
  std::getline(in, line);
  if (line.empty()) {
    throw std::runtime_error("[mail_intake] " + key + " " + file + " is missing or empty");
  }
  return line;
}

}  // namespace

ImapSettings MailboxSettingsFrom(const Config& config) {
  std::function<ImapToken()> token;
  if (!config.mail_intake_oauth2_token_url.empty()) {
    auto source = std::make_shared<ClientCredentialsToken>(ClientCredentialsSettings{
        .token_url = config.mail_intake_oauth2_token_url,
        .client_id = config.mail_intake_oauth2_client_id,
        .client_secret =
            Secret(config.mail_intake_oauth2_client_secret,
                   config.mail_intake_oauth2_client_secret_file, "oauth2_client_secret_file"),
        .scope = config.mail_intake_oauth2_scope});
    token = [source] {
      const AccessToken got = source->Get();
      return ImapToken{.token = got.token, .error = got.error};
    };
  }
  return ImapSettings{
      .url = config.mail_intake_imap_url,
      .require_tls = config.mail_intake_require_tls,
      .username = config.mail_intake_username,
      .password =
          Secret(config.mail_intake_password, config.mail_intake_password_file, "password_file"),
      .oauth2_token = token,
      .ca_file = config.mail_intake_ca_file,
      .folder = config.mail_intake_folder,
      .processed_folder = config.mail_intake_processed_folder,
      .mark = config.mail_intake_mark == "move" ? ImapMark::kMove : ImapMark::kKeyword,
      // A message is kept as a document: larger ones could not be filed anyway.
      .max_message_bytes = static_cast<std::size_t>(config.max_file_bytes)};
}

}  // namespace aantafel::app
