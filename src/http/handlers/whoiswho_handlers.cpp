#include <nlohmann/json.hpp>

#include "http/errors.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/handlers/whoiswho_views.hpp"
#include "http/json_body.hpp"
#include "interchange/exports.hpp"
#include "interchange/imports.hpp"

namespace aantafel::http {

using namespace core::whoiswho;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};

/// The optional ?dry_run=true|false|1|0 of an import.
bool DryRun(const HttpRequest& request, core::FieldErrors& errors) {
  auto flag = request.Query("dry_run");
  if (!flag || flag->empty() || *flag == "false" || *flag == "0") return false;
  if (*flag == "true" || *flag == "1") return true;
  errors.Add("dry_run", core::FieldIssue::kInvalidChoice);
  return false;
}

/// 200 with the report; 422 import_rejected with the report when a real import was refused.
HttpResponse ImportAnswer(const RequestContext& ctx, const ImportReport& report) {
  nlohmann::json body = ImportReportView(report, ctx.language);
  if (!report.rejected.empty() && !report.dry_run) {
    const core::Error rejected = core::Error::Of(core::ErrorCode::kImportRejected);
    return JsonResponse(HttpStatus(rejected.code),
                        {{"error",
                          {{"code", core::ToString(rejected.code)},
                           {"message", ErrorMessage(rejected, ctx.language)},
                           {"fields", nlohmann::json::object()}}},
                         {"report", std::move(body)}});
  }
  return JsonResponse(200, body);
}

/// Reads a position body shared by create requests.
std::optional<PositionInput> ReadPosition(JsonObjectReader& body) {
  PositionInput in;
  auto org = body.Integer("organisation_id");
  auto kind = body.String("kind", true, 64);
  auto title = body.String("title", false, 1024);
  auto party = body.String("party", false, 1024);
  auto portfolios = body.StringList("portfolios");
  auto domains = body.StringList("domains");
  auto committees = body.StringList("committees");
  auto started = body.String("started_on", true, 32);
  auto ended = body.String("ended_on", false, 32);
  if (!org || !kind || !started) return std::nullopt;
  in.organisation_id = *org;
  in.kind = *kind;
  in.title = title.value_or("");
  in.party = party.value_or("");
  in.portfolios = portfolios.value_or(std::vector<std::string>{});
  in.domains = domains.value_or(std::vector<std::string>{});
  in.committees = committees.value_or(std::vector<std::string>{});
  in.started_on = *started;
  in.ended_on = ended.value_or("");
  return in;
}

HttpResponse SearchMunicipalities(WhoIsWhoService& service, RequestContext& ctx) {
  const std::string text(ctx.request.Query("q").value_or(""));
  if (text.size() > 200) return Fail(ctx, core::Error::Field("q", core::FieldIssue::kTooLong, 200));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : service.SearchMunicipalities(text)) items.push_back(MunicipalityView(m));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse ImportMunicipalities(WhoIsWhoService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const bool dry_run = DryRun(ctx.request, errors);
  if (ctx.request.body.empty()) errors.Add("file", core::FieldIssue::kRequired);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto report = service.ImportMunicipalitiesAs(
      *ctx.principal, interchange::ParseCbsJson(std::string_view(ctx.request.body)), dry_run);
  if (!report) return Fail(ctx, report.error());
  return ImportAnswer(ctx, *report);
}

HttpResponse GetMunicipality(WhoIsWhoService& service, RequestContext& ctx) {
  auto detail = service.GetMunicipality(ctx.params.Get("code"));
  if (!detail) return Fail(ctx, detail.error());
  return JsonResponse(200, MunicipalityDetailView(*detail));
}

