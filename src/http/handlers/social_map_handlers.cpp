// Sociale kaart: areas (districts, neighbourhoods), services with the areas they work in (CSV in
// and out), the coverage matrix per municipality, consortia with their joint offer, and the
// read-only link for a municipality (/c/{token}, HTML and JSON) that shows published services only.
#include <nlohmann/json.hpp>

#include "core/social_map/service.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/public_page.hpp"
#include "http/handlers/social_map_page.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"
#include "interchange/csv.hpp"
#include "interchange/services_csv.hpp"

namespace aantafel::http {

using core::social_map::Area;
using core::social_map::Consortium;
using core::social_map::Service;
using core::social_map::SocialMapService;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
const RouteOptions kOpen{.access = Access::kPublic};

json AreaView(const Area& a) {
  json out = {{"code", a.code},
              {"name", a.name},
              {"municipality_code", a.municipality_code},
              {"source", a.from_register ? "register" : "workspace"},
              {"figures", nullptr}};
  if (a.figures) {
    const auto& f = *a.figures;
    auto count = [](const std::optional<std::int64_t>& n) { return n ? json(*n) : json(nullptr); };
    const auto share = core::social_map::ShareAged65Plus(f);
    out["figures"] = {{"year", f.year},
                      {"inhabitants", count(f.inhabitants)},
                      {"aged_65_plus", count(f.aged_65_plus)},
                      {"share_65_plus", share ? json(*share) : json(nullptr)},
                      {"households", count(f.households)}};
  }
  return out;
}

json ServiceView(const Service& s) {
  return {{"id", s.id},
          {"organisation_id", s.organisation_id},
          {"organisation_name", s.organisation_name},
          {"name", s.name},
          {"domain", ToString(s.domain)},
          {"law", ToString(s.law)},
          {"target_groups", s.target_groups},
          {"areas", s.areas},
          {"contact", s.contact},
          {"capacity_note", s.capacity_note},
          {"waiting_weeks", s.waiting_weeks ? json(*s.waiting_weeks) : json(nullptr)},
          {"published", s.published},
          {"created_at", FormatTimestamp(s.created_at)},
          {"updated_at", FormatTimestamp(s.updated_at)}};
}

/// The public form of a service: nothing about when or by whom it was entered.
json PublicServiceView(const Service& s) {
  return {{"organisation", s.organisation_name},
          {"name", s.name},
          {"domain", ToString(s.domain)},
          {"law", ToString(s.law)},
          {"target_groups", s.target_groups},
          {"areas", s.areas},
          {"contact", s.contact},
          {"waiting_weeks", s.waiting_weeks ? json(*s.waiting_weeks) : json(nullptr)}};
}

json ConsortiumView(const Consortium& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"municipality_code", c.municipality_code},
          {"member_ids", c.member_ids},
          {"contact_organisation_id",
           c.contact_organisation_id ? json(*c.contact_organisation_id) : json(nullptr)},
          {"contact", c.contact},
          {"shared", c.shared},
          {"created_at", FormatTimestamp(c.created_at)}};
}

json CoverageJson(const core::social_map::Coverage& c) {
  json areas = json::array();
  for (const auto& a : c.areas) areas.push_back(AreaView(a));
  json domains = json::array();
  for (const auto d : c.domains) domains.push_back(ToString(d));
  json cells = json::array();
  for (const auto& cell : c.cells) {
    cells.push_back({{"area", cell.area},
                     {"domain", ToString(cell.domain)},
                     {"providers", cell.providers},
                     {"services", cell.services}});
  }
  return {{"areas", areas},
          {"domains", domains},
          {"cells", cells},
          {"gaps", c.gaps},
          {"single", c.single}};
}

