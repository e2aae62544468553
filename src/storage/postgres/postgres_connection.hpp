#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace aantafel::storage {

/// Connects to PostgreSQL with libpq; `url` is a postgresql:// connection URI.
std::unique_ptr<Connection> OpenPostgres(const std::string& url);

}  // namespace aantafel::storage
