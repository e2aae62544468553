#include "http/errors.hpp"

#include <array>
#include <nlohmann/json.hpp>

namespace aantafel::http {

using core::ErrorCode;
using core::FieldIssue;

namespace {

/// THE table: domain error → HTTP status and message (Dutch at B1 level, and English).
/// "{n}" is replaced by Retry-After seconds.
struct ErrorEntry {
  ErrorCode code;
  int status;
  std::string_view dutch;
  std::string_view english;
};

constexpr std::array<ErrorEntry, 20> kErrors{{
    {ErrorCode::kInvalidInput, 422, "Niet alle velden zijn goed ingevuld.",
     "Some fields are not filled in correctly."},
    {ErrorCode::kMalformedRequest, 400, "Wij konden het verzoek niet lezen.",
     "We could not read the request."},
    {ErrorCode::kUnauthenticated, 401, "Je bent niet ingelogd. Log eerst in.",
     "You are not logged in. Please log in first."},
    {ErrorCode::kInvalidCredentials, 401, "Het e-mailadres of het wachtwoord klopt niet.",
     "The email address or the password is not correct."},
    {ErrorCode::kForbidden, 403, "Je mag dit niet doen in deze werkruimte.",
     "You are not allowed to do this in this workspace."},
    {ErrorCode::kCsrfFailed, 403,
     "De beveiligingscode ontbreekt of klopt niet. Laad de pagina opnieuw.",
     "The security token is missing or not correct. Please reload the page."},
    {ErrorCode::kNotFound, 404, "Dit bestaat niet, of je hebt er geen toegang toe.",
     "This does not exist, or you have no access to it."},
    {ErrorCode::kMethodNotAllowed, 405, "Deze actie kan hier niet.",
     "This action is not possible here."},
    {ErrorCode::kConflict, 409, "Dit bestaat al.", "This already exists."},
    {ErrorCode::kLastOwner, 409, "Een werkruimte heeft altijd minstens één eigenaar nodig.",
     "A workspace always needs at least one owner."},
    {ErrorCode::kPayloadTooLarge, 413, "Het verzoek is te groot.", "The request is too large."},
    {ErrorCode::kHeadersTooLarge, 431, "De kopregels van het verzoek zijn te groot.",
     "The request headers are too large."},
    {ErrorCode::kUnsupportedMediaType, 415,
     "Stuur de gegevens als JSON (Content-Type: application/json).",
     "Send the data as JSON (Content-Type: application/json)."},
    {ErrorCode::kRateLimited, 429, "Te veel pogingen. Probeer het over {n} seconden opnieuw.",
     "Too many attempts. Please try again in {n} seconds."},
    {ErrorCode::kUnavailable, 503,
     "De dienst is even niet beschikbaar. Probeer het over een paar minuten opnieuw.",
     "The service is not available right now. Please try again in a few minutes."},
    {ErrorCode::kImportRejected, 422,
     "Het bestand is niet ingelezen: sommige regels kloppen niet. Er is niets veranderd.",
     "The file was not imported: some rows are not correct. Nothing was changed."},
    {ErrorCode::kLinkExpired, 410,
     "Deze link werkt niet meer: hij is verlopen of al gebruikt. Vraag een nieuwe link aan.",
     "This link no longer works: it has expired or was already used. Please ask for a new link."},
    {ErrorCode::kSsoRefused, 403,
     "Inloggen met single sign-on is niet gelukt. Vraag je beheerder om hulp.",
     "Signing in with single sign-on did not succeed. Please ask your administrator."},
    {ErrorCode::kSsoRequired, 403,
     "Deze werkruimte opent alleen als je inlogt met single sign-on (je organisatie-account).",
     "This workspace opens only when you sign in with single sign-on (your organisation "
     "account)."},
    {ErrorCode::kInternal, 500, "Er ging iets mis bij ons. Probeer het later opnieuw.",
     "Something went wrong on our side. Please try again later."},
}};

struct FieldEntry {
  FieldIssue issue;
  std::string_view dutch;
  std::string_view english;
};

/// Field problems; "{n}" is replaced by the limit.
constexpr std::array<FieldEntry, 30> kFields{{
    {FieldIssue::kRequired, "Vul dit veld in.", "Please fill in this field."},
    {FieldIssue::kInvalidType, "Dit veld heeft de verkeerde soort waarde.",
     "This field has the wrong kind of value."},
    {FieldIssue::kTooShort, "Gebruik minstens {n} tekens.", "Use at least {n} characters."},
    {FieldIssue::kTooLong, "Gebruik hoogstens {n} tekens.", "Use at most {n} characters."},
    {FieldIssue::kInvalidFormat, "Dit veld heeft niet de goede vorm.",
     "This field is not in the right format."},
    {FieldIssue::kInvalidUtf8, "Dit veld bevat tekens die wij niet kunnen lezen (geen UTF-8).",
     "This field contains characters we cannot read (not UTF-8)."},
    {FieldIssue::kUnknownField, "Dit veld kennen wij niet. Laat het weg.",
     "We do not know this field. Please leave it out."},
    {FieldIssue::kInvalidChoice, "Kies een van de toegestane waarden.",
     "Choose one of the allowed values."},
    {FieldIssue::kTaken, "Deze waarde is al in gebruik.", "This value is already in use."},
    {FieldIssue::kNoSuchUser, "Er is geen account met dit e-mailadres.",
     "There is no account with this email address."},
    {FieldIssue::kDuplicate, "Deze waarde staat er meer dan één keer in.",
     "This value occurs more than once."},
    {FieldIssue::kUnknownValue, "Deze waarde kennen wij niet.", "We do not know this value."},
    {FieldIssue::kMissingColumn, "Deze kolom ontbreekt in het bestand.",
     "This column is missing from the file."},
    {FieldIssue::kUnreadable, "Dit bestand kunnen wij niet lezen.", "We cannot read this file."},
    {FieldIssue::kNoRows, "Dit bestand heeft geen regels om in te lezen.",
     "This file has no rows to import."},
    {FieldIssue::kIncomplete,
     "Dit bestand is maar één pagina van de tabel. Haal alle pagina's op (volg de next-link) of "
     "gebruik --cbs-url.",
     "This file is only one page of the table. Fetch every page (follow the next link) or use "
     "--cbs-url."},
    {FieldIssue::kOutsideNetherlands,
     "Deze coördinaten liggen niet in Nederland. Gebruik WGS84 (lengte, breedte) of RD New "
     "(EPSG:28992).",
     "These coordinates do not lie in the Netherlands. Use WGS84 (longitude, latitude) or RD New "
     "(EPSG:28992)."},
    {FieldIssue::kNotNullable,
     "Dit veld kan niet leeg gemaakt worden (null). Laat het weg of geef een waarde.",
     "This field cannot be cleared (null). Leave it out or give a value."},
    {FieldIssue::kAlreadyMember, "Deze persoon is al lid van deze werkruimte.",
     "This person is already a member of this workspace."},
    {FieldIssue::kWrongPassword, "Dit wachtwoord klopt niet.", "This password is not correct."},
    {FieldIssue::kTooSmall, "Kies een getal van minstens {n}.", "Choose a number of at least {n}."},
    {FieldIssue::kTooLarge, "Kies een getal van hoogstens {n}.", "Choose a number of at most {n}."},
    {FieldIssue::kEndsBeforeStart, "Kies een einde dat na het begin ligt.",
     "Choose an end that is after the start."},
    {FieldIssue::kPeriodTooLong, "Kies een periode van hoogstens {n} dagen.",
     "Choose a period of at most {n} days."},
    {FieldIssue::kTooMany, "Geef er hoogstens {n}.", "Give at most {n}."},
    {FieldIssue::kInvalidUrl,
     "Gebruik een webadres dat begint met https:// en geen gebruikersnaam of wachtwoord bevat.",
     "Use a web address that starts with https:// and holds no user name or password."},
    {FieldIssue::kFileTooLarge, "Kies een bestand van hoogstens {n} MB.",
     "Choose a file of at most {n} MB."},
    {FieldIssue::kFileTypeNotAccepted,
     "Dit soort bestand nemen wij niet aan. Kies een PDF, een Word-, Excel-, PowerPoint- of "
     "OpenDocument-bestand, een e-mail (.eml, .msg), een agenda-uitnodiging (.ics), tekst, CSV "
     "of een foto (PNG, JPEG, GIF, WebP, HEIC).",
     "We do not accept this kind of file. Choose a PDF, a Word, Excel, PowerPoint or OpenDocument "
     "file, an e-mail (.eml, .msg), a calendar invitation (.ics), text, CSV or a photo (PNG, JPEG, "
     "GIF, WebP, HEIC)."},
    {FieldIssue::kFileContentMismatch,
     "De inhoud van dit bestand past niet bij de naam. Controleer of je het goede bestand kiest.",
     "The content of this file does not match its name. Check that you chose the right file."},
    {FieldIssue::kNotAnEmail,
     "Kies een e-mail die als .eml-bestand is bewaard. Een .msg-bestand uit Outlook kunnen wij "
     "niet lezen: voeg het toe als document, of download de e-mail in Outlook op het web (dan "
     "wordt het een .eml-bestand).",
     "Choose an e-mail saved as an .eml file. We cannot read an Outlook .msg file: add it as a "
     "document, or download the e-mail in Outlook on the web (that gives an .eml file)."},
}};

const ErrorEntry& EntryFor(ErrorCode code) {
  for (const ErrorEntry& e : kErrors) {
    if (e.code == code) return e;
  }
  return kErrors.back();
}

std::string Fill(std::string_view text, int n) {
  std::string out(text);
  if (const auto at = out.find("{n}"); at != std::string::npos)
    out.replace(at, 3, std::to_string(n));
  return out;
}

}  // namespace

int HttpStatus(ErrorCode code) { return EntryFor(code).status; }

std::string ErrorMessage(const core::Error& error, Language language) {
  const ErrorEntry& e = EntryFor(error.code);
  return Fill(language == Language::kEnglish ? e.english : e.dutch,
              error.retry_after_seconds.value_or(0));
}

std::string FieldMessage(const core::FieldError& field, Language language) {
  for (const FieldEntry& f : kFields) {
    if (f.issue == field.issue) {
      return Fill(language == Language::kEnglish ? f.english : f.dutch, field.limit);
    }
  }
  return std::string(ToString(field.issue));
}

HttpResponse ErrorResponse(const core::Error& error, Language language) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, problem] : error.fields) fields[name] = FieldMessage(problem, language);
  nlohmann::json body = {{"error",
                          {{"code", ToString(error.code)},
                           {"message", ErrorMessage(error, language)},
                           {"fields", std::move(fields)}}}};
  HttpResponse response = HttpResponse::Json(
      HttpStatus(error.code), body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  response.headers.Set("Content-Language", std::string(ToTag(language)));
  if (error.code == ErrorCode::kMethodNotAllowed && !error.allow.empty()) {
    response.headers.Set("Allow", error.allow);
  }
  if (error.retry_after_seconds) {
    response.headers.Set("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  return response;
}

}  // namespace aantafel::http
