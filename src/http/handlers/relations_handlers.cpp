// Contacten en afspraken: interactions, follow-ups, agreements, relationship health, timeline.
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/validation.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/handlers/whoiswho_views.hpp"
#include "http/json_body.hpp"
#include "interchange/exports.hpp"

namespace aantafel::http {

using namespace core::relations;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};

json IdOrNull(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

json InteractionView(const Interaction& i, bool with_notes = true) {
  json out = {{"id", i.id},
              {"occurred_at", FormatTimestamp(i.occurred_at)},
              {"kind", ToString(i.kind)},
              {"organisation_id", IdOrNull(i.organisation_id)},
              {"subject", i.subject},
              {"stance", ToString(i.stance)},
              {"tags", i.tags},
              {"plan_id", IdOrNull(i.plan_id)},
              {"person_ids", i.person_ids},
              {"staff_ids", i.staff_ids},
              {"created_by", IdOrNull(i.created_by)},
              {"created_at", FormatTimestamp(i.created_at)},
              {"updated_at", FormatTimestamp(i.updated_at)}};
  out["notes"] = with_notes ? json(i.notes) : json(nullptr);
  return out;
}

json FollowUpView(const FollowUp& f, core::CivilDate today) {
  return {{"id", f.id},
          {"interaction_id", IdOrNull(f.interaction_id)},
          {"title", f.title},
          {"owner_id", IdOrNull(f.owner_id)},
          {"due_on", f.due_on.ToString()},
          {"done", f.done_at.has_value()},
          {"done_at", TimestampOrNull(f.done_at)},
          {"overdue", IsOverdue(f, today)}};
}

json AgreementView(const Agreement& a, core::CivilDate today) {
  json commitments = json::array();
  for (const auto& c : a.commitments) {
    commitments.push_back({{"organisation_id", IdOrNull(c.organisation_id)}, {"text", c.text}});
  }
  json history = json::array();
  for (const auto& h : a.history) {
    history.push_back(
        {{"status", ToString(h.status)}, {"at", FormatTimestamp(h.at)}, {"by", IdOrNull(h.by)}});
  }
  return {{"id", a.id},
          {"title", a.title},
          {"description", a.description},
          {"organisation_ids", a.organisation_ids},
          {"commitments", commitments},
          {"owner_id", IdOrNull(a.owner_id)},
          {"due_on", a.due_on ? json(a.due_on->ToString()) : json(nullptr)},
          {"status", ToString(a.status)},
          {"open", IsOpen(a.status)},
          {"overdue", IsOverdue(a, today)},
          {"interaction_id", IdOrNull(a.interaction_id)},
          {"history", history},
          {"created_at", FormatTimestamp(a.created_at)},
          {"updated_at", FormatTimestamp(a.updated_at)}};
}

/// "5 maanden" / "5 months": days in the unit a person would use.
std::string Span(int days, bool en) {
  auto unit = [&](int n, const char* nl_one, const char* nl_many, const char* en_one,
                  const char* en_many) {
    return std::to_string(n) + " " +
           (en ? (n == 1 ? en_one : en_many) : (n == 1 ? nl_one : nl_many));
  };
  if (days < 14) return unit(days, "dag", "dagen", "day", "days");
  if (days < 60) return unit(days / 7, "week", "weken", "week", "weeks");
  return unit(days / 30, "maand", "maanden", "month", "months");
}

std::string Sentence(const HealthReason& r, bool en) {
  using Code = HealthReason::Code;
  const std::string target = Span(r.target, en);
  switch (r.code) {
    case Code::kNeverMet:
      return en ? "No contact recorded yet; aim: every " + target + "."
                : "Nog geen contact vastgelegd; doel: elke " + target + ".";
    case Code::kContactOverdue:
    case Code::kContactOnRhythm:
      return en ? "Last contact " + Span(r.days, en) + " ago; aim: every " + target + "."
                : "Laatste contact " + Span(r.days, en) + " geleden; doel: elke " + target + ".";
    case Code::kMostlyAsking:
      return en ? "In the past year we asked " + std::to_string(r.ask) + " times and brought " +
                      std::to_string(r.bring) + " times; come to bring something too."
                : "Het afgelopen jaar " + std::to_string(r.ask) + " keer iets gevraagd en " +
                      std::to_string(r.bring) + " keer iets gebracht; kom ook iets brengen.";
    case Code::kAgreementsOverdue:
      return en ? std::to_string(r.count) + (r.count == 1 ? " agreement is" : " agreements are") +
                      " past the due date."
                : std::to_string(r.count) + (r.count == 1 ? " afspraak is" : " afspraken zijn") +
                      " over de datum.";
    case Code::kAgreementsOpen:
      return en ? std::to_string(r.count) +
                      (r.count == 1 ? " open agreement." : " open agreements.")
                : std::to_string(r.count) +
                      (r.count == 1 ? " openstaande afspraak." : " openstaande afspraken.");
  }
  return "";
}

std::string_view CodeName(HealthReason::Code code) {
  using Code = HealthReason::Code;
  switch (code) {
    case Code::kNeverMet: return "never_met";
    case Code::kContactOverdue: return "contact_overdue";
    case Code::kContactOnRhythm: return "contact_on_rhythm";
    case Code::kMostlyAsking: return "mostly_asking";
    case Code::kAgreementsOverdue: return "agreements_overdue";
    case Code::kAgreementsOpen: return "agreements_open";
  }
  return "";
}

json HealthView(const Health& h, const std::optional<core::Instant>& last, bool en) {
  json reasons = json::array();
  for (const auto& r : h.reasons) {
    reasons.push_back(
        {{"code", CodeName(r.code)}, {"status", ToString(r.weight)}, {"text", Sentence(r, en)}});
  }
  return {{"status", ToString(h.status)},
          {"last_contact", TimestampOrNull(last)},
          {"reasons", reasons}};
}

/// Optional id that may be null to clear it.
std::optional<std::optional<std::int64_t>> NullableId(JsonObjectReader& body,
                                                      const std::string& key) {
  if (body.IsNull(key)) return std::optional<std::int64_t>();
  if (auto v = body.Integer(key, false)) return std::optional<std::int64_t>(*v);
  return std::nullopt;
}

InteractionPatch ReadInteraction(JsonObjectReader& body) {
  InteractionPatch p;
  p.occurred_at = body.String("occurred_at", false);
  p.kind = body.String("kind", false);
  p.organisation_id = NullableId(body, "organisation_id");
  p.subject = body.String("subject", false);
  p.notes = body.String("notes", false);
  p.stance = body.String("stance", false);
  p.tags = body.StringList("tags", false, 20, 200);
  p.plan_id = NullableId(body, "plan_id");
  p.person_ids = body.IntegerList("person_ids", 50);
  p.staff_ids = body.IntegerList("staff_ids", 50);
  return p;
}

FollowUpPatch ReadFollowUp(JsonObjectReader& body) {
  FollowUpPatch p;
  p.title = body.String("title", false);
  p.due_on = body.String("due_on", false);
  p.owner_id = NullableId(body, "owner_id");
  p.interaction_id = NullableId(body, "interaction_id");
  p.done = body.Boolean("done", false);
  return p;
}

AgreementPatch ReadAgreement(JsonObjectReader& body) {
  AgreementPatch p;
  p.title = body.String("title", false);
  p.description = body.String("description", false);
  p.organisation_ids = body.IntegerList("organisation_ids", 20);
  p.commitments = body.ObjectList<Commitment>(
      "commitments", 30, [](JsonObjectReader& item) -> std::optional<Commitment> {
        Commitment c;
        if (!item.IsNull("organisation_id"))
          c.organisation_id = item.Integer("organisation_id", false);
        c.text = item.String("text", true).value_or("");
        return c;
      });
  p.owner_id = NullableId(body, "owner_id");
  if (body.IsNull("due_on")) {
    p.due_on = std::optional<std::string>();
  } else if (auto d = body.String("due_on", false)) {
    p.due_on = std::optional<std::string>(*d);
  }
  p.status = body.String("status", false);
  p.interaction_id = NullableId(body, "interaction_id");
  return p;
}

template <typename Patch, typename Read>
core::Result<Patch> ParseBody(const HttpRequest& request, Read read) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  Patch patch = read(*body);
  if (auto done = body->Finish(); !done) return done.error();
  return patch;
}

}  // namespace

