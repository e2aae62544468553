#include "core/feedback/service.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/validation.hpp"

namespace aantafel::core::feedback {

namespace {

constexpr TextRule kName{.min_chars = 1, .max_chars = 200};
constexpr TextRule kLabel{.min_chars = 0, .max_chars = 200};
constexpr TextRule kDomain{.min_chars = 0, .max_chars = 100};
constexpr TextRule kQuestion{.min_chars = 1, .max_chars = 300};
constexpr TextRule kAnswer{.min_chars = 0, .max_chars = 2000, .allow_newlines = true};
constexpr TextRule kReference{.min_chars = 0, .max_chars = 100};
constexpr TextRule kNotes{.min_chars = 0, .max_chars = 4000, .allow_newlines = true};
constexpr TextRule kOutcome{.min_chars = 0, .max_chars = 1000, .allow_newlines = true};
constexpr long kMaxPeriodDays = 3660;
constexpr std::int64_t kThemeSample = 20000;  // most recent answers a theme report reads
constexpr std::size_t kQuotesPerTheme = 3;

std::string* QuestionField(Questions& q, std::string_view key) {
  if (key == "recommend_nl") return &q.recommend_nl;
  if (key == "recommend_en") return &q.recommend_en;
  if (key == "why_nl") return &q.why_nl;
  if (key == "why_en") return &q.why_en;
  if (key == "better_nl") return &q.better_nl;
  if (key == "better_en") return &q.better_en;
  if (key == "callback_nl") return &q.callback_nl;
  if (key == "callback_en") return &q.callback_en;
  return nullptr;
}

bool ValidMunicipalityCode(std::string_view code) {
  return code.size() == 6 && code.starts_with("GM") &&
         std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<GroupColumn> ColumnOf(std::string_view group_by) {
  static const std::map<std::string_view, GroupColumn> kColumns{
      {"", GroupColumn::kNone},           {"team", GroupColumn::kTeam},
      {"service", GroupColumn::kService}, {"municipality", GroupColumn::kMunicipality},
      {"law", GroupColumn::kLaw},         {"channel", GroupColumn::kChannel},
      {"survey", GroupColumn::kSurvey},   {"month", GroupColumn::kDay},
      {"week", GroupColumn::kDay}};
  const auto it = kColumns.find(group_by);
  if (it == kColumns.end()) return std::nullopt;
  return it->second;
}

NpsGroup GroupOf(std::string key, std::string label, const NpsCounts& counts) {
  return NpsGroup{.key = std::move(key),
                  .label = std::move(label),
                  .counts = counts,
                  .estimate = EstimateNps(counts)};
}

}  // namespace

FeedbackService::FeedbackService(FeedbackRepository& repository,
                                 whoiswho::WhoIsWhoRepository& audit, FieldCipher& cipher,
                                 accounts::Crypto& crypto, Random& random, const Clock& clock,
                                 const ThemeLexicon& themes, LiveNotifier& live,
                                 link_mail::LinkMailService* link_mail, FeedbackSettings settings)
    : repository_(repository),
      audit_(audit),
      cipher_(cipher),
      crypto_(crypto),
      random_(random),
      clock_(clock),
      lexicon_(themes),
      detector_(themes),
      live_(live),
      link_mail_(link_mail),
      settings_(settings),
      per_link_(clock, {.attempts = settings.submit_per_link_per_minute,
                        .period = std::chrono::seconds(60)}),
      per_address_(clock, {.attempts = settings.submit_per_address_per_minute,
                           .period = std::chrono::seconds(60)}),
      views_(clock, {.attempts = settings.views_per_address_per_minute,
                     .period = std::chrono::seconds(60)}) {}

std::string FeedbackService::PhoneContext(std::int64_t ws) const {
  return "feedback.phone/ws:" + std::to_string(ws);
}

namespace {
/// Where an open answer lives: "feedback.why/ws:12" or "feedback.better/ws:12".
std::string AnswerContext(std::string_view field, std::int64_t ws) {
  return "feedback." + std::string(field) + "/ws:" + std::to_string(ws);
}
}  // namespace

std::string FeedbackService::OpenAnswer(const std::string& sealed, std::string_view field,
                                        std::int64_t ws) const {
  if (sealed.empty()) return {};
  return cipher_.Open(sealed, AnswerContext(field, ws)).value_or("");
}

NewResponse FeedbackService::SealAnswers(std::int64_t ws, NewResponse response) {
  // Clients type names and phone numbers into these: they are sealed like the phone number.
  // Empty answers stay empty, so "with an answer" filters still work in SQL.
  if (!response.why.empty()) response.why = cipher_.Seal(response.why, AnswerContext("why", ws));
  if (!response.better.empty()) {
    response.better = cipher_.Seal(response.better, AnswerContext("better", ws));
  }
  return response;
}

std::int64_t FeedbackService::SealStoredAnswers() {
  if (repository_.AnswersSealed()) return 0;
  std::int64_t sealed = 0;
  std::int64_t after = 0;
  while (true) {
    auto batch = repository_.StoredAnswersAfter(after, 500);
    if (batch.empty()) break;
    after = batch.back().id;
    std::vector<StoredAnswers> changed;
    for (StoredAnswers& a : batch) {
      bool change = false;
      // A value that opens is sealed already (a run that stopped half-way).
      for (auto [field, text] : {std::pair<std::string_view, std::string*>{"why", &a.why},
                                 std::pair<std::string_view, std::string*>{"better", &a.better}}) {
        if (text->empty() || cipher_.Open(*text, AnswerContext(field, a.workspace_id))) continue;
        *text = cipher_.Seal(*text, AnswerContext(field, a.workspace_id));
        change = true;
      }
      if (change) changed.push_back(std::move(a));
    }
    if (!changed.empty()) repository_.ReplaceAnswers(changed);
    sealed += static_cast<std::int64_t>(changed.size());
  }
  repository_.MarkAnswersSealed(clock_.Now());
  return sealed;
}

// ---- surveys ----

std::vector<Survey> FeedbackService::ListSurveys(const accounts::WorkspaceAccess& access) {
  return repository_.ListSurveys(access.workspace.id);
}

Result<Survey> FeedbackService::GetSurvey(const accounts::WorkspaceAccess& access,
                                          std::int64_t id) {
  auto survey = repository_.GetSurvey(access.workspace.id, id);
  if (!survey) return Error::Of(ErrorCode::kNotFound);
  return *survey;
}

Result<Survey> FeedbackService::Checked(std::int64_t /*ws*/, Survey survey,
                                        const SurveyInput& input, FieldErrors& errors) {
  auto name = CheckText("name", input.name, kName, errors);
  auto team = CheckText("team", input.team, kLabel, errors);
  auto service = CheckText("service", input.service, kLabel, errors);
  auto domain = CheckText("domain", input.domain, kDomain, errors);
  const auto law = ParseLaw(input.law);
  if (!law) errors.Add("law", FieldIssue::kInvalidChoice);
  const auto channel = ParseChannel(input.channel);
  if (!channel) errors.Add("channel", FieldIssue::kInvalidChoice);
  if (input.pause_days < 0) {
    errors.Add("pause_days", FieldIssue::kTooSmall, 0);
  } else if (input.pause_days > 365) {
    errors.Add("pause_days", FieldIssue::kTooLarge, 365);
  }
  if (input.municipality_code) {
    if (!ValidMunicipalityCode(*input.municipality_code)) {
      errors.Add("municipality_code", FieldIssue::kInvalidFormat);
    } else if (!repository_.MunicipalityExists(*input.municipality_code)) {
      errors.Add("municipality_code", FieldIssue::kUnknownValue);
    }
  }
  for (const auto& [key, text] : input.questions) {
    std::string* target = QuestionField(survey.questions, key);
    const std::string field = "questions." + key;
    if (target == nullptr) {
      errors.Add(field, FieldIssue::kUnknownField);
      continue;
    }
    if (auto checked = CheckText(field, text, kQuestion, errors)) *target = *checked;
  }
  if (!errors.empty()) return std::move(errors).ToError();
  survey.name = *name;
  survey.team = *team;
  survey.service = *service;
  survey.domain = *domain;
  survey.law = *law;
  survey.channel = *channel;
  survey.pause_days = input.pause_days;
  survey.municipality_code = input.municipality_code;
  return survey;
}

Result<Survey> FeedbackService::CreateSurvey(const accounts::WorkspaceAccess& access,
                                             const SurveyInput& input) {
  FieldErrors errors;
  Survey survey;
  survey.questions = StandardQuestions();
  auto checked = Checked(access.workspace.id, survey, input, errors);
  if (!checked) return checked.error();
  checked->token = RandomToken(random_, 12);
  checked->created_at = checked->updated_at = clock_.Now();
  return repository_.AddSurvey(access.workspace.id, *checked);
}

Result<Survey> FeedbackService::UpdateSurvey(const accounts::WorkspaceAccess& access,
                                             std::int64_t id, const SurveyPatch& patch) {
  auto existing = repository_.GetSurvey(access.workspace.id, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  SurveyInput input{
      .name = patch.name.value_or(existing->name),
      .team = patch.team.value_or(existing->team),
      .service = patch.service.value_or(existing->service),
      .municipality_code = patch.municipality_code.value_or(existing->municipality_code),
      .law = std::string(
          ToString(patch.law ? ParseLaw(*patch.law).value_or(Law::kNone) : existing->law)),
      .domain = patch.domain.value_or(existing->domain),
      .channel = std::string(ToString(existing->channel)),
      .pause_days = patch.pause_days.value_or(existing->pause_days),
      .questions = patch.questions};
  FieldErrors errors;
  if (patch.law && !ParseLaw(*patch.law)) errors.Add("law", FieldIssue::kInvalidChoice);
  auto checked = Checked(access.workspace.id, *existing, input, errors);
  if (!checked) return checked.error();
  if (patch.active) checked->active = *patch.active;
  checked->updated_at = clock_.Now();
  repository_.UpdateSurvey(access.workspace.id, *checked);
  return *checked;
}

Result<InvitationBatch> FeedbackService::Invite(const accounts::WorkspaceAccess& access,
                                                std::int64_t survey_id,
                                                const std::vector<ContactInput>& contacts,
                                                const std::optional<link_mail::MailRequest>& mail) {
  const std::int64_t ws = access.workspace.id;
  auto survey = repository_.GetSurvey(ws, survey_id);
  if (!survey) return Error::Of(ErrorCode::kNotFound);
  if (contacts.empty()) return Error::Field("contacts", FieldIssue::kRequired);
  if (contacts.size() > 1000) return Error::Field("contacts", FieldIssue::kTooLong, 1000);
  // Check every contact first, so a bad one leaves nothing half-made.
  FieldErrors errors;
  std::vector<std::optional<std::string>> keys;
  std::vector<std::string> addresses;  // e-mail addresses to mail the link to
  int shortest_days = 90;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const ContactInput& c = contacts[i];
    const std::string at = "contacts[" + std::to_string(i) + "].";
    CheckText(at + "reference", c.reference, kReference, errors);
    if (!ParseChannel(c.channel)) errors.Add(at + "channel", FieldIssue::kInvalidChoice);
    if (c.valid_days < 1) {
      errors.Add(at + "valid_days", FieldIssue::kTooSmall, 1);
    } else if (c.valid_days > 90) {
      errors.Add(at + "valid_days", FieldIssue::kTooLarge, 90);
    }
    std::optional<std::string> key;
    if (!TrimAscii(c.client).empty()) {
      key = ClientKey(c.client);
      if (!key) errors.Add(at + "client", FieldIssue::kInvalidFormat);
    }
    addresses.emplace_back();
    if (mail && key && key->starts_with("email:")) addresses.back() = key->substr(6);
    shortest_days = std::min(shortest_days, c.valid_days);
    keys.push_back(
        key ? std::optional(cipher_.Pseudonym(*key, "feedback.client/ws:" + std::to_string(ws)))
            : std::nullopt);
  }
  if (mail) link_mail::LinkMailService::Check(*mail, shortest_days, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  const Instant now = clock_.Now();
  const Instant since = now - std::chrono::days(survey->pause_days);
  InvitationBatch batch;
  std::vector<link_mail::LinkToMail> to_mail;
  std::vector<std::size_t> mailed_index;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const ContactInput& c = contacts[i];
    const std::string reference(TrimAscii(c.reference));
    if (keys[i] && survey->pause_days > 0 && repository_.InvitedSince(ws, *keys[i], since)) {
      batch.skipped.push_back(reference);
      continue;
    }
    std::string token = "p" + RandomToken(random_, 18);
    Invitation invitation{.survey_id = survey_id,
                          .reference = reference,
                          .channel = *ParseChannel(c.channel),
                          .expires_at = now + std::chrono::days(c.valid_days)};
    invitation = repository_.AddInvitation(ws, invitation, crypto_.Sha256Hex(token), keys[i], now);
    if (!addresses[i].empty()) {
      to_mail.push_back({.target_id = invitation.id,
                         .address = addresses[i],
                         .token = token,
                         .expires_at = invitation.expires_at});
      mailed_index.push_back(batch.created.size());
    }
    batch.created.push_back({.reference = reference,
                             .token = std::move(token),
                             .expires_at = invitation.expires_at,
                             .mailed = false});
  }
  if (link_mail_ != nullptr && mail && !to_mail.empty()) {
    const std::string& about = link_mail::SurveyAbout(survey->team, survey->service, survey->name);
    const link_mail::LinkSubject subject{.kind = link_mail::LinkKind::kSurvey,
                                         .organisation = access.workspace.name,
                                         .title = survey->name,
                                         .about = about};
    const auto mailed = link_mail_->Send(ws, subject, to_mail, *mail);
    for (std::size_t k = 0; k < mailed.size(); ++k)
      batch.created[mailed_index[k]].mailed = mailed[k];
  }
  return batch;
}

// ---- the public side ----

Result<PublicSurvey> FeedbackService::OpenLink(std::string_view token, const std::string& address) {
  if (const auto decision = views_.Consume(address); !decision.allowed) {
    Error e = Error::Of(ErrorCode::kRateLimited);
    e.retry_after_seconds = decision.retry_after_seconds;
    return e;
  }
  if (token.empty() || token.size() > 64) return Error::Of(ErrorCode::kNotFound);
  std::optional<PublicTarget> target = repository_.FindSurveyByToken(std::string(token));
  if (!target && token.starts_with("p")) {
    target = repository_.FindInvitation(crypto_.Sha256Hex(token));
  }
  if (!target) return Error::Of(ErrorCode::kNotFound);
  PublicSurvey page{.target = std::move(*target)};
  if (!page.target.survey.active) {
    page.state = LinkState::kClosed;
  } else if (page.target.invitation && page.target.invitation->used_at) {
    page.state = LinkState::kUsed;
  } else if (page.target.invitation && page.target.invitation->expires_at <= clock_.Now()) {
    page.state = LinkState::kExpired;
  }
  return page;
}

Result<StoredResponse> FeedbackService::Submit(std::string_view token, const AnswerInput& answer,
                                               const std::string& address) {
  for (auto* limiter : {&per_address_, &per_link_}) {
    const std::string key = limiter == &per_link_ ? std::string(token) + "|" + address : address;
    if (const auto decision = limiter->Consume(key); !decision.allowed) {
      Error e = Error::Of(ErrorCode::kRateLimited);
      e.retry_after_seconds = decision.retry_after_seconds;
      return e;
    }
  }
  auto page = OpenLink(token, address);
  if (!page) return page.error();
  if (page->state != LinkState::kOpen) return Error::Of(ErrorCode::kConflict);
  const PublicTarget& target = page->target;

  FieldErrors errors;
  std::optional<int> score;
  if (!answer.score || TrimAscii(*answer.score).empty()) {
    errors.Add("score", FieldIssue::kRequired);
  } else if (score = ParseScore(*answer.score); !score) {
    errors.Add("score", FieldIssue::kInvalidChoice);
  }
  auto why = CheckText("why", answer.why, kAnswer, errors);
  auto better = CheckText("better", answer.better, kAnswer, errors);
  std::optional<std::string> phone;
  if (answer.callback) {
    if (TrimAscii(answer.phone).empty()) {
      errors.Add("phone", FieldIssue::kRequired);
    } else if (phone = NormalisePhone(answer.phone); !phone) {
      errors.Add("phone", FieldIssue::kInvalidFormat);
    }
  }
  if (!answer.honeypot.empty()) errors.Add("website", FieldIssue::kInvalidFormat);
  if (!errors.empty()) return std::move(errors).ToError();

  const Instant now = clock_.Now();
  Channel channel = target.survey.channel;
  if (target.invitation) {
    channel = target.invitation->channel;
  } else if (auto tagged = ParseChannel(answer.channel)) {
    channel = *tagged;
  }
  NewResponse response{
      .survey_id = target.survey.id,
      .invitation_id = target.invitation ? std::optional(target.invitation->id) : std::nullopt,
      .score = *score,
      .why = *why,
      .better = *better,
      .callback = phone.has_value(),
      .phone_sealed = phone ? std::optional(cipher_.Seal(*phone, PhoneContext(target.workspace_id)))
                            : std::nullopt,
      .channel = channel,
      .language = answer.language == "en" ? "en" : "nl",
      .themes = detector_.Detect(*why + "\n" + *better),
      .day = LocalDay(now),
      .received_at = now};
  if (phone) {
    const int hours = CategoryOf(*score) == Category::kDetractor
                          ? settings_.callback_hours_detractor
                          : settings_.callback_hours_other;
    response.callback_due = now + std::chrono::hours(hours);
  }
  // Themes were found in the plaintext above; from here on the answers are sealed.
  auto stored = repository_.Submit(target.workspace_id,
                                   SealAnswers(target.workspace_id, std::move(response)));
  if (!stored) return Error::Of(ErrorCode::kConflict);  // the invitation was used meanwhile
  live_.Notify(
      {.workspace_id = target.workspace_id, .kind = LiveEvent::Kind::kResponse, .id = stored->id});
  if (stored->callback_id) {
    live_.Notify({.workspace_id = target.workspace_id,
                  .kind = LiveEvent::Kind::kCallback,
                  .id = *stored->callback_id});
  }
  return *stored;
}

// ---- responses ----

Response FeedbackService::Masked(std::int64_t ws, Response response) const {
  response.why = MaskPersonalData(OpenAnswer(response.why, "why", ws));
  response.better = MaskPersonalData(OpenAnswer(response.better, "better", ws));
  return response;
}

Result<std::vector<Response>> FeedbackService::ListResponses(
    const accounts::WorkspaceAccess& access, ResponseFilter filter) {
  if (filter.limit < 1 || filter.limit > 10000) {
    return Error::Field("limit", FieldIssue::kInvalidFormat);
  }
  if (filter.offset < 0) return Error::Field("offset", FieldIssue::kInvalidFormat);
  std::vector<Response> out = repository_.ListResponses(access.workspace.id, filter);
  for (auto& r : out) r = Masked(access.workspace.id, std::move(r));
  return out;
}

Status FeedbackService::ErasePersonalData(const accounts::WorkspaceAccess& access,
                                          std::int64_t response_id) {
  if (!repository_.ErasePersonalData(access.workspace.id, response_id)) {
    return Error::Of(ErrorCode::kNotFound);
  }
  audit_.RecordAudit(access.workspace.id, access.user_id, "feedback.response.erased",
                     "response:" + std::to_string(response_id), clock_.Now());
  return Ok{};
}

std::int64_t FeedbackService::PurgeExpiredPhones() {
  return repository_.PurgePhones(clock_.Now() - std::chrono::days(settings_.phone_retention_days));
}

// ---- NPS and themes ----

namespace {

struct Period {
  long from_day = 0;
  long to_day = 0;
};

Result<Period> PeriodOf(const NpsQuery& query, Instant now) {
  FieldErrors errors;
  const auto from = CheckDate("from", query.from, false, errors);
  const auto to = CheckDate("to", query.to, false, errors);
  if (!errors.empty()) return std::move(errors).ToError();
  Period p;
  p.to_day = to ? to->DaysSinceEpoch() : LocalDay(now);
  p.from_day = from ? from->DaysSinceEpoch() : p.to_day - 364;
  if (p.from_day > p.to_day) return Error::Field("from", FieldIssue::kInvalidFormat);
  if (p.to_day - p.from_day > kMaxPeriodDays) {
    return Error::Field("from", FieldIssue::kTooLong, static_cast<int>(kMaxPeriodDays));
  }
  return p;
}

}  // namespace

Result<NpsReport> FeedbackService::Nps(const accounts::WorkspaceAccess& access,
                                       const NpsQuery& query) {
  const auto column = ColumnOf(query.group_by);
  if (!column) return Error::Field("group_by", FieldIssue::kInvalidChoice);
  auto period = PeriodOf(query, clock_.Now());
  if (!period) return period.error();
  const auto rows = repository_.Daily(access.workspace.id, *column, period->from_day,
                                      period->to_day, query.survey_id);
  NpsReport report{.group_by = query.group_by};
  NpsCounts total;
  std::map<std::string, std::pair<std::string, NpsCounts>> folded;  // key → label, counts
  for (const DailyGroup& row : rows) {
    total += row.counts;
    if (*column == GroupColumn::kNone) continue;
    std::string key = row.key;
    std::string label = row.label;
    if (*column == GroupColumn::kDay) {
      const long day = std::stol(row.key);
      if (query.group_by == "month") {
        key = label = CivilDate::FromDaysSinceEpoch(MonthStart(day)).ToString().substr(0, 7);
      } else {
        key = label = IsoWeekLabel(day);
      }
    }
    auto& slot = folded[key];
    slot.first = label;
    slot.second += row.counts;
  }
  report.total = GroupOf("", "", total);
  report.invitations = repository_.Invitations(
      access.workspace.id, StartOfDutchDay(CivilDate::FromDaysSinceEpoch(period->from_day)),
      StartOfDutchDay(CivilDate::FromDaysSinceEpoch(period->to_day + 1)), query.survey_id);
  for (auto& [key, value] : folded)
    report.groups.push_back(GroupOf(key, value.first, value.second));
  if (*column != GroupColumn::kDay) {
    std::stable_sort(
        report.groups.begin(), report.groups.end(),
        [](const NpsGroup& a, const NpsGroup& b) { return a.counts.n() > b.counts.n(); });
  }
  return report;
}

Result<ThemeReport> FeedbackService::Themes(const accounts::WorkspaceAccess& access,
                                            const NpsQuery& query) {
  auto period = PeriodOf(query, clock_.Now());
  if (!period) return period.error();
  ResponseFilter filter{.survey_id = query.survey_id,
                        .from = StartOfDutchDay(CivilDate::FromDaysSinceEpoch(period->from_day)),
                        .until = StartOfDutchDay(CivilDate::FromDaysSinceEpoch(period->to_day + 1)),
                        .with_better_only = true,
                        .limit = kThemeSample};
  const auto responses = repository_.ListResponses(access.workspace.id, filter);
  ThemeReport report;
  std::map<std::string, ThemeCount> counts;
  for (const Theme& theme : lexicon_.themes) counts[theme.id].theme = &theme;
  for (const Response& r : responses) {
    const long day = LocalDay(r.received_at);
    if (day < period->from_day || day > period->to_day) continue;
    ++report.answered;
    for (const std::string& id : r.themes) {
      auto it = counts.find(id);
      if (it == counts.end()) continue;
      switch (CategoryOf(r.score)) {
        case Category::kPromoter: ++it->second.counts.promoters; break;
        case Category::kPassive: ++it->second.counts.passives; break;
        case Category::kDetractor: ++it->second.counts.detractors; break;
      }
      auto& quotes = it->second.quotes;
      if (quotes.size() < kQuotesPerTheme) {
        std::string quote = MaskPersonalData(
            r.better.empty() ? OpenAnswer(r.why, "why", access.workspace.id)
                             : OpenAnswer(r.better, "better", access.workspace.id));
        if (std::find(quotes.begin(), quotes.end(), quote) == quotes.end()) {
          quotes.push_back(std::move(quote));
        }
      }
    }
  }
  for (const Theme& theme : lexicon_.themes) {
    if (counts[theme.id].counts.n() > 0) report.themes.push_back(counts[theme.id]);
  }
  std::stable_sort(
      report.themes.begin(), report.themes.end(),
      [](const ThemeCount& a, const ThemeCount& b) { return a.counts.n() > b.counts.n(); });
  return report;
}

// ---- callbacks ----

bool FeedbackService::Overdue(const Callback& callback) const {
  return (callback.status == CallbackStatus::kOpen || callback.status == CallbackStatus::kCalled) &&
         callback.due_at < clock_.Now();
}

Callback FeedbackService::Opened(std::int64_t ws, Callback callback) {
  if (!callback.notes.empty()) {
    callback.notes =
        cipher_.Open(callback.notes, "feedback.callback_notes/ws:" + std::to_string(ws))
            .value_or("");
  }
  callback.why = MaskPersonalData(OpenAnswer(callback.why, "why", ws));
  callback.better = MaskPersonalData(OpenAnswer(callback.better, "better", ws));
  return callback;
}

Result<std::vector<Callback>> FeedbackService::ListCallbacks(
    const accounts::WorkspaceAccess& access, std::string_view status) {
  std::vector<CallbackStatus> statuses;
  if (status.empty() || status == "active") {
    statuses = {CallbackStatus::kOpen, CallbackStatus::kCalled};
  } else if (auto parsed = ParseCallbackStatus(status)) {
    statuses = {*parsed};
  } else {
    return Error::Field("status", FieldIssue::kInvalidChoice);
  }
  std::vector<Callback> out = repository_.ListCallbacks(access.workspace.id, statuses);
  for (auto& c : out) c = Opened(access.workspace.id, std::move(c));
  return out;
}

Result<Callback> FeedbackService::UpdateCallback(const accounts::WorkspaceAccess& access,
                                                 std::int64_t id, const CallbackPatch& patch) {
  const std::int64_t ws = access.workspace.id;
  auto existing = repository_.GetCallback(ws, id);
  if (!existing) return Error::Of(ErrorCode::kNotFound);
  Callback callback = Opened(ws, *existing);
  FieldErrors errors;
  if (patch.status) {
    if (auto s = ParseCallbackStatus(*patch.status)) {
      callback.status = *s;
    } else {
      errors.Add("status", FieldIssue::kInvalidChoice);
    }
  }
  if (patch.assignee_id) {
    if (*patch.assignee_id && !repository_.IsMember(ws, **patch.assignee_id)) {
      errors.Add("assignee_id", FieldIssue::kNoSuchUser);
    } else {
      callback.assignee_id = *patch.assignee_id;
    }
  }
  if (patch.notes) {
    if (auto notes = CheckText("notes", *patch.notes, kNotes, errors)) callback.notes = *notes;
  }
  if (patch.outcome) {
    if (auto outcome = CheckText("outcome", *patch.outcome, kOutcome, errors)) {
      callback.outcome = *outcome;
    }
  }
  if (!errors.empty()) return std::move(errors).ToError();
  callback.updated_at = clock_.Now();
  Callback sealed = callback;
  sealed.notes =
      callback.notes.empty()
          ? ""
          : cipher_.Seal(callback.notes, "feedback.callback_notes/ws:" + std::to_string(ws));
  repository_.UpdateCallback(ws, sealed);
  live_.Notify({.workspace_id = ws, .kind = LiveEvent::Kind::kCallback, .id = id});
  auto stored = repository_.GetCallback(ws, id);
  if (!stored) return Error::Of(ErrorCode::kNotFound);
  return Opened(ws, *stored);
}

Result<std::optional<std::string>> FeedbackService::RevealPhone(
    const accounts::WorkspaceAccess& access, std::int64_t callback_id) {
  if (access.role == accounts::Role::kViewer) return Error::Of(ErrorCode::kForbidden);
  const std::int64_t ws = access.workspace.id;
  if (!repository_.GetCallback(ws, callback_id)) return Error::Of(ErrorCode::kNotFound);
  const auto sealed = repository_.CallbackPhoneSealed(ws, callback_id);
  audit_.RecordAudit(ws, access.user_id, "feedback.phone.viewed",
                     "callback:" + std::to_string(callback_id), clock_.Now());
  if (!sealed) return std::optional<std::string>();
  return cipher_.Open(*sealed, PhoneContext(ws));
}

std::optional<Response> FeedbackService::LiveResponse(std::int64_t ws, std::int64_t id) {
  auto response = repository_.GetResponse(ws, id);
  if (!response) return std::nullopt;
  return Masked(ws, std::move(*response));
}

std::optional<Callback> FeedbackService::LiveCallback(std::int64_t ws, std::int64_t id) {
  auto callback = repository_.GetCallback(ws, id);
  if (!callback) return std::nullopt;
  return Opened(ws, std::move(*callback));
}

}  // namespace aantafel::core::feedback
