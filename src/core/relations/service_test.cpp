// RelationsService against in-memory repositories: the rules of contacts, follow-ups and
// agreements (what is required, which links must exist, how a status history grows, what counts
// as "this week", health and timelines), without a database.

#include "core/relations/service.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "support/fakes.hpp"
#include "support/memory_relations.hpp"
#include "support/memory_whoiswho.hpp"

namespace aantafel::core::relations {
namespace {

using testing::FakeClock;
using testing::MemoryRelations;
using testing::MemoryWhoIsWho;

constexpr std::int64_t kWs = 1;
constexpr std::int64_t kOtherWs = 2;
constexpr std::int64_t kUser = 10;
constexpr std::int64_t kColleague = 11;

/// 2026-12-07 09:00 in the Netherlands (08:00 UTC), a Monday.
Instant Monday() { return StartOfDutchDay(CivilDate{2026, 12, 7}) + std::chrono::hours(9); }

class RelationsServiceTest : public ::testing::Test {
 protected:
  RelationsServiceTest() {
    relations_.members = {{kWs, kUser}, {kWs, kColleague}, {kOtherWs, 99}};
    relations_.plans = {{kWs, 7}};
    zeist_ = whoiswho_
                 .AddOrganisation(kWs,
                                  {.kind = whoiswho::OrganisationKind::kMunicipality,
                                   .name = "Gemeente Zeist",
                                   .municipality_code = "GM0355"},
                                  clock_.Now())
                 ->id;
    elsewhere_ =
        whoiswho_.AddOrganisation(kOtherWs, {.name = "Andere organisatie"}, clock_.Now())->id;
    wethouder_ = whoiswho_.AddPerson(kWs, {.name = "Anna de Vries", .notes = "privé"}).id;
  }

  accounts::WorkspaceAccess Access(std::int64_t ws = kWs, std::int64_t user = kUser) {
    return {.workspace = {.id = ws, .slug = "ws" + std::to_string(ws)},
            .role = accounts::Role::kEditor,
            .user_id = user};
  }

  static std::string DutchTime(const std::string& day, const std::string& time = "10:00") {
    return day + "T" + time;
  }