nlohmann::json AgreementJson(const core::relations::Agreement& agreement, core::CivilDate today) {
  return AgreementView(agreement, today);
}

nlohmann::json InteractionJson(const core::relations::Interaction& interaction, bool with_notes) {
  return InteractionView(interaction, with_notes);
}

nlohmann::json RelationshipHealthJson(const core::relations::OrganisationHealth& health,
                                      bool english) {
  json people = json::array();
  for (const auto& p : health.people) {
    people.push_back(
        {{"person",
          {{"id", p.person.id}, {"name", p.person.name}, {"fictional", p.person.fictional}}},
         {"quadrant", p.quadrant ? json(core::whoiswho::ToString(*p.quadrant)) : json(nullptr)},
         {"health", HealthView(p.health, p.last_contact, english)}});
  }
  return {{"organisation", OrganisationView(health.organisation)},
          {"health", HealthView(health.health, health.last_contact, english)},
          {"people", people}};
}

namespace {

HttpResponse ListInteractions(RelationsService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  InteractionQuery q;
  q.organisation_id = QueryId(ctx.request, "organisation_id", errors);
  q.person_id = QueryId(ctx.request, "person_id", errors);
  const auto from = core::CheckDate("from", ctx.request.Query("from").value_or(""), false, errors);
  const auto to = core::CheckDate("to", ctx.request.Query("to").value_or(""), false, errors);
  if (from) q.from = core::StartOfDutchDay(*from);
  if (to) q.until = core::StartOfDutchDay(to->AddDays(1));
  if (auto limit = QueryId(ctx.request, "limit", errors)) q.limit = *limit;
  if (auto offset = ctx.request.Query("offset"); offset && !offset->empty()) {
    const auto [end, ec] =
        std::from_chars(offset->data(), offset->data() + offset->size(), q.offset);
    if (ec != std::errc{} || end != offset->data() + offset->size() || q.offset < 0) {
      errors.Add("offset", core::FieldIssue::kInvalidFormat);
    }
  }
  if (q.limit > 200) errors.Add("limit", core::FieldIssue::kInvalidFormat);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  const std::int64_t wanted = q.limit;
  q.limit = wanted + 1;
  auto list = service.ListInteractions(*ctx.workspace, q);
  if (!list) return Fail(ctx, list.error());
  const bool has_more = static_cast<std::int64_t>(list->size()) > wanted;
  if (has_more) list->pop_back();
  json items = json::array();
  for (const auto& i : *list) items.push_back(InteractionView(i, false));
  return JsonResponse(200, {{"items", items}, {"has_more", has_more}});
}

HttpResponse AddInteraction(RelationsService& service, RequestContext& ctx) {
  auto patch = ParseBody<InteractionPatch>(ctx.request, ReadInteraction);
  if (!patch) return Fail(ctx, patch.error());
  auto added = service.AddInteraction(*ctx.workspace, *patch);
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, InteractionView(*added));
}

