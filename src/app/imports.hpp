#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/runtime.hpp"
#include "http/language.hpp"

namespace aantafel::app {

/// Downloads `url` with the system's curl (no shell involved); nullopt with `error` set when
/// the URL is not http(s) or the download fails.
std::optional<std::string> Download(const std::string& url, std::string& error);

/// `aantafel import municipalities`: CBS files (TypedDataSet and DataProperties, or one bundle),
/// or every page of the CBS OData table at `cbs_url`.
int ImportMunicipalitiesCommand(Runtime& runtime, const std::vector<std::string>& files,
                                const std::string& cbs_url, bool dry_run, http::Language language);

/// `aantafel import area-figures`: CBS key figures of areas into the shared reference data.
int ImportFiguresCommand(Runtime& runtime, const std::vector<std::string>& files,
                         std::optional<int> year, bool dry_run, http::Language language);

/// `aantafel import boundaries`: outlines of municipalities, districts and neighbourhoods from
/// files (GeoJSON, TopoJSON) or from a PDOK OGC API service or collection at `url`, every page.
int ImportBoundariesCommand(Runtime& runtime, const std::vector<std::string>& files,
                            const std::string& url, std::optional<int> year, bool dry_run,
                            http::Language language);

/// `aantafel import people|almanak`: a people CSV or an Almanak XML into a workspace.
int ImportPeopleCommand(Runtime& runtime, const std::string& kind, const std::string& workspace,
                        const std::string& file, bool dry_run, http::Language language);

/// Loads the demo workspace's fictional people (idempotent: a second run changes nothing).
void SeedDemoData(Runtime& runtime, const std::string& workspace_slug, std::int64_t user_id);

}  // namespace aantafel::app