json OfferJson(const core::social_map::OfferView& v, bool for_public) {
  json members = json::array();
  for (const auto& [id, name] : v.members) {
    const auto it = v.offer.niches.find(id);
    json niche = json::array();
    if (it != v.offer.niches.end()) {
      for (const auto i : it->second) {
        niche.push_back({{"area", v.offer.coverage.cells[i].area},
                         {"domain", ToString(v.offer.coverage.cells[i].domain)}});
      }
    }
    members.push_back({{"id", id}, {"name", name}, {"niche", niche}});
  }
  auto cell_list = [&](const std::vector<std::size_t>& indexes) {
    json out = json::array();
    for (const auto i : indexes) {
      out.push_back({{"area", v.offer.coverage.cells[i].area},
                     {"domain", ToString(v.offer.coverage.cells[i].domain)}});
    }
    return out;
  };
  json services = json::array();
  for (const auto& s : v.services) {
    services.push_back(for_public ? PublicServiceView(s) : ServiceView(s));
  }
  json out = {{"name", v.consortium.name},
              {"municipality_code", v.consortium.municipality_code},
              {"municipality_name", v.municipality_name},
              {"contact", v.consortium.contact},
              {"contact_organisation_id", v.consortium.contact_organisation_id
                                              ? json(*v.consortium.contact_organisation_id)
                                              : json(nullptr)},
              {"members", members},
              {"coverage", CoverageJson(v.offer.coverage)},
              {"overlaps", cell_list(v.offer.overlaps)},
              {"gaps", cell_list(v.offer.gaps)},
              {"services", services}};
  if (!for_public) out["consortium"] = ConsortiumView(v.consortium);
  return out;
}

core::Result<core::social_map::ServiceInput> ReadService(const HttpRequest& request) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  core::social_map::ServiceInput in;
  in.organisation_id = body->Integer("organisation_id", true);
  in.name = body->String("name", true, 4096).value_or("");
  in.domain = body->String("domain", true, 64).value_or("");
  in.law = body->String("law", false, 64).value_or("");
  in.target_groups =
      body->StringList("target_groups", false, 100, 1024).value_or(std::vector<std::string>{});
  in.areas = body->StringList("areas", true, 1000, 32).value_or(std::vector<std::string>{});
  in.contact = body->String("contact", false, 4096).value_or("");
  in.capacity_note = body->String("capacity_note", false, 8192).value_or("");
  if (!body->IsNull("waiting_weeks")) in.waiting_weeks = body->Integer("waiting_weeks", false);
  in.published = body->Boolean("published", false).value_or(false);
  if (auto done = body->Finish(); !done) return done.error();
  return in;
}

core::Result<core::social_map::ConsortiumInput> ReadConsortium(const HttpRequest& request) {
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  core::social_map::ConsortiumInput in;
  in.name = body->String("name", true, 4096).value_or("");
  in.municipality_code = body->String("municipality_code", true, 64).value_or("");
  in.member_ids = body->IntegerList("member_ids", 100).value_or(std::vector<std::int64_t>{});
  if (!body->IsNull("contact_organisation_id")) {
    in.contact_organisation_id = body->Integer("contact_organisation_id", false);
  }
  in.contact = body->String("contact", false, 4096).value_or("");
  if (auto done = body->Finish(); !done) return done.error();
  return in;
}