  FakeClock clock_{Monday()};
  MemoryRelations relations_;
  MemoryWhoIsWho whoiswho_;
  RelationsService service_{relations_, whoiswho_, clock_};
  std::int64_t zeist_ = 0;
  std::int64_t elsewhere_ = 0;
  std::int64_t wethouder_ = 0;
};

TEST_F(RelationsServiceTest, AContactNeedsAMomentAndASubject) {
  auto added = service_.AddInteraction(Access(), {.kind = "meeting"});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(added.error().fields.at("occurred_at").issue, FieldIssue::kRequired);
  EXPECT_EQ(added.error().fields.at("subject").issue, FieldIssue::kRequired);
}

TEST_F(RelationsServiceTest, EveryUnknownLinkOfAContactIsNamedByItsPlace) {
  auto added = service_.AddInteraction(
      Access(), {.occurred_at = DutchTime("2026-12-01"),
                 .organisation_id = elsewhere_,  // another workspace's organisation
                 .subject = "Overleg",
                 .plan_id = 8,
                 .person_ids = std::vector<std::int64_t>{wethouder_, 12345},
                 .staff_ids = std::vector<std::int64_t>{kUser, 99}});
  ASSERT_FALSE(added);
  const auto& fields = added.error().fields;
  EXPECT_EQ(fields.at("organisation_id").issue, FieldIssue::kUnknownValue);
  EXPECT_EQ(fields.at("plan_id").issue, FieldIssue::kUnknownValue);
  // Ids are sorted and made unique before the check: 12345 comes after the wethouder.
  EXPECT_EQ(fields.at("person_ids[1]").issue, FieldIssue::kUnknownValue);
  EXPECT_FALSE(fields.contains("person_ids[0]"));
  // 99 is a member of the other workspace only.
  EXPECT_EQ(fields.at("staff_ids[1]").issue, FieldIssue::kNoSuchUser);
  EXPECT_TRUE(relations_.ListInteractions(kWs, {}).empty()) << "nothing is stored";
}

TEST_F(RelationsServiceTest, AContactIsStoredWithDutchTimeTagsOnceAndItsAuthor) {
  auto added = service_.AddInteraction(
      Access(), {.occurred_at = DutchTime("2026-07-01", "09:30"),
                 .organisation_id = zeist_,
                 .subject = "Kennismaking wethouder",
                 .stance = "both",
                 .tags = std::vector<std::string>{"wmo", "jeugd", "wmo"},
                 .plan_id = 7,
                 .person_ids = std::vector<std::int64_t>{wethouder_, wethouder_}});
  ASSERT_TRUE(added) << static_cast<int>(added.error().code);
  // Summer time: 09:30 in Zeist is 07:30 UTC.
  EXPECT_EQ(added->occurred_at, StartOfDutchDay(CivilDate{2026, 7, 1}) + std::chrono::minutes(570));
  EXPECT_EQ(added->tags, (std::vector<std::string>{"jeugd", "wmo"}));
  EXPECT_EQ(added->person_ids, std::vector<std::int64_t>{wethouder_});
  EXPECT_EQ(added->created_by, kUser);
  EXPECT_EQ(added->stance, Stance::kBoth);
}

TEST_F(RelationsServiceTest, ListsOfMoreThanTheLimitAreRefusedWithTheLimit) {
  std::vector<std::string> tags;
  for (int n = 0; n < 21; ++n) tags.push_back("t" + std::to_string(n));
  std::vector<std::int64_t> people(51);
  for (std::size_t n = 0; n < people.size(); ++n) people[n] = static_cast<std::int64_t>(n + 1000);
  auto added = service_.AddInteraction(
      Access(),
      {.occurred_at = DutchTime("2026-12-01"), .subject = "x", .tags = tags, .person_ids = people});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().fields.at("tags").limit, 20);
  EXPECT_EQ(added.error().fields.at("person_ids").limit, 50);
}

TEST_F(RelationsServiceTest, AnotherWorkspaceCannotReadChangeOrDeleteAContact) {
  auto added = service_.AddInteraction(
      Access(), {.occurred_at = DutchTime("2026-12-01"), .subject = "Alleen voor ons"});
  ASSERT_TRUE(added);
  const auto other = Access(kOtherWs, 99);
  EXPECT_EQ(service_.GetInteraction(other, added->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.UpdateInteraction(other, added->id, {.subject = "overgenomen"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.DeleteInteraction(other, added->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.GetInteraction(Access(), added->id)->subject, "Alleen voor ons");
}

TEST_F(RelationsServiceTest, DoneKeepsTheFirstMomentAndUndoClearsIt) {
  auto f = service_.AddFollowUp(Access(), {.title = "Verslag sturen", .due_on = "2026-12-10"});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->owner_id, kUser) << "the author owns a follow-up unless someone else is named";
  auto done = service_.UpdateFollowUp(Access(), f->id, {.done = true});
  ASSERT_TRUE(done);
  EXPECT_EQ(done->done_at, Monday());
  clock_.Advance(std::chrono::hours(3));
  EXPECT_EQ(service_.UpdateFollowUp(Access(), f->id, {.done = true})->done_at, Monday());
  EXPECT_FALSE(service_.UpdateFollowUp(Access(), f->id, {.done = false})->done_at.has_value());
}

TEST_F(RelationsServiceTest, AFollowUpsOwnerMustBeAMemberAndItsContactOurs) {
  auto f = service_.AddFollowUp(Access(), {.title = "Bellen",
                                           .due_on = "2026-12-10",
                                           .owner_id = std::optional<std::int64_t>{99},
                                           .interaction_id = std::optional<std::int64_t>{404}});
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().fields.at("owner_id").issue, FieldIssue::kNoSuchUser);
  EXPECT_EQ(f.error().fields.at("interaction_id").issue, FieldIssue::kUnknownValue);
  EXPECT_EQ(service_.AddFollowUp(Access(), {.title = "Bellen", .due_on = "10-12-2026"})
                .error()
                .fields.at("due_on")
                .issue,
            FieldIssue::kInvalidFormat);
}

TEST_F(RelationsServiceTest, ACommitmentBelongsToUsOrToOneOfTheParties) {
  auto other = whoiswho_.AddOrganisation(kWs, {.name = "Welzijn Zeist"}, clock_.Now())->id;
  auto a = service_.AddAgreement(
      Access(), {.title = "Inloop in de bibliotheek",
                 .organisation_ids = std::vector<std::int64_t>{zeist_},
                 .commitments = std::vector<Commitment>{
                     {.text = "Wij leveren twee vrijwilligers"},
                     {.organisation_id = zeist_, .text = "De gemeente betaalt de ruimte"},
                     {.organisation_id = other, .text = "Welzijn doet mee"}}});
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().fields.size(), 1U);
  EXPECT_EQ(a.error().fields.at("commitments[2].organisation_id").issue, FieldIssue::kUnknownValue);
}

TEST_F(RelationsServiceTest, TheHistoryGrowsOnlyWhenTheStatusChanges) {
  auto a = service_.AddAgreement(Access(), {.title = "Fietstour met de raad"});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, AgreementStatus::kConcept);
  ASSERT_EQ(a->history.size(), 1U);
  EXPECT_EQ(a->history[0].by, kUser);

  clock_.Advance(std::chrono::hours(24));
  auto agreed = service_.UpdateAgreement(Access(kWs, kColleague), a->id, {.status = "agreed"});
  ASSERT_TRUE(agreed);
  ASSERT_EQ(agreed->history.size(), 2U);
  EXPECT_EQ(agreed->history[1].status, AgreementStatus::kAgreed);
  EXPECT_EQ(agreed->history[1].by, kColleague);
  EXPECT_EQ(agreed->history[1].at, Monday() + std::chrono::hours(24));

  auto again = service_.UpdateAgreement(
      Access(), a->id, {.title = "Fietstour met de raad (juni)", .status = "agreed"});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->history.size(), 2U) << "the same status again is not a change";
  EXPECT_EQ(service_.UpdateAgreement(Access(), a->id, {.status = "signed"})
                .error()
                .fields.at("status")
                .issue,
            FieldIssue::kInvalidChoice);
}

