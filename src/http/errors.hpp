#pragma once

#include <string>

#include "core/error.hpp"
#include "http/language.hpp"
#include "http/types.hpp"

namespace aantafel::http {

/// The HTTP status for a domain error (the one mapping table lives in errors.cpp).
int HttpStatus(core::ErrorCode code);

/// The human message for an error, in `language`.
std::string ErrorMessage(const core::Error& error, Language language);

/// The human message for one field problem, in `language`.
std::string FieldMessage(const core::FieldError& field, Language language);

/// `{"error":{"code","message","fields"}}` with the right status, Allow and Retry-After headers.
HttpResponse ErrorResponse(const core::Error& error, Language language);

}  // namespace aantafel::http