/// Areas from JSON {"items": [{"code", "name"}]} or a CSV with columns code and naam/name.
core::Result<std::vector<Area>> ReadAreas(const HttpRequest& request) {
  std::vector<Area> areas;
  if (MediaType(request) == "text/csv") {
    auto read = interchange::ReadCsv(request.body);
    if (std::holds_alternative<interchange::CsvProblem>(read)) {
      return core::Error::Field("file", core::FieldIssue::kUnreadable);
    }
    const auto& table = std::get<interchange::CsvTable>(read);
    int code_col = -1;
    int name_col = -1;
    const auto& header = table.records.front().fields;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (EqualsIgnoreCase(header[i], "code")) code_col = static_cast<int>(i);
      if (EqualsIgnoreCase(header[i], "naam") || EqualsIgnoreCase(header[i], "name")) {
        name_col = static_cast<int>(i);
      }
    }
    if (code_col < 0 || name_col < 0) {
      return core::Error::Field(code_col < 0 ? "code" : "name", core::FieldIssue::kMissingColumn);
    }
    for (std::size_t r = 1; r < table.records.size(); ++r) {
      const auto& f = table.records[r].fields;
      Area a;
      if (static_cast<std::size_t>(code_col) < f.size())
        a.code = f[static_cast<std::size_t>(code_col)];
      if (static_cast<std::size_t>(name_col) < f.size())
        a.name = f[static_cast<std::size_t>(name_col)];
      areas.push_back(std::move(a));
    }
    return areas;
  }
  auto body = JsonObjectReader::Parse(request);
  if (!body) return body.error();
  auto items =
      body->ObjectList<Area>("items", 2000, [](JsonObjectReader& item) -> std::optional<Area> {
        return Area{.code = item.String("code", true, 32).value_or(""),
                    .name = item.String("name", true, 4096).value_or(""),
                    .municipality_code = ""};
      });
  if (auto done = body->Finish(); !done) return done.error();
  return items.value_or(std::vector<Area>{});
}

/// What sharing needs besides the service: the base of the read-only links.
struct SocialMapDeps {
  SocialMapService& service;
  std::string public_url;
};

