#include "storage/postgres/postgres_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <chrono>

namespace aantafel::storage {

using core::feedback::LiveEvent;

std::string LivePayload(const LiveEvent& event) {
  return std::to_string(event.workspace_id) +
         (event.kind == LiveEvent::Kind::kResponse ? ":r:" : ":c:") + std::to_string(event.id);
}

bool ParseLivePayload(std::string_view payload, LiveEvent& out) {
  const auto first = payload.find(':');
  if (first == std::string_view::npos || first + 3 > payload.size()) return false;
  if (payload[first + 2] != ':') return false;
  const char kind = payload[first + 1];
  if (kind != 'r' && kind != 'c') return false;
  auto number = [](std::string_view text, std::int64_t& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() && value > 0;
  };
  LiveEvent event;
  event.kind = kind == 'r' ? LiveEvent::Kind::kResponse : LiveEvent::Kind::kCallback;
  if (!number(payload.substr(0, first), event.workspace_id)) return false;
  if (!number(payload.substr(first + 3), event.id)) return false;
  out = event;
  return true;
}

std::string LivePayload(std::span<const LiveEvent> events) {
  std::string out;
  for (const LiveEvent& event : events) {
    if (!out.empty()) out += ';';
    out += LivePayload(event);
  }
  return out;
}

std::vector<LiveEvent> ParseLivePayloads(std::string_view payload) {
  std::vector<LiveEvent> out;
  while (!payload.empty()) {
    const auto end = payload.find(';');
    LiveEvent event;
    if (ParseLivePayload(payload.substr(0, end), event)) out.push_back(event);
    if (end == std::string_view::npos) break;
    payload.remove_prefix(end + 1);
  }
  return out;
}

void PostgresNotifier::Notify(const LiveEvent& event) {
  try {
    notices_.Submit(event);
  } catch (const std::exception&) {
    // The change is committed; only the live view misses it (clients reload on reconnect).
  }
}

void PostgresNotifier::Send(std::span<GroupCommit<LiveEvent, bool>::Entry* const> batch) {
  std::vector<LiveEvent> events;
  events.reserve(batch.size());
  for (const auto* entry : batch) events.push_back(*entry->item);
  auto lease = db_.Acquire();
  lease->Query("SELECT pg_notify($1, $2)", {std::string(kLiveChannel), LivePayload(events)});
  for (auto* entry : batch) entry->outcome = true;
}

PostgresListener::PostgresListener(std::string url, Deliver deliver)
    : url_(std::move(url)), deliver_(std::move(deliver)) {
  thread_ = std::thread([this] { Run(); });
}

PostgresListener::~PostgresListener() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void PostgresListener::Run() {
  auto pause = std::chrono::milliseconds(100);
  while (!stopping_) {
    PGconn* conn = PQconnectdb(url_.c_str());
    if (PQstatus(conn) == CONNECTION_OK) {
      PGresult* listen = PQexec(conn, (std::string("LISTEN ") + kLiveChannel).c_str());
      const bool ok = PQresultStatus(listen) == PGRES_COMMAND_OK;
      PQclear(listen);
      if (ok) {
        listening_ = true;
        pause = std::chrono::milliseconds(100);
        while (!stopping_) {
          pollfd fd{.fd = PQsocket(conn), .events = POLLIN, .revents = 0};
          const int ready = poll(&fd, 1, 200);  // wake up now and then to notice a stop
          if (ready < 0) break;
          if (ready == 0) continue;
          if (PQconsumeInput(conn) == 0) break;  // connection lost
          while (PGnotify* notice = PQnotifies(conn)) {
            for (const LiveEvent& event : ParseLivePayloads(notice->extra)) deliver_(event);
            PQfreemem(notice);
          }
        }
        listening_ = false;
      }
    }
    PQfinish(conn);
    for (auto waited = std::chrono::milliseconds(0); waited < pause && !stopping_;
         waited += std::chrono::milliseconds(50)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    pause = std::min(pause * 2, std::chrono::milliseconds(5000));
  }
}

}  // namespace aantafel::storage
