#pragma once

#include <string>
#include <vector>

namespace aantafel::testing {

/// Checks a response against api/openapi.yaml (as JSON, written at build time by
/// scripts/openapi-json): the status must be one the operation documents (errors, which the spec
/// gives one shape for all operations, may also be undocumented), and a JSON body must validate
/// against the schema documented for that status (or ErrorBody for an undocumented error).
/// Targets that are not API operations (public pages, static files) are not checked.
/// Returns what is wrong, one line each; empty when the response keeps the contract.
/// Turns the checks off for the whole test program: for the durability tests, which send
/// thousands of requests to a child process while killing it (the HTTP suites check the shapes).
void DisableResponseContract();

/// A compressed body (`content_encoding` not empty) is checked for its status and type only.
std::vector<std::string> ContractProblems(const std::string& method, const std::string& target,
                                          int status, const std::string& content_type,
                                          const std::string& content_encoding,
                                          const std::string& body);

/// What is wrong with `body` (JSON) measured against components/schemas/`schema` of
/// api/openapi.yaml, one line each: for what the server sends elsewhere (webhook events).
std::vector<std::string> SchemaProblems(const std::string& schema, const std::string& body);

/// The operations ("GET /api/v1/…") whose path starts with `path_prefix` and that do not document
/// `status` in api/openapi.yaml.
std::vector<std::string> OperationsNotDocumenting(const std::string& path_prefix, int status);

}  // namespace aantafel::testing
