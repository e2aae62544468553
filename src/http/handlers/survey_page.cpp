#include "http/handlers/survey_page.hpp"

#include <array>

#include "http/handlers/public_page.hpp"

namespace aantafel::http {

using core::FieldIssue;
using core::feedback::Survey;

namespace {

struct Words {
  const char* lang;
  const char* title;
  const char* intro;
  const char* other_language;
  const char* other_code;
  const char* other_label;
  const char* not_likely;
  const char* very_likely;
  const char* yes_call;
  const char* phone;
  const char* phone_hint;
  const char* send;
  const char* privacy;
  const char* problems;
  const char* us;
  const char* optional;
};

constexpr Words kDutch{
    "nl",
    "Uw mening telt",
    "Vier korte vragen. Het kost ongeveer 2 minuten. Alleen vraag 1 is verplicht.",
    "English",
    "en",
    "Read this page in English",
    "0 = helemaal niet waarschijnlijk",
    "10 = heel waarschijnlijk",
    "Ja, u mag mij bellen",
    "Uw telefoonnummer",
    "Alleen nodig als u gebeld wilt worden. Bijvoorbeeld 06 12345678. Wij bewaren uw nummer "
    "hoogstens 90 dagen en gebruiken het alleen om u te bellen.",
    "Versturen",
    "Uw antwoorden gaan naar het team dat u hielp. Wij vragen niet naar uw naam.",
    "Er ging iets mis. Kijk naar deze vragen:",
    "ons",
    "(niet verplicht)"};

constexpr Words kEnglish{
    "en",
    "Your opinion counts",
    "Four short questions. It takes about 2 minutes. Only question 1 is required.",
    "Nederlands",
    "nl",
    "Lees deze pagina in het Nederlands",
    "0 = not at all likely",
    "10 = extremely likely",
    "Yes, you may call me",
    "Your phone number",
    "Only needed if you want us to call you. For example +31 6 12345678. We keep your number "
    "for 90 days at most and only use it to call you.",
    "Send",
    "Your answers go to the team that helped you. We do not ask for your name.",
    "Something went wrong. Please look at these questions:",
    "us",
    "(optional)"};

const Words& WordsFor(bool english) { return english ? kEnglish : kDutch; }

std::string Problem(const std::string& field, const core::FieldError& error, bool english) {
  const bool too_long = error.issue == FieldIssue::kTooLong;
  if (field == "score") {
    return english ? "Question 1: choose a number from 0 to 10."
                   : "Vraag 1: kies een cijfer van 0 tot en met 10.";
  }
  if (field == "why" || field == "better") {
    const char* which = field == "why" ? (english ? "Question 2" : "Vraag 2")
                                       : (english ? "Question 3" : "Vraag 3");
    if (too_long) {
      return std::string(which) + (english ? ": your answer is too long (2000 characters at most)."
                                           : ": uw antwoord is te lang (hoogstens 2000 tekens).");
    }
    return std::string(which) + (english
                                     ? ": this answer could not be read. Please type it again."
                                     : ": dit antwoord konden wij niet lezen. Typ het opnieuw.");
  }
  if (field == "phone") {
    if (error.issue == FieldIssue::kRequired) {
      return english ? "Question 4: fill in your phone number, or untick the box."
                     : "Vraag 4: vul uw telefoonnummer in, of zet het vinkje uit.";
    }
    return english ? "Question 4: this phone number is not valid. For example: +31 6 12345678."
                   : "Vraag 4: dit telefoonnummer klopt niet. Bijvoorbeeld: 06 12345678.";
  }
  return english ? "Please leave the last, hidden field empty."
                 : "Laat het laatste, verborgen veld leeg.";
}

std::string WithService(std::string text, const Survey& survey, const Words& w) {
  const std::string service = survey.service.empty() ? w.us : survey.service;
  for (auto at = text.find("{service}"); at != std::string::npos;
       at = text.find("{service}", at + service.size())) {
    text.replace(at, 9, service);
  }
  return text;
}

}  // namespace

std::string SurveyFormPage(const Survey& survey, const std::string& token, bool english,
                           const SurveyFormValues& values,
                           const std::map<std::string, core::FieldError>& problems) {
  const Words& w = WordsFor(english);
  const auto& q = survey.questions;
  const std::string action = "/f/" + HtmlEscape(token);
  std::string page = PublicPageHead(
      english, (problems.empty() ? "" : (english ? "Error: " : "Fout: ")) + std::string(w.title));
  page += "<p class=\"lang\"><a href=\"" + action + "?lang=" + w.other_code + "\" lang=\"" +
          w.other_code + "\" hreflang=\"" + w.other_code + "\" aria-label=\"" + w.other_label +
          "\">" + w.other_language + "</a></p>";
  page += "<h1>" + std::string(w.title) + "</h1><p>" + w.intro + "</p>";
  if (!problems.empty()) {
    page += "<div class=\"problems\" role=\"alert\" tabindex=\"-1\" id=\"problems\"><h2>" +
            std::string(w.problems) + "</h2><ul>";
    for (const auto& [field, error] : problems) {
      const std::string target = field == "score" ? "s0" : field == "website" ? "main" : field;
      page += "<li><a href=\"#" + target + "\">" + HtmlEscape(Problem(field, error, english)) +
              "</a></li>";
    }
    page += "</ul></div>";
  }
  page += "<form method=\"post\" action=\"" + action + "\">";
  page += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(w.lang) + "\">";
  if (!values.channel.empty()) {
    page += "<input type=\"hidden\" name=\"channel\" value=\"" + HtmlEscape(values.channel) + "\">";
  }
  // 1. score
  const bool score_problem = problems.contains("score");
  page += "<fieldset class=\"score\"";
  if (score_problem) page += " aria-describedby=\"score-error\"";
  page += "><legend><span class=\"n\">1.</span> " +
          HtmlEscape(WithService(english ? q.recommend_en : q.recommend_nl, survey, w)) +
          "</legend>";
  if (score_problem) {
    page += "<p class=\"error\" id=\"score-error\">" +
            HtmlEscape(Problem("score", problems.at("score"), english)) + "</p>";
  }
  page += "<div class=\"scale\">";
  for (int i = 0; i <= 10; ++i) {
    const std::string id = "s" + std::to_string(i);
    page += "<span><input type=\"radio\" name=\"score\" id=\"" + id + "\" value=\"" +
            std::to_string(i) + "\"";
    if (values.score == i) page += " checked";
    page += "><label for=\"" + id + "\">" + std::to_string(i) + "</label></span>";
  }
  page += "</div><p class=\"ends\"><span>" + std::string(w.not_likely) + "</span><span>" +
          w.very_likely + "</span></p></fieldset>";
  // 2. and 3. open answers
  auto text_area = [&](const char* name, const char* number, const std::string& label,
                       const std::string& value) {
    const bool bad = problems.contains(name);
    std::string out = "<div class=\"field\"><label for=\"" + std::string(name) +
                      "\"><span class=\"n\">" + number + "</span> " + HtmlEscape(label) +
                      " <span class=\"opt\">" + w.optional + "</span></label>";
    if (bad) {
      out += "<p class=\"error\" id=\"" + std::string(name) + "-error\">" +
             HtmlEscape(Problem(name, problems.at(name), english)) + "</p>";
    }
    out += "<textarea id=\"" + std::string(name) + "\" name=\"" + name +
           "\" rows=\"4\" maxlength=\"2000\"";
    if (bad) out += " aria-invalid=\"true\" aria-describedby=\"" + std::string(name) + "-error\"";
    out += ">" + HtmlEscape(value) + "</textarea></div>";
    return out;
  };
  page += text_area("why", "2.", english ? q.why_en : q.why_nl, values.why);
  page += text_area("better", "3.", english ? q.better_en : q.better_nl, values.better);
  // 4. callback
  const bool phone_problem = problems.contains("phone");
  page += "<fieldset class=\"callback\"><legend><span class=\"n\">4.</span> " +
          HtmlEscape(english ? q.callback_en : q.callback_nl) + " <span class=\"opt\">" +
          w.optional + "</span></legend>";
  page +=
      "<div class=\"check\"><input type=\"checkbox\" id=\"callback\" name=\"callback\" "
      "value=\"yes\"";
  if (values.callback) page += " checked";
  page += "><label for=\"callback\">" + std::string(w.yes_call) + "</label></div>";
  page += "<label for=\"phone\">" + std::string(w.phone) + "</label>";
  page += "<p class=\"hint\" id=\"phone-hint\">" + std::string(w.phone_hint) + "</p>";
  if (phone_problem) {
    page += "<p class=\"error\" id=\"phone-error\">" +
            HtmlEscape(Problem("phone", problems.at("phone"), english)) + "</p>";
  }
  page +=
      "<input type=\"tel\" id=\"phone\" name=\"phone\" autocomplete=\"tel\" maxlength=\"40\" "
      "value=\"" +
      HtmlEscape(values.phone) + "\" aria-describedby=\"phone-hint" +
      (phone_problem ? " phone-error\" aria-invalid=\"true\"" : "\"") + "></fieldset>";
  // Honeypot: people never see or reach it; simple bots fill it in.
  page +=
      "<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Website</label><input "
      "type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\">"
      "</div>";
  page += "<button type=\"submit\">" + std::string(w.send) + "</button></form>";
  page += "<p class=\"privacy\">" + std::string(w.privacy) + "</p>";
  page += kPublicPageTail;
  return page;
}

std::string SurveyThanksPage(bool english, bool callback) {
  std::string page = PublicPageHead(english, english ? "Thank you" : "Bedankt");
  page += english ? "<h1>Thank you for your answers</h1><p>The team reads every answer.</p>"
                  : "<h1>Bedankt voor uw antwoorden</h1><p>Het team leest elk antwoord.</p>";
  if (callback) {
    page += english ? "<p>You asked us to call you. Someone from the team will call you soon.</p>"
                    : "<p>U wilt gebeld worden. Iemand van het team belt u snel.</p>";
  }
  page += english ? "<p>You can close this page now.</p>" : "<p>U kunt deze pagina nu sluiten.</p>";
  page += kPublicPageTail;
  return page;
}

std::string SurveyNoticePage(SurveyNotice notice, bool english) {
  static constexpr std::array<PublicNotice, 6> kTexts{{
      {"Deze vragenlijst is gesloten", "U kunt hem niet meer invullen. Bedankt voor uw moeite.",
       "This survey is closed", "It can no longer be filled in. Thank you for your trouble."},
      {"U heeft deze vragenlijst al ingevuld", "Elke persoonlijke link werkt één keer. Bedankt!",
       "You have already filled in this survey", "Each personal link works once. Thank you!"},
      {"Deze link is verlopen", "De link werkt niet meer. Bedankt voor uw moeite.",
       "This link has expired", "The link no longer works. Thank you for your trouble."},
      {"Deze link kennen wij niet", "Kijk of de link helemaal goed is overgenomen.",
       "We do not know this link", "Please check that the whole link was copied."},
      {"Even geduld",
       "Er komen nu te veel antwoorden tegelijk binnen. Probeer het over een "
       "minuut opnieuw. Uw antwoorden staan nog in het formulier als u teruggaat.",
       "Please wait a moment",
       "Too many answers are arriving at once. Please try again in a "
       "minute. Your answers are still in the form if you go back."},
      {"Dat lukte niet",
       "Uw antwoord kon nu niet worden bewaard. Ga terug en probeer het over "
       "een minuut opnieuw; uw antwoorden staan dan nog in het formulier.",
       "That did not work",
       "Your answer could not be saved just now. Go back and try again in a "
       "minute; your answers will still be in the form."},
  }};
  return PublicNoticePage(kTexts[static_cast<std::size_t>(notice)], english);
}

const std::string& SurveyStyleSheet() {
  static const std::string kCss =
      R"css(:root{color-scheme:light;--ink:#1a1a1a;--brand:#00529b;--bad:#b00020;--line:#6b6b6b}
*{box-sizing:border-box}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:0 0 .5rem}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.lang{text-align:right;margin:0}
.lang a{display:inline-block;padding:.5rem;min-height:44px}
fieldset{border:0;padding:0;margin:0 0 1.5rem}
legend,label{font-weight:600}
legend{padding:0;margin-bottom:.5rem}
.n{color:var(--brand)}
.opt{font-weight:400;color:#444}
.scale{display:grid;grid-template-columns:repeat(6,1fr);gap:.4rem}
@media (min-width:34rem){.scale{grid-template-columns:repeat(11,1fr)}}
.scale span{position:relative}
.scale input{position:absolute;opacity:0;width:100%;height:100%;margin:0;left:0;top:0}
.scale label{display:flex;align-items:center;justify-content:center;min-height:48px;border:2px solid var(--line);border-radius:.4rem;font-size:1.25rem;cursor:pointer;background:#fff}
.scale input:checked+label{background:var(--brand);border-color:var(--brand);color:#fff}
.scale input:focus-visible+label{outline:3px solid #ffbf47;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:1rem;margin:.4rem 0 0}
.field{margin:0 0 1.5rem}
.field label,.callback>label{display:block;margin-bottom:.4rem}
textarea,input[type=tel]{width:100%;font:inherit;padding:.6rem;border:2px solid var(--line);border-radius:.4rem}
.check{display:flex;align-items:center;gap:.6rem;margin:.25rem 0 1rem;min-height:44px}
.check input{width:1.6rem;height:1.6rem;margin:0}
.check label{font-weight:400}
.hint{margin:0 0 .4rem;font-size:1rem;color:#333}
.error{color:var(--bad);font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border-color:var(--bad)}
.problems{border:3px solid var(--bad);padding:1rem;margin:0 0 1.5rem;border-radius:.4rem}
.problems ul{margin:0;padding-left:1.2rem}
button{font:inherit;font-weight:600;color:#fff;background:var(--brand);border:0;border-radius:.4rem;padding:.8rem 2rem;min-height:48px;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.privacy{font-size:1rem;color:#333;margin-top:2rem}
.about{color:#333;margin:-.5rem 0 1rem}
main h2{margin-top:2rem}
.statement{margin-bottom:2rem}
.likert{display:grid;grid-template-columns:repeat(3,1fr);gap:.4rem}
@media (min-width:34rem){.likert{grid-template-columns:repeat(6,1fr)}}
.likert span{position:relative}
.likert input{position:absolute;opacity:0;width:100%;height:100%;margin:0;left:0;top:0}
.likert label{display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;min-height:56px;padding:.2rem;border:2px solid var(--line);border-radius:.4rem;cursor:pointer;background:#fff;font-size:1.1rem}
.likert label small{font-size:.8rem;font-weight:400;line-height:1.2}
.likert input:checked+label{background:var(--brand);border-color:var(--brand);color:#fff}
.likert input:focus-visible+label{outline:3px solid #ffbf47;outline-offset:2px}
label.comment{display:block;margin:.8rem 0 .3rem;font-size:1rem}
main.wide{max-width:72rem}
.scroll{overflow-x:auto;margin:0 0 1.5rem}
.scroll:focus-visible{outline:3px solid #ffbf47}
table{border-collapse:collapse;font-size:1rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
h3{font-size:1.05rem;margin:1.2rem 0 .2rem}
)css";
  return kCss;
}

}  // namespace aantafel::http
