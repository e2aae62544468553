// Documenten: files attached to a contact, an agreement, a plan or an organisation. The upload
// body is the file itself; its name comes in the query string. Downloads are always attachments
// under a sandboxing Content-Security-Policy, whatever the file is.
#include <nlohmann/json.hpp>

#include "core/validation.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

using core::documents::DocumentService;
using nlohmann::json;

namespace {

const RouteOptions kMember{.access = Access::kWorkspace};
const RouteOptions kUpload{.access = Access::kWorkspace, .file_upload = true};

json VersionView(const core::documents::DocumentVersion& v) {
  return {{"version", v.version},
          {"name", v.name},
          {"content_type", v.content_type},
          {"size_bytes", v.size_bytes},
          {"note", v.note},
          {"uploaded_by", v.uploaded_by ? json(*v.uploaded_by) : json(nullptr)},
          {"uploaded_by_name",
           v.uploaded_by && !v.uploaded_by_name.empty() ? json(v.uploaded_by_name) : json(nullptr)},
          {"uploaded_at", FormatTimestamp(v.uploaded_at)}};
}

json DocumentView(const core::documents::Document& d) {
  json versions = json::array();
  for (const auto& v : d.versions) versions.push_back(VersionView(v));
  const auto& current = d.current();
  return {{"id", d.id},
          {"record_kind", core::documents::ToString(d.record.kind)},
          {"record_id", d.record.id},
          {"name", current.name},
          {"content_type", current.content_type},
          {"size_bytes", current.size_bytes},
          {"version", current.version},
          {"uploaded_at", FormatTimestamp(current.uploaded_at)},
          {"versions", std::move(versions)}};
}

/// record_kind and record_id from the query string (both required).
core::Result<core::documents::RecordRef> ReadRecord(const HttpRequest& request) {
  core::FieldErrors errors;
  const auto kind_text = request.Query("record_kind");
  std::optional<core::documents::RecordKind> kind;
  if (!kind_text || kind_text->empty()) {
    errors.Add("record_kind", core::FieldIssue::kRequired);
  } else if (kind = core::documents::ParseRecordKind(*kind_text); !kind) {
    errors.Add("record_kind", core::FieldIssue::kInvalidChoice);
  }
  const auto id = QueryId(request, "record_id", errors);
  if (!id && !errors.Has("record_id")) errors.Add("record_id", core::FieldIssue::kRequired);
  if (!errors.empty()) return std::move(errors).ToError();
  return core::documents::RecordRef{.kind = *kind, .id = *id};
}

/// The file as it came: the name from the query string, the body as its bytes.
core::documents::Upload ReadUpload(const HttpRequest& request) {
  return {.name = request.Query("name").value_or(""),
          .bytes = request.body,
          .note = request.Query("note").value_or("")};
}

HttpResponse ListDocuments(DocumentService& documents, RequestContext& ctx) {
  auto record = ReadRecord(ctx.request);
  if (!record) return Fail(ctx, record.error());
  auto items = documents.List(*ctx.workspace, *record);
  if (!items) return Fail(ctx, items.error());
  json out = json::array();
  for (const auto& d : *items) out.push_back(DocumentView(d));
  return JsonResponse(
      200, {{"items", std::move(out)}, {"max_file_bytes", documents.limits().max_file_bytes}});
}

HttpResponse UploadDocument(DocumentService& documents, RequestContext& ctx) {
  auto record = ReadRecord(ctx.request);
  if (!record) return Fail(ctx, record.error());
  auto stored = documents.Attach(*ctx.workspace, *record, ReadUpload(ctx.request));
  if (!stored) return Fail(ctx, stored.error());
  return JsonResponse(201, DocumentView(*stored));
}

HttpResponse GetDocument(DocumentService& documents, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "document_id");
  if (!id) return Fail(ctx, id.error());
  auto document = documents.Get(*ctx.workspace, *id);
  if (!document) return Fail(ctx, document.error());
  return JsonResponse(200, DocumentView(*document));
}

HttpResponse ReplaceDocument(DocumentService& documents, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "document_id");
  if (!id) return Fail(ctx, id.error());
  auto stored = documents.Replace(*ctx.workspace, *id, ReadUpload(ctx.request));
  if (!stored) return Fail(ctx, stored.error());
  return JsonResponse(201, DocumentView(*stored));
}

HttpResponse DeleteDocument(DocumentService& documents, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "document_id");
  if (!id) return Fail(ctx, id.error());
  if (auto done = documents.Remove(*ctx.workspace, *id); !done) return Fail(ctx, done.error());
  return HttpResponse::NoContent();
}

HttpResponse DownloadDocument(DocumentService& documents, RequestContext& ctx) {
  auto id = PositiveIdParam(ctx, "document_id");
  if (!id) return Fail(ctx, id.error());
  core::FieldErrors errors;
  const auto version = QueryInt(ctx.request, "version", errors);
  if (version && *version < 1) errors.Add("version", core::FieldIssue::kTooSmall, 1);
  if (!errors.empty()) return Fail(ctx, std::move(errors).ToError());
  auto content = documents.Download(*ctx.workspace, *id, version);
  if (!content) return Fail(ctx, content.error());
  HttpResponse response;
  response.headers.Set("Content-Type", content->content_type);
  response.headers.Set("Content-Disposition", AttachmentDisposition(content->name));
  // Nothing a file holds may run in aantafel's origin, even when a browser shows it.
  response.headers.Set("Content-Security-Policy", "default-src 'none'; sandbox");
  response.headers.Set("Cache-Control", "private, no-store");
  response.body = std::move(content->bytes);
  return response;
}

}  // namespace

void RegisterDocumentRoutes(Router& router, DocumentService& documents) {
  const std::string base = "/api/v1/workspaces/{slug}/documents";
  const auto bind = HandlerBinder(std::ref(documents));
  router.Add("GET", base, bind(ListDocuments), kMember);
  router.Add("POST", base, bind(UploadDocument), kUpload);
  router.Add("GET", base + "/{document_id}", bind(GetDocument), kMember);
  router.Add("DELETE", base + "/{document_id}", bind(DeleteDocument), kMember);
  router.Add("POST", base + "/{document_id}/versions", bind(ReplaceDocument), kUpload);
  router.Add("GET", base + "/{document_id}/content", bind(DownloadDocument), kMember);
}

}  // namespace aantafel::http