HttpResponse ListAreas(SocialMapService& service, RequestContext& ctx) {
  std::optional<std::string> municipality;
  if (auto m = ctx.request.Query("municipality_code"); m && !m->empty()) {
    municipality = std::string(*m);
  }
  auto list = service.ListAreas(*ctx.workspace, municipality);
  if (!list) return Fail(ctx, list.error());
  json items = json::array();
  for (const auto& a : *list) items.push_back(AreaView(a));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse SaveAreas(SocialMapService& service, RequestContext& ctx) {
  auto areas = ReadAreas(ctx.request);
  if (!areas) return Fail(ctx, areas.error());
  if (auto done = service.SaveAreas(*ctx.workspace, *areas); !done) {
    return Fail(ctx, done.error());
  }
  return JsonResponse(200, {{"saved", areas->size()}});
}

HttpResponse DeleteArea(SocialMapService& service, RequestContext& ctx) {
  if (auto done = service.DeleteArea(*ctx.workspace, std::string(ctx.params.Get("code"))); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ListServices(SocialMapService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  core::social_map::ServiceQuery q;
  q.organisation_id = QueryId(ctx.request, "organisation_id", errors);
  if (auto m = ctx.request.Query("municipality_code"); m && !m->empty()) {
    q.municipality_code = std::string(*m);
  }
  if (auto d = ctx.request.Query("domain"); d && !d->empty()) {
    q.domain = core::social_map::ParseDomain(*d);
    if (!q.domain) errors.Add("domain", core::FieldIssue::kInvalidChoice);
  }
  if (auto p = ctx.request.Query("published"); p && !p->empty()) {
    if (*p == "true" || *p == "false") {
      q.published = *p == "true";
    } else {
      errors.Add("published", core::FieldIssue::kInvalidChoice);
    }
  }
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  json items = json::array();
  for (const auto& s : service.ListServices(*ctx.workspace, q)) items.push_back(ServiceView(s));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddService(SocialMapService& service, RequestContext& ctx) {
  auto input = ReadService(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto added = service.AddService(*ctx.workspace, *input);
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, ServiceView(*added));
}

HttpResponse ImportServices(SocialMapService& service, RequestContext& ctx) {
  if (MediaType(ctx.request) != "text/csv") {
    return Fail(ctx, core::Error::Of(core::ErrorCode::kUnsupportedMediaType));
  }
  const auto file = interchange::ParseServicesCsv(ctx.request.body);
  core::FieldErrors errors;
  for (const auto& p : file.problems) {
    errors.Add("line " + std::to_string(p.line) + "." + p.field, p.issue);
  }
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  int imported = 0;
  auto problems = service.ImportServices(*ctx.workspace, file.rows, imported);
  if (!problems) return Fail(ctx, problems.error());
  for (const auto& p : *problems) {
    errors.Add("line " + std::to_string(p.line) + "." + p.field, p.issue);
  }
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  return JsonResponse(200, {{"imported", imported}});
}

HttpResponse GetService(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "service_id");
  if (!id) return Fail(ctx, id.error());
  auto found = service.GetService(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, ServiceView(*found));
}

HttpResponse ReplaceService(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "service_id");
  if (!id) return Fail(ctx, id.error());
  auto input = ReadService(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto replaced = service.ReplaceService(*ctx.workspace, *id, *input);
  if (!replaced) return Fail(ctx, replaced.error());
  return JsonResponse(200, ServiceView(*replaced));
}

HttpResponse DeleteService(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "service_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.DeleteService(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse ExportServices(SocialMapService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const std::string format = ReadExportFormat(ctx.request, errors);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  return FileResponse(
      interchange::ServicesTable(service.ListServices(*ctx.workspace, {}), ExportLanguageOf(ctx)),
      format, "voorzieningen-" + ctx.workspace->workspace.slug);
}

HttpResponse GetCoverage(SocialMapService& service, RequestContext& ctx) {
  core::FieldErrors errors;
  const std::string municipality(ctx.request.Query("municipality_code").value_or(""));
  if (municipality.empty()) errors.Add("municipality_code", core::FieldIssue::kRequired);
  std::optional<core::social_map::Domain> domain;
  if (auto d = ctx.request.Query("domain"); d && !d->empty()) {
    domain = core::social_map::ParseDomain(*d);
    if (!domain) errors.Add("domain", core::FieldIssue::kInvalidChoice);
  }
  std::optional<core::social_map::Law> law;
  if (auto l = ctx.request.Query("law"); l && !l->empty()) {
    law = core::social_map::ParseLaw(*l);
    if (!law) errors.Add("law", core::FieldIssue::kInvalidChoice);
  }
  const bool published_only = ctx.request.Query("published").value_or("") == "true";
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto coverage = service.CoverageOf(*ctx.workspace, municipality, domain, law, published_only);
  if (!coverage) return Fail(ctx, coverage.error());
  return JsonResponse(200, CoverageJson(*coverage));
}

HttpResponse ListConsortia(SocialMapService& service, RequestContext& ctx) {
  json items = json::array();
  for (const auto& c : service.ListConsortia(*ctx.workspace)) {
    items.push_back(ConsortiumView(c));
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse AddConsortium(SocialMapService& service, RequestContext& ctx) {
  auto input = ReadConsortium(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto added = service.AddConsortium(*ctx.workspace, *input);
  if (!added) return Fail(ctx, added.error());
  return JsonResponse(201, ConsortiumView(*added));
}

HttpResponse GetConsortium(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "consortium_id");
  if (!id) return Fail(ctx, id.error());
  auto found = service.GetConsortium(*ctx.workspace, *id);
  if (!found) return Fail(ctx, found.error());
  return JsonResponse(200, ConsortiumView(*found));
}

HttpResponse ReplaceConsortium(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "consortium_id");
  if (!id) return Fail(ctx, id.error());
  auto input = ReadConsortium(ctx.request);
  if (!input) return Fail(ctx, input.error());
  auto replaced = service.ReplaceConsortium(*ctx.workspace, *id, *input);
  if (!replaced) return Fail(ctx, replaced.error());
  return JsonResponse(200, ConsortiumView(*replaced));
}

HttpResponse DeleteConsortium(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "consortium_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.DeleteConsortium(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

HttpResponse GetConsortiumOffer(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "consortium_id");
  if (!id) return Fail(ctx, id.error());
  auto offer = service.Offer(*ctx.workspace, *id);
  if (!offer) return Fail(ctx, offer.error());
  return JsonResponse(200, OfferJson(*offer, false));
}

HttpResponse ShareConsortium(const SocialMapDeps& deps, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "consortium_id");
  if (!id) return Fail(ctx, id.error());
  auto token = deps.service.Share(*ctx.workspace, *id);
  if (!token) return Fail(ctx, token.error());
  return JsonResponse(201, {{"url", deps.public_url + "/c/" + *token}});
}

HttpResponse UnshareConsortium(SocialMapService& service, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "consortium_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = service.Unshare(*ctx.workspace, *id); !done) {
    return Fail(ctx, done.error());
  }
  return HttpResponse::NoContent();
}

// ---- the read-only link for a municipality ----

/// GET /c/{token}: a consortium's offer as a read-only page.
HttpResponse SharedConsortiumPage(SocialMapService& service, RequestContext& ctx) {
  const auto lang = ctx.request.Query("lang").value_or("");
  const bool en = lang == "en" || (lang != "nl" && ctx.language == Language::kEnglish);
  auto view = service.Shared(ctx.params.Get("token"), ctx.request.remote_address);
  if (!view) {
    if (view.error().code == core::ErrorCode::kRateLimited) return Fail(ctx, view.error());
    return HtmlPage(404, SharedOfferMissingPage(en));
  }
  return HtmlPage(200, SharedOfferPage(*view, std::string(ctx.params.Get("token")), en));
}

/// The same offer as JSON, for the map on that page.
HttpResponse SharedSocialMap(SocialMapService& service, RequestContext& ctx) {
  auto view = service.Shared(ctx.params.Get("token"), ctx.request.remote_address);
  if (!view) return Fail(ctx, view.error());
  return JsonResponse(200, OfferJson(*view, true));
}

}  // namespace