TEST_F(RelationsServiceTest, AnEmptyDueDateClearsIt) {
  auto a = service_.AddAgreement(
      Access(), {.title = "Evaluatie", .due_on = std::optional<std::string>{"2026-12-31"}});
  ASSERT_TRUE(a);
  ASSERT_TRUE(a->due_on.has_value());
  auto cleared =
      service_.UpdateAgreement(Access(), a->id, {.due_on = std::optional<std::string>{""}});
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(cleared->due_on.has_value());
}

TEST_F(RelationsServiceTest, ThisWeekIsOverdueAndTheNextSevenDaysOfOpenWork) {
  for (const char* due : {"2026-11-30", "2026-12-14", "2026-12-15"}) {
    ASSERT_TRUE(service_.AddFollowUp(Access(), {.title = due, .due_on = due}));
  }
  auto done = service_.AddFollowUp(Access(), {.title = "klaar", .due_on = "2026-12-08"});
  ASSERT_TRUE(service_.UpdateFollowUp(Access(), done->id, {.done = true}));
  ASSERT_TRUE(service_.AddAgreement(
      Access(), {.title = "open", .due_on = std::optional<std::string>{"2026-12-09"}}));
  ASSERT_TRUE(service_.AddAgreement(Access(), {.title = "nagekomen",
                                               .due_on = std::optional<std::string>{"2026-12-09"},
                                               .status = "fulfilled"}));
  ASSERT_TRUE(service_.AddAgreement(Access(), {.title = "zonder datum"}));

  const ThisWeek week = service_.Week(Access());
  ASSERT_EQ(week.follow_ups.size(), 2U);
  EXPECT_EQ(week.follow_ups[0].title, "2026-11-30");
  EXPECT_EQ(week.follow_ups[1].title, "2026-12-14") << "today + 7 is in; + 8 is not";
  ASSERT_EQ(week.agreements.size(), 1U);
  EXPECT_EQ(week.agreements[0].title, "open");
}

TEST_F(RelationsServiceTest, RemindersAreTheOwnersOpenWorkWithADate) {
  ASSERT_TRUE(service_.AddFollowUp(Access(), {.title = "mijn", .due_on = "2027-03-01"}));
  ASSERT_TRUE(service_.AddFollowUp(Access(kWs, kColleague),
                                   {.title = "van een collega", .due_on = "2026-12-08"}));
  ASSERT_TRUE(service_.AddAgreement(
      Access(), {.title = "mijn afspraak", .due_on = std::optional<std::string>{"2027-01-05"}}));
  ASSERT_TRUE(service_.AddAgreement(Access(), {.title = "zonder datum"}));
  const ThisWeek mine = service_.Reminders(kWs, kUser);
  ASSERT_EQ(mine.follow_ups.size(), 1U);
  EXPECT_EQ(mine.follow_ups[0].title, "mijn");
  ASSERT_EQ(mine.agreements.size(), 1U);
  EXPECT_EQ(mine.agreements[0].title, "mijn afspraak");
}

