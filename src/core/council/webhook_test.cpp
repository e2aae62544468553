// The rules of the webhook for topic hits that need no server: which addresses are accepted, when
// a match counts as changed, the back-off schedule, and the signature a receiver checks.
#include "core/council/webhook.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "security/data_key.hpp"
#include "security/sodium.hpp"
#include "support/fakes.hpp"
#include "support/memory_council.hpp"

namespace aantafel::core::council {
namespace {

FieldErrors Checked(std::string_view url, bool allow_http = false) {
  FieldErrors errors;
  CheckWebhookUrl(url, allow_http, errors);
  return errors;
}

TEST(CouncilWebhook, OnlyHttpsAddressesWithAHostAndNoPasswordAreAccepted) {
  for (const char* good : {"https://hooks.example.nl/aantafel", "HTTPS://Hooks.Example.NL",
                           "https://relay.example:8443/x?y=1#z", "https://[2001:db8::1]/hook",
                           "https://[2001:db8::1]:443", "https://intranet_host/hook"}) {
    EXPECT_TRUE(Checked(good).empty()) << good;
  }
  for (const char* bad : {"http://hooks.example.nl/x",
                          "ftp://hooks.example.nl",
                          "hooks.example.nl/x",
                          "https://user:secret@hooks.example.nl/x",
                          "https://@hooks.example.nl",
                          "https:///path",
                          "https://",
                          "https://:443/x",
                          "https://host:0/",
                          "https://host:65536/",
                          "https://host:/x",
                          "https://host:44a/",
                          "https://ho st/",
                          "https://host/a b",
                          "https://host\\@evil/",
                          "https://[::1",
                          "https://[]/",
                          "https://[zz::1]/",
                          "https://.host/",
                          "https://h\xc3\xa9.nl/",
                          "https://host/\r\nX: y"}) {
    const auto errors = Checked(bad);
    EXPECT_TRUE(errors.Has("url")) << bad;
    const auto error = FieldErrors(errors).ToError();
    EXPECT_EQ(error.fields.at("url").issue, FieldIssue::kInvalidUrl) << bad;
  }
  EXPECT_EQ(FieldErrors(Checked("")).ToError().fields.at("url").issue, FieldIssue::kRequired);
  const std::string long_url = "https://hooks.example.nl/" + std::string(2000, 'a');
  const auto too_long = FieldErrors(Checked(long_url)).ToError().fields.at("url");
  EXPECT_EQ(too_long, (FieldError{FieldIssue::kTooLong, 2000}));
  EXPECT_TRUE(Checked(long_url.substr(0, 2000)).empty()) << "2,000 characters is the limit";
  // Plain http only when the installation allows private addresses (tests, intranets).
  EXPECT_TRUE(Checked("http://127.0.0.1:8080/hook", true).empty());
  EXPECT_TRUE(Checked("http://user:pw@127.0.0.1/", true).Has("url"));
}

TEST(CouncilWebhook, FailuresWaitOneFiveFifteenAndSixtyMinutesThenHourly) {
  using std::chrono::minutes;
  EXPECT_EQ(WebhookRetryDelay(1), minutes(1));
  EXPECT_EQ(WebhookRetryDelay(2), minutes(5));
  EXPECT_EQ(WebhookRetryDelay(3), minutes(15));
  EXPECT_EQ(WebhookRetryDelay(4), minutes(60));
  EXPECT_EQ(WebhookRetryDelay(5), minutes(60));
  EXPECT_EQ(WebhookRetryDelay(500), minutes(60));
}

TopicMatch Match() {
  TopicMatch match{.topic_id = 3, .topic_name = "Beschermd wonen"};
  match.meeting.id = 41;
  match.meeting.entity_id = "meeting:notubiz:gemeente:soest:777";
  match.meeting.source_key = "soest";
  match.meeting.source_label = "Soest";
  match.meeting.municipality_code = "GM0342";
  match.meeting.municipality_name = "Soest";
  match.meeting.committee_name = "Commissie Samenleving";
  match.meeting.meeting.name = "Commissie Samenleving";
  match.meeting.meeting.location = "Raadhuis";
  match.meeting.meeting.starts_at = FromMillis(1'796'150'000'000);
  match.meeting.meeting.time_known = true;
  match.hits = {{"agenda_item", "Beleidsplan beschermd wonen"}, {"motion", "Wachtlijst"}};
  return match;
}

TEST(CouncilWebhook, TheFingerprintIsStableAndChangesWithWhatTheReceiverIsTold) {
  const auto base = WebhookFingerprint(Match());
  EXPECT_EQ(base.size(), 16U);
  EXPECT_EQ(WebhookFingerprint(Match()), base) << "the same match, the same fingerprint";
  auto renamed_topic = Match();
  renamed_topic.topic_name = "Wonen";
  EXPECT_EQ(WebhookFingerprint(renamed_topic), base) << "the topic's id counts, not its name";
  auto moved_location = Match();
  moved_location.meeting.meeting.location = "Trouwzaal";
  EXPECT_EQ(WebhookFingerprint(moved_location), base);

  std::vector<TopicMatch> changed(7, Match());
  changed[0].topic_id = 4;
  changed[1].meeting.id = 42;
  changed[2].meeting.meeting.starts_at = FromMillis(1'796'150'000'000 + 3'600'000);
  changed[3].meeting.meeting.cancelled = true;
  changed[4].hits[1].title = "Wachtlijsten";
  changed[5].hits[1].kind = "document";
  changed[6].hits.push_back({"document", "Raadsvoorstel"});
  for (std::size_t i = 0; i < changed.size(); ++i) {
    EXPECT_NE(WebhookFingerprint(changed[i]), base) << "change " << i;
  }
  auto swapped = Match();
  std::swap(swapped.hits[0], swapped.hits[1]);
  EXPECT_NE(WebhookFingerprint(swapped), base) << "the order of the hits is part of it";
  // Titles cannot run into each other: "a" + "bc" differs from "ab" + "c".
  auto split_a = Match();
  split_a.hits = {{"motion", "a"}, {"motion", "bc"}};
  auto split_b = Match();
  split_b.hits = {{"motion", "ab"}, {"motion", "c"}};
  EXPECT_NE(WebhookFingerprint(split_a), WebhookFingerprint(split_b));

  EXPECT_EQ(WebhookDeliveryId(7, Match(), base), "7-3-41-" + base);
}

TEST(CouncilWebhook, TheSignatureIsTheHmacOfTimestampDotBody) {
  security::SodiumCrypto crypto(security::PasswordCost::Minimal());
  // RFC 4231, test case 2: the HMAC itself.
  EXPECT_EQ(crypto.HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Computed independently: python3 -c 'import hmac,hashlib; print(hmac.new(
  //   b"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
  //   b"1795000000.{\"event\":\"ping\"}", hashlib.sha256).hexdigest())'
  EXPECT_EQ(WebhookSignature(crypto, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", 1'795'000'000,
                             R"({"event":"ping"})"),
            "sha256=04e197f657fac24c140e4b985222387ebc546fb581e40154fb530671e48c9c0a");
  EXPECT_NE(WebhookSignature(crypto, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", 1'795'000'001,
                             R"({"event":"ping"})"),
            "sha256=04e197f657fac24c140e4b985222387ebc546fb581e40154fb530671e48c9c0a")
      << "the timestamp is signed too";
}

TEST(CouncilWebhook, TheEventNamesTopicMeetingMunicipalityAndBothLinks) {
  const auto body = nlohmann::json::parse(
      WebhookEventBody("zorg-west", Match(), "https://aantafel.example/", "https://obv.example"));
  EXPECT_EQ(body["event"], "council.topic_match");
  EXPECT_EQ(body["workspace"], "zorg-west");
  EXPECT_EQ(body["topic"], nlohmann::json({{"id", 3}, {"name", "Beschermd wonen"}}));
  const auto& meeting = body["meeting"];
  EXPECT_EQ(meeting["municipality"], nlohmann::json({{"code", "GM0342"}, {"name", "Soest"}}));
  EXPECT_EQ(meeting["starts_at"], FormatTimestamp(FromMillis(1'796'150'000'000)));
  EXPECT_EQ(meeting["cancelled"], false);
  EXPECT_EQ(meeting["url"], "https://aantafel.example/w/zorg-west/council/meetings/41");
  EXPECT_EQ(meeting["source_url"],
            "https://obv.example/api/entities/meeting%3Anotubiz%3Agemeente%3Asoest%3A777");
  ASSERT_EQ(body["hits"].size(), 2U);
  EXPECT_EQ(body["hits"][1], nlohmann::json({{"kind", "motion"}, {"title", "Wachtlijst"}}));
}

// ---- CouncilWebhookService against the in-memory store and a scripted receiver ----

/// A receiver that keeps every request and answers `status` (0: no answer).
class ScriptedReceiver final : public WebhookSender {
 public:
  WebhookAnswer Post(const WebhookPost& post) override {
    posts.push_back(post);
    if (status == 0) return {.status = 0, .error = "Connection refused"};
    return {.status = status};
  }
  /// The value of header `name` of post `i`.
  [[nodiscard]] std::string Header(std::size_t i, const std::string& name) const {
    for (const auto& line : posts.at(i).headers) {
      if (line.starts_with(name + ": ")) return line.substr(name.size() + 2);
    }
    return "";
  }
  std::vector<WebhookPost> posts;
  int status = 200;
};

security::DataKey Key(unsigned char fill) {
  security::DataKey key;
  key.fill(fill);
  return key;
}

struct Fixture {
  Fixture() {
    store.slugs[1] = "zorg-west";
    store.topics[1] = {{.id = 3, .name = "Beschermd wonen", .terms = {"beschermd wonen"}}};
    MeetingDetail detail;
    detail.meeting.id = 41;
    detail.meeting.source_label = "Soest";
    detail.meeting.meeting.name = "Commissie Samenleving";
    detail.meeting.meeting.starts_at = clock.Now() + std::chrono::hours(24 * 5);
    detail.meeting.meeting.agenda = {{.title = "Beleidsplan beschermd wonen 2027-2030"}};
    store.meetings[1] = {detail};
  }
  void Title(const std::string& title) {
    store.meetings[1][0].meeting.meeting.agenda[0].title = title;
  }

  testing::FakeClock clock;
  testing::SeededRandom random;
  testing::MemoryCouncil store;
  ScriptedReceiver receiver;
  security::SodiumCrypto crypto{security::PasswordCost::Minimal()};
  security::SodiumFieldCipher cipher{Key(7), random};
  CouncilService council{store, clock, true, {}};
  CouncilWebhookService webhooks{store,  council, receiver, cipher,
                                 crypto, random,  clock,    {.public_url = "https://a.example"}};
  accounts::WorkspaceAccess owner{.workspace = {.id = 1, .slug = "zorg-west"},
                                  .role = accounts::Role::kOwner};
};

TEST(CouncilWebhookService, OnlyOwnersSetItAndItsSecretSignsEveryRequest) {
  Fixture f;
  auto editor = f.owner;
  editor.role = accounts::Role::kEditor;
  EXPECT_EQ(f.webhooks.Set(editor, "https://hooks.example.nl/x").error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(f.webhooks.Remove(editor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(f.webhooks.Test(editor).error().code, ErrorCode::kForbidden);
  const auto refused = f.webhooks.Set(f.owner, "http://hooks.example.nl/x");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at("url").issue, FieldIssue::kInvalidUrl);
  EXPECT_FALSE(f.webhooks.Get(f.owner)) << "nothing stored";

  const auto set = f.webhooks.Set(f.owner, "https://hooks.example.nl/x");
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->secret.size(), 43U);
  const auto stored = f.store.FindWebhook(1);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->sealed_secret.find(set->secret), std::string::npos) << "sealed at rest";

  EXPECT_EQ(f.webhooks.Deliver().sent, 1);
  ASSERT_EQ(f.receiver.posts.size(), 1U);
  const std::string timestamp = f.receiver.Header(0, "X-Aantafel-Timestamp");
  EXPECT_EQ(timestamp, std::to_string(ToMillis(f.clock.Now()) / 1000));
  EXPECT_EQ(
      f.receiver.Header(0, "X-Aantafel-Signature"),
      WebhookSignature(f.crypto, set->secret, std::stoll(timestamp), f.receiver.posts[0].body));
  EXPECT_EQ(f.receiver.Header(0, "X-Aantafel-Event"), "council.topic_match");
  EXPECT_EQ(f.webhooks.Deliver().sent, 0) << "delivered once";
  EXPECT_EQ(f.receiver.posts.size(), 1U);
}

TEST(CouncilWebhookService, AChangedMatchIsSentAgainAndAVanishedOneIsForgotten) {
  Fixture f;
  ASSERT_TRUE(f.webhooks.Set(f.owner, "https://hooks.example.nl/x").ok());
  f.webhooks.Deliver();
  f.Title("Beleidsplan beschermd wonen 2027-2031");
  EXPECT_EQ(f.webhooks.Deliver().sent, 1);
  ASSERT_EQ(f.receiver.posts.size(), 2U);
  EXPECT_NE(f.receiver.Header(0, "X-Aantafel-Delivery"),
            f.receiver.Header(1, "X-Aantafel-Delivery"));
  // The item no longer holds the topic: nothing to send, and the delivery is forgotten ...
  f.Title("Beleidsplan maatschappelijke opvang");
  EXPECT_EQ(f.webhooks.Deliver().sent, 0);
  EXPECT_TRUE(f.store.WebhookDeliveries(f.store.FindWebhook(1)->id).empty());
  // ... so when it comes back it is news again.
  f.Title("Beleidsplan beschermd wonen 2027-2031");
  EXPECT_EQ(f.webhooks.Deliver().sent, 1);
  ASSERT_EQ(f.receiver.posts.size(), 3U);
  EXPECT_EQ(f.receiver.Header(2, "X-Aantafel-Delivery"),
            f.receiver.Header(1, "X-Aantafel-Delivery"));
}

TEST(CouncilWebhookService, AFailureWaitsItsTurnAndOnlyAnAcceptedRequestEndsTheSeries) {
  Fixture f;
  ASSERT_TRUE(f.webhooks.Set(f.owner, "https://hooks.example.nl/x").ok());
  f.receiver.status = 0;
  const auto start = f.clock.Now();
  EXPECT_EQ(f.webhooks.Deliver().failed, 1);
  auto state = *f.store.FindWebhook(1);
  EXPECT_EQ(state.failures, 1);
  EXPECT_EQ(state.last_status, std::nullopt) << "no answer";
  EXPECT_EQ(state.last_error, "Connection refused");
  EXPECT_EQ(state.retry_at, start + std::chrono::minutes(1));
  f.clock.Advance(std::chrono::seconds(59));
  EXPECT_EQ(f.webhooks.Deliver().workspaces, 0) << "still waiting";
  f.clock.Advance(std::chrono::seconds(1));
  f.receiver.status = 503;
  EXPECT_EQ(f.webhooks.Deliver().failed, 1);
  state = *f.store.FindWebhook(1);
  EXPECT_EQ(state.failures, 2);
  EXPECT_EQ(state.last_status, 503);
  EXPECT_EQ(state.last_error, "HTTP 503");
  EXPECT_EQ(state.failing_since, start);
  EXPECT_EQ(state.retry_at, f.clock.Now() + std::chrono::minutes(5));
  EXPECT_FALSE(f.webhooks.Get(f.owner)->failing);
  f.clock.Advance(std::chrono::hours(24));
  EXPECT_TRUE(f.webhooks.Get(f.owner)->failing) << "24 hours of failures";

  // The match goes away: nothing to send, but the series is not over until a request works.
  f.Title("Iets anders");
  EXPECT_EQ(f.webhooks.Deliver().sent, 0);
  EXPECT_EQ(f.store.FindWebhook(1)->failures, 2);
  f.Title("Beleidsplan beschermd wonen 2027-2030");
  f.receiver.status = 202;
  EXPECT_EQ(f.webhooks.Deliver().sent, 1);
  state = *f.store.FindWebhook(1);
  EXPECT_EQ(state.failures, 0);
  EXPECT_EQ(state.retry_at, std::nullopt);
  EXPECT_EQ(state.failing_since, std::nullopt);
  EXPECT_EQ(state.last_error, "");
  EXPECT_EQ(state.last_success_at, f.clock.Now());
  EXPECT_FALSE(f.webhooks.Get(f.owner)->failing);
}

TEST(CouncilWebhookService, AStopBeforeTheDeliveryIsNotedMeansAResendNeverALoss) {
  Fixture f;
  ASSERT_TRUE(f.webhooks.Set(f.owner, "https://hooks.example.nl/x").ok());
  f.store.fail_next_delivery_write = true;
  EXPECT_THROW(f.webhooks.Deliver(), std::runtime_error);
  ASSERT_EQ(f.receiver.posts.size(), 1U) << "the receiver had it";
  EXPECT_EQ(f.webhooks.Deliver().sent, 1);
  ASSERT_EQ(f.receiver.posts.size(), 2U);
  EXPECT_EQ(f.receiver.Header(0, "X-Aantafel-Delivery"),
            f.receiver.Header(1, "X-Aantafel-Delivery"))
      << "the same id: the receiver drops the repeat";
  EXPECT_EQ(f.webhooks.Deliver().sent, 0);
}

TEST(CouncilWebhookService, ASecretThatCannotBeOpenedIsAFailureNotAnUnsignedRequest) {
  Fixture f;
  ASSERT_TRUE(f.webhooks.Set(f.owner, "https://hooks.example.nl/x").ok());
  security::SodiumFieldCipher other(Key(9), f.random);
  CouncilWebhookService after_key_loss{f.store,  f.council, f.receiver, other,
                                       f.crypto, f.random,  f.clock,    {}};
  EXPECT_EQ(after_key_loss.Deliver().failed, 1);
  EXPECT_TRUE(f.receiver.posts.empty());
  EXPECT_NE(f.store.FindWebhook(1)->last_error.find("set the webhook again"), std::string::npos);
  const auto test = after_key_loss.Test(f.owner);
  ASSERT_TRUE(test.ok());
  EXPECT_EQ(test->status, 0);
  EXPECT_TRUE(f.receiver.posts.empty());
}

TEST(CouncilWebhookService, RemovingTheWebhookForgetsItAndAnotherWorkspaceHasItsOwn) {
  Fixture f;
  ASSERT_TRUE(f.webhooks.Set(f.owner, "https://hooks.example.nl/x").ok());
  auto other = f.owner;
  other.workspace = {.id = 2, .slug = "welzijn-oost"};
  EXPECT_FALSE(f.webhooks.Get(other));
  EXPECT_EQ(f.webhooks.Remove(other).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(f.webhooks.Test(other).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(f.webhooks.Remove(f.owner).ok());
  EXPECT_FALSE(f.webhooks.Get(f.owner));
  EXPECT_EQ(f.webhooks.Deliver().workspaces, 0);
  EXPECT_TRUE(f.receiver.posts.empty());
}

}  // namespace
}  // namespace aantafel::core::council