HttpResponse GetInteraction(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "interaction_id");
  if (!id) return Fail(ctx, id.error());
  auto found = service.GetInteraction(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, InteractionView(*found));
}

HttpResponse UpdateInteraction(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "interaction_id");
  if (!id) return Fail(ctx, id.error());
  auto patch = ParseBody<InteractionPatch>(ctx.request, ReadInteraction);
  if (!patch) return Fail(ctx, patch.error());
  auto changed = service.UpdateInteraction(*ctx.workspace, *id, *patch);
  if (!changed) return Fail(ctx, changed.error());
  return JsonResponse(200, InteractionView(*changed));
}

HttpResponse DeleteInteraction(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "interaction_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.DeleteInteraction(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ListFollowUps(RelationsService& service, RequestContext& ctx) {
  const std::string open(ctx.request.Query("open").value_or("true"));
  if (open != "true" && open != "false") {
    return Fail(ctx, core::Error::Field("open", core::FieldIssue::kInvalidChoice));
  }
  json items = json::array();
  for (const auto& f : service.ListFollowUps(*ctx.workspace, open == "true")) {
    items.push_back(FollowUpView(f, service.Today()));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddFollowUp(RelationsService& service, RequestContext& ctx) {
  auto patch = ParseBody<FollowUpPatch>(ctx.request, ReadFollowUp);
  if (!patch) return Fail(ctx, patch.error());
  auto added = service.AddFollowUp(*ctx.workspace, *patch);
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, FollowUpView(*added, service.Today()));
}

HttpResponse UpdateFollowUp(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "follow_up_id");
  if (!id) return Fail(ctx, id.error());
  auto patch = ParseBody<FollowUpPatch>(ctx.request, ReadFollowUp);
  if (!patch) return Fail(ctx, patch.error());
  auto changed = service.UpdateFollowUp(*ctx.workspace, *id, *patch);
  if (!changed) return Fail(ctx, changed.error());
  return JsonResponse(200, FollowUpView(*changed, service.Today()));
}