void RegisterSocialMapRoutes(Router& router, SocialMapService& service,
                             const std::string& public_url) {
  const std::string base = "/api/v1/workspaces/{slug}";

  const auto bind = HandlerBinder(std::ref(service));
  const auto bind_deps = HandlerBinder(SocialMapDeps{service, public_url});
  router.Add("GET", base + "/areas", bind(ListAreas), kMember);
  router.Add("POST", base + "/areas", bind(SaveAreas), kMember);
  router.Add("DELETE", base + "/areas/{code}", bind(DeleteArea), kMember);
  router.Add("GET", base + "/services", bind(ListServices), kMember);
  router.Add("POST", base + "/services", bind(AddService), kMember);
  router.Add("POST", base + "/services/import", bind(ImportServices), kMember);
  router.Add("GET", base + "/services/{service_id}", bind(GetService), kMember);
  router.Add("PUT", base + "/services/{service_id}", bind(ReplaceService), kMember);
  router.Add("DELETE", base + "/services/{service_id}", bind(DeleteService), kMember);
  router.Add("GET", base + "/exports/services", bind(ExportServices), kMember);
  router.Add("GET", base + "/social-map/coverage", bind(GetCoverage), kMember);
  router.Add("GET", base + "/consortia", bind(ListConsortia), kMember);
  router.Add("POST", base + "/consortia", bind(AddConsortium), kMember);
  router.Add("GET", base + "/consortia/{consortium_id}", bind(GetConsortium), kMember);
  router.Add("PUT", base + "/consortia/{consortium_id}", bind(ReplaceConsortium), kMember);
  router.Add("DELETE", base + "/consortia/{consortium_id}", bind(DeleteConsortium), kMember);
  router.Add("GET", base + "/consortia/{consortium_id}/offer", bind(GetConsortiumOffer), kMember);
  router.Add("POST", base + "/consortia/{consortium_id}/share", bind_deps(ShareConsortium),
             kMember);
  router.Add("DELETE", base + "/consortia/{consortium_id}/share", bind(UnshareConsortium), kMember);

  // ---- the read-only link for a municipality ----

  router.Add("GET", "/c/{token}", bind(SharedConsortiumPage), kOpen);
  router.Add("GET", "/c/{token}/social-map.json", bind(SharedSocialMap), kOpen);
}

}  // namespace aantafel::http