HttpResponse ListOrganisations(WhoIsWhoService& service, RequestContext& ctx) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : service.ListOrganisations(*ctx.workspace)) {
    items.push_back(OrganisationView(o));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddOrganisation(WhoIsWhoService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto kind = body->String("kind", true, 64);
  auto name = body->String("name", false, 1024);
  auto code = body->String("municipality_code", false, 16);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto org = service.AddOrganisation(*ctx.workspace, *kind, name.value_or(""), code.value_or(""));
  if (!org) return Fail(ctx, org.error());
  return JsonResponse(201, OrganisationView(*org));
}

HttpResponse ApplyElection(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  ElectionInput input;
  auto installation = body->String("installation_date", true, 32);
  auto election = body->String("election_date", false, 32);
  auto seats = body->ObjectList<SeatCount>("seats", 60, [](JsonObjectReader& item) {
    auto party = item.String("party", true, 1024);
    auto count = item.Integer("seats", true);
    if (!party || !count) return std::optional<SeatCount>();
    // Out-of-range counts are refused by core; clamp only to stay in int range.
    return std::optional<SeatCount>(
        {.party = *party, .seats = static_cast<int>(std::clamp<std::int64_t>(*count, -1, 1000))});
  });
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  input.installation_date = *installation;
  input.election_date = election.value_or("");
  input.seats = seats.value_or(std::vector<SeatCount>{});
  auto result = service.ApplyElection(*ctx.workspace, *id, input);
  if (!result) return Fail(ctx, result.error());
  nlohmann::json ended = nlohmann::json::array();
  for (const auto& e : result->ended) {
    ended.push_back({{"position_id", e.position_id}, {"ended_on", e.ended_on.ToString()}});
  }
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : result->not_yet_met) {
    people.push_back({{"id", p.id}, {"name", p.name}, {"fictional", p.fictional}});
  }
  return JsonResponse(
      200, {{"term", CouncilTermView(result->term)}, {"ended", ended}, {"not_yet_met", people}});
}

HttpResponse ListCouncilTerms(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  auto council = service.Council(*ctx.workspace, *id);
  if (!council) return Fail(ctx, council.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : council->terms) items.push_back(CouncilTermView(t));
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : council->not_yet_met) {
    people.push_back({{"id", p.id}, {"name", p.name}, {"fictional", p.fictional}});
  }
  return JsonResponse(
      200, {{"items", items}, {"seats", SeatsView(council->seats)}, {"not_yet_met", people}});
}

HttpResponse ExportPeople(WhoIsWhoService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const std::string format = ReadExportFormat(ctx.request, errors, "");
  auto organisation = QueryId(ctx.request, "organisation_id", errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  return FileResponse(
      interchange::PeopleTable(service.ExportLines(*ctx.workspace, organisation),
                               ExportLanguageOf(ctx)),
      format, "wie-is-wie-" + ctx.workspace->workspace.slug + "-" + service.Today().ToString());
}

/// People from a file: {kind} people_csv (our CSV) or almanak (Almanak XML); ?dry_run checks only.
HttpResponse ImportFile(WhoIsWhoService& service, RequestContext& ctx) {
  const std::string kind(ctx.params.Get("kind"));
  core::FieldErrors errors;
  const bool dry_run = DryRun(ctx.request, errors);
  if (kind != "people_csv" && kind != "almanak") {
    errors.Add("kind", core::FieldIssue::kInvalidChoice);
  }
  if (ctx.request.body.empty()) errors.Add("file", core::FieldIssue::kRequired);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  // The path names the format, so any Content-Type is accepted (browsers send
  // text/csv, application/vnd.ms-excel or nothing for the same file).
  const auto parsed = kind == "people_csv" ? interchange::ParsePeopleCsv(ctx.request.body)
                                           : interchange::ParseAlmanakXml(ctx.request.body);
  if (parsed.rows.empty() && parsed.municipalities.empty() && parsed.issues.empty() &&
      parsed.skipped == 0) {
    return Fail(ctx, core::Error::Field("file", core::FieldIssue::kNoRows));
  }
  auto report = service.ImportPeople(*ctx.workspace, parsed, dry_run);
  if (!report) return Fail(ctx, report.error());
  return ImportAnswer(ctx, *report);
}

HttpResponse ListPeople(WhoIsWhoService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  PeopleFilter filter;
  filter.text = std::string(ctx.request.Query("q").value_or(""));
  if (filter.text.size() > 200) errors.Add("q", core::FieldIssue::kTooLong, 200);
  filter.organisation_id = QueryId(ctx.request, "organisation_id", errors);
  if (auto kind = ctx.request.Query("kind"); kind && !kind->empty()) {
    filter.kind = ParsePositionKind(*kind);
    if (!filter.kind) errors.Add("kind", core::FieldIssue::kInvalidChoice);
  }
  if (auto quadrant = ctx.request.Query("quadrant"); quadrant && !quadrant->empty()) {
    filter.quadrant = ParseQuadrant(*quadrant);
    if (!filter.quadrant) errors.Add("quadrant", core::FieldIssue::kInvalidChoice);
  }
  filter.party = std::string(ctx.request.Query("party").value_or(""));
  filter.domain = std::string(ctx.request.Query("domain").value_or(""));
  if (filter.party.size() > 200) errors.Add("party", core::FieldIssue::kTooLong, 200);
  if (filter.domain.size() > 200) errors.Add("domain", core::FieldIssue::kTooLong, 200);
  filter.limit = static_cast<std::size_t>(QueryCount(ctx.request, "limit", 1, 500, 100, errors));
  filter.offset =
      static_cast<std::size_t>(QueryCount(ctx.request, "offset", 0, 1'000'000, 0, errors));
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  const auto today = service.Today();
  const auto page = service.ListPeople(*ctx.workspace, filter);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : page.items) items.push_back(PersonSummaryView(s, today));
  return JsonResponse(200, {{"items", items}, {"has_more", page.has_more}});
}