HttpResponse DeleteFollowUp(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "follow_up_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.DeleteFollowUp(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ListAgreements(RelationsService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  auto organisation = QueryId(ctx.request, "organisation_id", errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  json items = json::array();
  for (const auto& a : service.ListAgreements(*ctx.workspace, organisation)) {
    items.push_back(AgreementView(a, service.Today()));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddAgreement(RelationsService& service, RequestContext& ctx) {
  auto patch = ParseBody<AgreementPatch>(ctx.request, ReadAgreement);
  if (!patch) return Fail(ctx, patch.error());
  auto added = service.AddAgreement(*ctx.workspace, *patch);
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, AgreementView(*added, service.Today()));
}

HttpResponse GetAgreement(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "agreement_id");
  if (!id) return Fail(ctx, id.error());
  auto found = service.GetAgreement(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, AgreementView(*found, service.Today()));
}

HttpResponse UpdateAgreement(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "agreement_id");
  if (!id) return Fail(ctx, id.error());
  auto patch = ParseBody<AgreementPatch>(ctx.request, ReadAgreement);
  if (!patch) return Fail(ctx, patch.error());
  auto changed = service.UpdateAgreement(*ctx.workspace, *id, *patch);
  if (!changed) return Fail(ctx, changed.error());
  return JsonResponse(200, AgreementView(*changed, service.Today()));
}

HttpResponse DeleteAgreement(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "agreement_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.DeleteAgreement(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse GetThisWeek(RelationsService& service, RequestContext& ctx) {
  const auto week = service.Week(*ctx.workspace);
  const auto today = service.Today();
  json follow_ups = json::array();
  for (const auto& f : week.follow_ups) follow_ups.push_back(FollowUpView(f, today));
  json agreements = json::array();
  for (const auto& a : week.agreements) agreements.push_back(AgreementView(a, today));
  return JsonResponse(
      200, {{"today", today.ToString()}, {"follow_ups", follow_ups}, {"agreements", agreements}});
}

HttpResponse GetRelationshipHealth(RelationsService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "organisation_id");
  if (!id) return Fail(ctx, id.error());
  auto health = service.HealthOf(*ctx.workspace, *id);
  if (!health) return Fail(ctx, health.error());
  return JsonResponse(200, RelationshipHealthJson(*health, ctx.language == Language::kEnglish));
}