TEST_F(RelationsServiceTest, HealthListsCurrentPeopleWorstFirstWithoutNotes) {
  const auto today = CivilDate{2026, 12, 7};
  auto met = whoiswho_.AddPerson(kWs, {.name = "Bram Jansen", .notes = "geheim"}).id;
  auto gone = whoiswho_.AddPerson(kWs, {.name = "Oud-wethouder"}).id;
  whoiswho_.AddPosition(kWs,
                        {.person_id = wethouder_,
                         .organisation_id = zeist_,
                         .kind = whoiswho::PositionKind::kAlderman,
                         .started_on = today.AddDays(-400)},
                        clock_.Now());
  whoiswho_.AddPosition(kWs,
                        {.person_id = met,
                         .organisation_id = zeist_,
                         .kind = whoiswho::PositionKind::kPolicyAdviser,
                         .started_on = today.AddDays(-400)},
                        clock_.Now());
  whoiswho_.AddPosition(kWs,
                        {.person_id = gone,
                         .organisation_id = zeist_,
                         .kind = whoiswho::PositionKind::kAlderman,
                         .started_on = today.AddDays(-900),
                         .ended_on = today.AddDays(-100)},
                        clock_.Now());
  // A powerful, interested wethouder whom we never met; an adviser met last week.
  whoiswho_.AddAssessment(
      kWs, {.person_id = wethouder_, .assessed_on = today, .scores = {.power = 5, .interest = 5}},
      kUser);
  ASSERT_TRUE(service_.AddInteraction(Access(), {.occurred_at = DutchTime("2026-11-30"),
                                                 .organisation_id = zeist_,
                                                 .subject = "Overleg",
                                                 .stance = "bring",
                                                 .person_ids = std::vector<std::int64_t>{met}}));

  // A meeting set for next month is planned, not had: it is nobody's last contact yet.
  ASSERT_TRUE(service_.AddInteraction(Access(),
                                      {.occurred_at = DutchTime("2027-01-12"),
                                       .organisation_id = zeist_,
                                       .subject = "Overleg kadernota",
                                       .person_ids = std::vector<std::int64_t>{met, wethouder_}}));

  auto health = service_.HealthOf(Access(), zeist_);
  ASSERT_TRUE(health);
  EXPECT_EQ(health->last_contact, *ParseDateTime(DutchTime("2026-11-30")));
  ASSERT_EQ(health->people.size(), 2U) << "a position that ended does not count";
  EXPECT_EQ(health->people[0].person.id, wethouder_) << "never met, manage closely: worst first";
  EXPECT_EQ(health->people[0].quadrant, whoiswho::Quadrant::kManageClosely);
  EXPECT_FALSE(health->people[0].last_contact.has_value());
  EXPECT_EQ(health->people[1].person.id, met);
  EXPECT_EQ(health->people[1].last_contact, *ParseDateTime(DutchTime("2026-11-30")));
  for (const auto& p : health->people) EXPECT_FALSE(p.person.notes.has_value());
  EXPECT_EQ(service_.HealthOf(Access(), elsewhere_).error().code, ErrorCode::kNotFound);
}

TEST_F(RelationsServiceTest, ATimelineIsNewestFirstWithStatusChangesAndPositions) {
  whoiswho_.AddPosition(kWs,
                        {.person_id = wethouder_,
                         .organisation_id = zeist_,
                         .kind = whoiswho::PositionKind::kAlderman,
                         .started_on = CivilDate{2026, 5, 1}},
                        clock_.Now());
  clock_.Advance(std::chrono::hours(-24 * 30));
  auto a = service_.AddAgreement(
      Access(), {.title = "Pilot", .organisation_ids = std::vector<std::int64_t>{zeist_}});
  ASSERT_TRUE(a);
  clock_.Advance(std::chrono::hours(24 * 29));
  ASSERT_TRUE(service_.UpdateAgreement(Access(), a->id, {.status = "agreed"}));
  ASSERT_TRUE(service_.AddInteraction(Access(), {.occurred_at = DutchTime("2026-12-03"),
                                                 .organisation_id = zeist_,
                                                 .subject = "Overleg",
                                                 .notes = "vertrouwelijk"}));

  auto items = service_.Timeline(Access(), zeist_, std::nullopt);
  ASSERT_TRUE(items);
  ASSERT_EQ(items->size(), 4U);
  EXPECT_EQ((*items)[0].kind, TimelineItem::Kind::kStatusChange);  // yesterday
  EXPECT_EQ((*items)[1].kind, TimelineItem::Kind::kInteraction);   // 3 December
  EXPECT_TRUE((*items)[1].interaction->notes.empty()) << "a timeline never carries notes";
  EXPECT_EQ((*items)[2].kind, TimelineItem::Kind::kAgreement);        // 7 November
  EXPECT_EQ((*items)[3].kind, TimelineItem::Kind::kPositionStarted);  // 1 May

  EXPECT_EQ(service_.Timeline(Access(), zeist_, wethouder_).error().fields.count("organisation_id"),
            1U)
      << "one of organisation and person, not both";
  EXPECT_EQ(service_.Timeline(Access(), std::nullopt, std::nullopt).error().code,
            ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace aantafel::core::relations