HttpResponse AddPerson(WhoIsWhoService& service, RequestContext& ctx) {
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto name = body->String("name", true, 1024);
  auto email = body->String("email", false, 1024);
  auto phone = body->String("phone", false, 256);
  auto notes = body->String("notes", false, 64 * 1024);
  auto fictional = body->Boolean("fictional");
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto person = service.AddPerson(*ctx.workspace, {.name = *name,
                                                   .email = email.value_or(""),
                                                   .phone = phone.value_or(""),
                                                   .notes = notes.value_or(""),
                                                   .fictional = fictional.value_or(false)});
  if (!person) return Fail(ctx, person.error());
  return JsonResponse(201, PersonView(*person));
}

HttpResponse GetPerson(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto dossier = service.GetPerson(*ctx.workspace, *id);
  if (!dossier) return Fail(ctx, dossier.error());
  return JsonResponse(200, DossierView(*dossier, service.Today()));
}

HttpResponse ExportPerson(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto dossier = service.GetPerson(*ctx.workspace, *id);
  if (!dossier) return Fail(ctx, dossier.error());
  nlohmann::json body = DossierView(*dossier, service.Today());
  body["workspace"] = ctx.workspace->workspace.slug;
  HttpResponse response = JsonResponse(200, body);
  response.headers.Set("Content-Disposition",
                       AttachmentDisposition("persoon-" + std::to_string(*id) + ".json"));
  return response;
}

HttpResponse UpdatePerson(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  PersonPatch patch{.name = body->String("name", false, 1024),
                    .email = body->String("email", false, 1024),
                    .phone = body->String("phone", false, 256),
                    .notes = body->String("notes", false, 64 * 1024),
                    .fictional = body->Boolean("fictional")};
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto person = service.UpdatePerson(*ctx.workspace, *id, patch);
  if (!person) return Fail(ctx, person.error());
  return JsonResponse(200, PersonView(*person));
}

HttpResponse ErasePerson(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto erased = service.ErasePerson(*ctx.workspace, *id);
  if (!erased) return Fail(ctx, erased.error());
  return HttpResponse::NoContent();
}