HttpResponse GetTimeline(RelationsService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  auto organisation = QueryId(ctx.request, "organisation_id", errors);
  auto person = QueryId(ctx.request, "person_id", errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto items = service.Timeline(*ctx.workspace, organisation, person);
  if (!items) return Fail(ctx, items.error());
  const auto today = service.Today();
  json out = json::array();
  for (const auto& item : *items) {
    json entry = {{"at", FormatTimestamp(item.at)}};
    switch (item.kind) {
      case TimelineItem::Kind::kInteraction:
        entry["kind"] = "interaction";
        entry["interaction"] = InteractionView(*item.interaction, false);
        break;
      case TimelineItem::Kind::kAgreement:
        entry["kind"] = "agreement";
        entry["agreement"] = AgreementView(*item.agreement, today);
        break;
      case TimelineItem::Kind::kStatusChange:
        entry["kind"] = "agreement_status";
        entry["agreement"] = {{"id", item.agreement->id}, {"title", item.agreement->title}};
        entry["status"] = ToString(item.change->status);
        break;
      case TimelineItem::Kind::kPositionStarted:
      case TimelineItem::Kind::kPositionEnded:
        entry["kind"] = item.kind == TimelineItem::Kind::kPositionStarted ? "position_started"
                                                                          : "position_ended";
        entry["position"] = PositionView(*item.position, today);
        break;
    }
    out.push_back(std::move(entry));
  }
  return JsonResponse(200, {{"items", out}});
}

/// GET …/exports/interactions or …/exports/agreements (`kind`) as a file.
HttpResponse ExportTable(RelationsService& service, RequestContext& ctx, const std::string& kind) {
  core::FieldErrors errors;
  const std::string format = ReadExportFormat(ctx.request, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  const auto language = ExportLanguageOf(ctx);
  const auto table =
      kind == "interactions"
          ? interchange::InteractionsTable(service.ExportInteractions(*ctx.workspace), language)
          : interchange::AgreementsTable(service.ExportAgreements(*ctx.workspace), language);
  const bool en = language == interchange::ExportLanguage::kEnglish;
  const std::string name =
      kind == "interactions" ? (en ? "contacts" : "contacten") : (en ? "agreements" : "afspraken");
  return FileResponse(table, format, name + "-" + ctx.workspace->workspace.slug);
}

HttpResponse ExportInteractions(RelationsService& service, RequestContext& ctx) {
  return ExportTable(service, ctx, "interactions");
}

HttpResponse ExportAgreements(RelationsService& service, RequestContext& ctx) {
  return ExportTable(service, ctx, "agreements");
}

}  // namespace

void RegisterRelationsRoutes(Router& router, RelationsService& service) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(service));
  router.Add("GET", base + "/interactions", bind(ListInteractions), kMember);
  router.Add("POST", base + "/interactions", bind(AddInteraction), kMember);
  router.Add("GET", base + "/interactions/{interaction_id}", bind(GetInteraction), kMember);
  router.Add("PATCH", base + "/interactions/{interaction_id}", bind(UpdateInteraction), kMember);
  router.Add("DELETE", base + "/interactions/{interaction_id}", bind(DeleteInteraction), kMember);
  router.Add("GET", base + "/follow-ups", bind(ListFollowUps), kMember);
  router.Add("POST", base + "/follow-ups", bind(AddFollowUp), kMember);
  router.Add("PATCH", base + "/follow-ups/{follow_up_id}", bind(UpdateFollowUp), kMember);
  router.Add("DELETE", base + "/follow-ups/{follow_up_id}", bind(DeleteFollowUp), kMember);
  router.Add("GET", base + "/agreements", bind(ListAgreements), kMember);
  router.Add("POST", base + "/agreements", bind(AddAgreement), kMember);
  router.Add("GET", base + "/agreements/{agreement_id}", bind(GetAgreement), kMember);
  router.Add("PATCH", base + "/agreements/{agreement_id}", bind(UpdateAgreement), kMember);
  router.Add("DELETE", base + "/agreements/{agreement_id}", bind(DeleteAgreement), kMember);
  router.Add("GET", base + "/this-week", bind(GetThisWeek), kMember);
  router.Add("GET", base + "/organisations/{organisation_id}/relationship-health",
             bind(GetRelationshipHealth), kMember);
  router.Add("GET", base + "/timeline", bind(GetTimeline), kMember);
  router.Add("GET", base + "/exports/interactions", bind(ExportInteractions), kMember);
  router.Add("GET", base + "/exports/agreements", bind(ExportAgreements), kMember);
}

}  // namespace aantafel::http