HttpResponse AddPosition(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto input = ReadPosition(*body);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto position = service.AddPosition(*ctx.workspace, *id, *input);
  if (!position) return Fail(ctx, position.error());
  return JsonResponse(201, PositionView(*position, service.Today()));
}

HttpResponse EndPosition(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "position_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto ended = body->String("ended_on", false, 32);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  auto position = service.EndPosition(*ctx.workspace, *id, ended.value_or(""));
  if (!position) return Fail(ctx, position.error());
  return JsonResponse(200, PositionView(*position, service.Today()));
}

HttpResponse DeletePosition(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "position_id");
  if (!id) return Fail(ctx, id.error());
  auto deleted = service.DeletePosition(*ctx.workspace, *id);
  if (!deleted) return Fail(ctx, deleted.error());
  return HttpResponse::NoContent();
}

HttpResponse AddAssessment(WhoIsWhoService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "person_id");
  if (!id) return Fail(ctx, id.error());
  auto body = JsonObjectReader::Parse(ctx.request);
  if (!body) return Fail(ctx, body.error());
  auto power = body->Integer("power");
  auto interest = body->Integer("interest");
  auto attitude = body->Integer("attitude");
  auto assessed_on = body->String("assessed_on", false, 32);
  auto note = body->String("note", false, 64 * 1024);
  if (auto done = body->Finish(); !done) return Fail(ctx, done.error());
  // Out-of-range numbers are refused by core; clamp only to keep them in int range.
  auto small = [](std::int64_t v) {
    return static_cast<int>(std::clamp<std::int64_t>(v, -100, 100));
  };
  auto assessment = service.AddAssessment(*ctx.workspace, *id,
                                          {.assessed_on = assessed_on.value_or(""),
                                           .power = small(*power),
                                           .interest = small(*interest),
                                           .attitude = small(*attitude),
                                           .note = note.value_or("")});
  if (!assessment) return Fail(ctx, assessment.error());
  return JsonResponse(201, AssessmentView(*assessment));
}

}  // namespace

void RegisterWhoIsWhoRoutes(Router& router, WhoIsWhoService& service) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(service));
  router.Add("GET", "/api/v1/municipalities", bind(SearchMunicipalities));

  // Newer CBS files into the shared register: a check for anyone signed in, the import itself
  // for the accounts in [register] editors (the command line can always).
  router.Add("POST", "/api/v1/municipalities/imports", bind(ImportMunicipalities));
  router.Add("GET", "/api/v1/municipalities/{code}", bind(GetMunicipality));
  router.Add("GET", base + "/organisations", bind(ListOrganisations), kMember);
  router.Add("POST", base + "/organisations", bind(AddOrganisation), kMember);
  router.Add("POST", base + "/organisations/{organisation_id}/elections", bind(ApplyElection),
             kMember);
  router.Add("GET", base + "/organisations/{organisation_id}/terms", bind(ListCouncilTerms),
             kMember);
  router.Add("GET", base + "/exports/people", bind(ExportPeople), kMember);
  router.Add("POST", base + "/imports/{kind}", bind(ImportFile), kMember);
  router.Add("GET", base + "/people", bind(ListPeople), kMember);
  router.Add("POST", base + "/people", bind(AddPerson), kMember);
  router.Add("GET", base + "/people/{person_id}", bind(GetPerson), kMember);
  router.Add("GET", base + "/people/{person_id}/export", bind(ExportPerson), kMember);
  router.Add("PATCH", base + "/people/{person_id}", bind(UpdatePerson), kMember);
  router.Add("DELETE", base + "/people/{person_id}", bind(ErasePerson), kMember);
  router.Add("POST", base + "/people/{person_id}/positions", bind(AddPosition), kMember);
  router.Add("PATCH", base + "/positions/{position_id}", bind(EndPosition), kMember);
  router.Add("DELETE", base + "/positions/{position_id}", bind(DeletePosition), kMember);
  router.Add("POST", base + "/people/{person_id}/assessments", bind(AddAssessment), kMember);
}

}  // namespace aantafel::http
