// ReadInvitations on invitations in the shapes Outlook/Exchange and Google Calendar really send
// (tests/fixtures/mail/*.ics; invented people): times to UTC with the file's own VTIMEZONE,
// summer and winter time, all-day events, series with a changed occurrence, cancellations, the
// people, and refusals of damaged and hostile files.
#include "interchange/calendar_invitation.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "core/civil_date.hpp"
#include "core/validation.hpp"
#include "interchange/mail_message.hpp"

namespace aantafel::interchange {
namespace {

using core::mail_intake::Invitation;
using core::mail_intake::InvitationLimits;
using core::mail_intake::InvitationMethod;
using core::mail_intake::MailAddress;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/mail/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<Invitation> Read(const std::string& ics, const InvitationLimits& limits = {}) {
  auto invitations = ReadInvitations(ics, limits);
  EXPECT_TRUE(invitations.ok()) << ics.substr(0, 400);
  return invitations.ok() ? *invitations : std::vector<Invitation>{};
}

Invitation ReadOne(const std::string& ics) {
  auto invitations = Read(ics);
  EXPECT_EQ(invitations.size(), 1U);
  return invitations.empty() ? Invitation{} : invitations.front();
}

/// The field error a refused file gives ("file" → issue), or a note that it was read.
std::string Refusal(const std::string& ics, const InvitationLimits& limits = {}) {
  auto invitations = ReadInvitations(ics, limits);
  if (invitations.ok()) return "read";
  const auto& fields = invitations.error().fields;
  if (fields.size() != 1 || !fields.contains("file")) return "other error";
  const auto& error = fields.at("file");
  return std::string(core::ToString(error.issue)) + " " + std::to_string(error.limit);
}

std::string Utc(const std::optional<core::Instant>& instant) {
  return instant ? core::FormatTimestamp(*instant) : "none";
}

/// A VCALENDAR around `lines` (CRLF line ends, as the standard wants).
std::string Calendar(std::initializer_list<std::string_view> lines) {
  std::string out = "BEGIN:VCALENDAR\r\nPRODID:-//Denkstad//Test//NL\r\nVERSION:2.0\r\n";
  for (const auto line : lines) {
    out += line;
    out += "\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

/// A calendar with one event: `lines` between BEGIN:VEVENT and END:VEVENT.
std::string Event(std::initializer_list<std::string_view> lines) {
  std::string out =
      "BEGIN:VCALENDAR\r\nPRODID:-//Denkstad//Test//NL\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
      "UID:test-1@denkstad.example\r\nDTSTAMP:20270601T090000Z\r\n";
  for (const auto line : lines) {
    out += line;
    out += "\r\n";
  }
  return out + "END:VEVENT\r\nEND:VCALENDAR\r\n";
}

constexpr std::string_view kOutlookUid =
    "040000008200E00074C5B7101A82E00800000000A0C4F2E35E92DD01000000000000000010000000B7E2C5A3D1F0"
    "4E4C9A6B8E2D7F3C1A05";

// ---- the fixtures ----

TEST(ReadInvitations, AnOutlookRequestInSummerTimeGivesUtcTimesAndItsPeople) {
  const auto invitation = ReadOne(Fixture("outlook-invitation-request.ics"));
  EXPECT_EQ(invitation.method, InvitationMethod::kRequest);
  EXPECT_EQ(invitation.uid, kOutlookUid);  // folded over two lines in the file
  EXPECT_EQ(invitation.sequence, 0);
  // 10:00–11:30 "W. Europe Standard Time" (its VTIMEZONE from 1601) in June: CEST, UTC+2.
  EXPECT_EQ(Utc(invitation.starts_at), "2027-06-15T08:00:00.000Z");
  EXPECT_EQ(Utc(invitation.ends_at), "2027-06-15T09:30:00.000Z");
  EXPECT_FALSE(invitation.all_day);
  EXPECT_EQ(invitation.summary, "Werkoverleg sociaal domein");
  EXPECT_EQ(invitation.location, "Stadhuis Denkstad, kamer 2.14");
  EXPECT_EQ(invitation.description,
            "Beste collega’s,\n\nGraag bespreken we de wachttijden Wmo en de kadernota 2028.\n\n"
            "Agenda:\n1. Wachttijden begeleiding\n2. Café-overleg wijkteams\n\n"
            "Met vriendelijke groet,\nBo Beleid");
  ASSERT_TRUE(invitation.organizer);
  EXPECT_EQ(*invitation.organizer, (MailAddress{"Bo Beleid", "b.beleid@denkstad.example"}));
  EXPECT_EQ(invitation.attendees,
            (std::vector<MailAddress>{
                {"Anna de Vries", "anna@zorg.example"},
                {"Jansen, Els", "e.jansen@denkstad.example"},  // CN="…" unquoted; lower case
                {"dossier+zorg-west@zorg.example", "dossier+zorg-west@zorg.example"}}));
  EXPECT_FALSE(invitation.cancelled);
  EXPECT_FALSE(invitation.recurring);
  EXPECT_FALSE(invitation.recurrence_id);
}

TEST(ReadInvitations, AnOutlookCancellationNamesTheSameMeetingWithAHigherSequence) {
  const auto request = ReadOne(Fixture("outlook-invitation-request.ics"));
  const auto cancel = ReadOne(Fixture("outlook-invitation-cancel.ics"));
  EXPECT_EQ(cancel.method, InvitationMethod::kCancel);
  EXPECT_TRUE(cancel.cancelled);
  EXPECT_EQ(cancel.uid, request.uid);
  EXPECT_EQ(cancel.sequence, 1);
  EXPECT_GT(cancel.sequence, request.sequence);
  EXPECT_EQ(cancel.starts_at, request.starts_at);
  EXPECT_EQ(cancel.ends_at, request.ends_at);
  EXPECT_EQ(cancel.summary, "Geannuleerd: Werkoverleg sociaal domein");
  EXPECT_EQ(cancel.description, "Het werkoverleg gaat niet door. We plannen een nieuwe datum.");
  EXPECT_EQ(cancel.attendees.size(), 3U);
}

TEST(ReadInvitations, AGoogleInvitationInWinterTimeLeavesTheOrganizerOutOfTheAttendees) {
  const auto invitation = ReadOne(Fixture("google-invitation.ics"));
  EXPECT_EQ(invitation.method, InvitationMethod::kRequest);
  EXPECT_EQ(invitation.uid, "5k2m9q0v7r3t1b8n4c6x2z0a1s@google.com");
  // 14:30–16:00 Europe/Amsterdam in December: CET, UTC+1.
  EXPECT_EQ(Utc(invitation.starts_at), "2027-12-07T13:30:00.000Z");
  EXPECT_EQ(Utc(invitation.ends_at), "2027-12-07T15:00:00.000Z");
  EXPECT_EQ(invitation.summary, "Afstemming wijkteam en gemeente");
  EXPECT_EQ(invitation.location, "Wijkcentrum De Brug, Kerkstraat 12, Denkstad");
  EXPECT_TRUE(invitation.description.starts_with(
      "Afstemming tussen het wijkteam West en de gemeente over de Wmo-aanvragen.\n\n"))
      << invitation.description;
  EXPECT_NE(invitation.description.find("Deelnemen met Google Meet: "
                                        "https://meet.google.com/wzk-hbqe-rtf\n"),
            std::string::npos);
  ASSERT_TRUE(invitation.organizer);
  EXPECT_EQ(*invitation.organizer, (MailAddress{"Anna de Vries", "anna@zorg.example"}));
  // Google lists the organizer (ACCEPTED) first; a group; a CN that is the address; MAILTO: in
  // capitals and an address in mixed case. The alarm's ATTENDEE is not a guest.
  EXPECT_EQ(invitation.attendees,
            (std::vector<MailAddress>{{"Wijkteam West", "wijkteam-west@zorg.example"},
                                      {"b.beleid@denkstad.example", "b.beleid@denkstad.example"},
                                      {"Els Jansen", "e.jansen@denkstad.example"}}));
  EXPECT_FALSE(invitation.cancelled);
  EXPECT_FALSE(invitation.recurring);
}

TEST(ReadInvitations, AnAllDayEventRunsFromDutchMidnightToTheNext) {
  const auto invitation = ReadOne(Fixture("all-day.ics"));
  EXPECT_TRUE(invitation.all_day);
  // 27 May 2027 in CEST: from 26 May 22:00 UTC; DTEND (28 May) is exclusive.
  EXPECT_EQ(Utc(invitation.starts_at), "2027-05-26T22:00:00.000Z");
  EXPECT_EQ(Utc(invitation.ends_at), "2027-05-27T22:00:00.000Z");
  EXPECT_EQ(invitation.summary, "Studiedag wijkteams");
  EXPECT_EQ(invitation.description, "");  // Outlook's "\n" alone
  ASSERT_TRUE(invitation.organizer);
  EXPECT_EQ(invitation.organizer->address, "e.jansen@denkstad.example");
  EXPECT_EQ(invitation.attendees.size(), 2U);
}

TEST(ReadInvitations, ASeriesComesBeforeItsChangedOccurrenceAndBothAreRecurring) {
  // Google writes the changed occurrence first; the series is in summer time, the moved
  // occurrence in winter time.
  const auto events = Read(Fixture("recurring.ics"));
  ASSERT_EQ(events.size(), 2U);
  const auto& series = events[0];
  const auto& moved = events[1];
  EXPECT_EQ(series.method, InvitationMethod::kPublish);
  EXPECT_EQ(series.uid, "0q8v3n5k1m7b2c9x4z6a1s3d5f@google.com");
  EXPECT_EQ(moved.uid, series.uid);
  EXPECT_FALSE(series.recurrence_id);
  EXPECT_TRUE(series.recurring);
  EXPECT_EQ(Utc(series.starts_at), "2027-09-07T07:30:00.000Z");  // 09:30 CEST
  EXPECT_EQ(Utc(series.ends_at), "2027-09-07T08:30:00.000Z");
  EXPECT_EQ(series.location, "Wijkcentrum De Brug");
  EXPECT_EQ(series.description, "");  // "DESCRIPTION:" without a value is no damage
  EXPECT_TRUE(moved.recurring);
  EXPECT_EQ(Utc(moved.recurrence_id), "2027-11-09T08:30:00.000Z");  // 09:30 CET
  EXPECT_EQ(Utc(moved.starts_at), "2027-11-10T13:00:00.000Z");      // 14:00 CET
  EXPECT_EQ(Utc(moved.ends_at), "2027-11-10T14:00:00.000Z");
  EXPECT_EQ(moved.sequence, 1);
  EXPECT_EQ(moved.location, "Gemeentehuis Denkstad, zaal 3");
  EXPECT_EQ(moved.attendees,
            (std::vector<MailAddress>{{"Bo Beleid", "b.beleid@denkstad.example"}}));
}

TEST(ReadInvitations, AChangedOccurrenceAloneSaysWhichOccurrenceItChanges) {
  // Outlook's update of one meeting of a series holds only that occurrence.
  std::string ics = Fixture("outlook-invitation-request.ics");
  const std::string dtend = "DTEND;TZID=W. Europe Standard Time:20270615T113000\r\n";
  ics.insert(ics.find(dtend) + dtend.size(),
             "RECURRENCE-ID;TZID=W. Europe Standard Time:20270614T100000\r\n");
  const auto invitation = ReadOne(ics);
  EXPECT_TRUE(invitation.recurring);
  EXPECT_EQ(Utc(invitation.recurrence_id), "2027-06-14T08:00:00.000Z");
  EXPECT_EQ(Utc(invitation.starts_at), "2027-06-15T08:00:00.000Z");
}

TEST(ReadInvitations, ATruncatedFileIsUnreadable) {
  EXPECT_EQ(Refusal(Fixture("broken.ics")), "unreadable 0");
}

TEST(ReadInvitations, TheCalendarPartOfAnOutlookMessageIsRead) {
  // The text/calendar part (base64 in the message) as ParseMail hands it over.
  auto mail = ParseMail(Fixture("outlook-uitnodiging.eml"), {});
  ASSERT_TRUE(mail.ok());
  ASSERT_EQ(mail->invitations.size(), 1U);
  const auto invitation = ReadOne(mail->invitations[0]);
  EXPECT_EQ(invitation.method, InvitationMethod::kRequest);
  EXPECT_EQ(invitation.summary, "Overleg kadernota 2028");
  EXPECT_EQ(invitation.location, "Stadhuis Denkstad, kamer 2.14");
  // 15 April 2027 is after the switch to summer time (28 March).
  EXPECT_EQ(Utc(invitation.starts_at), "2027-04-15T08:00:00.000Z");
  EXPECT_EQ(Utc(invitation.ends_at), "2027-04-15T09:00:00.000Z");
  ASSERT_TRUE(invitation.organizer);
  EXPECT_EQ(*invitation.organizer, (MailAddress{"Bo Beleid", "b.beleid@denkstad.example"}));
  // Els's address is folded in the middle in the file.
  EXPECT_EQ(invitation.attendees,
            (std::vector<MailAddress>{{"Jansen, Els", "e.jansen@denkstad.example"},
                                      {"Anna de Vries", "anna@zorg.example"}}));
}

// ---- times ----

TEST(ReadInvitations, SummerTimeStartsAndEndsAtTheRightMomentWithOutlooksZone) {
  // Outlook's VTIMEZONE, with the last second before and the first after each switch of 2027.
  std::string ics = Fixture("outlook-invitation-request.ics");
  const auto at = [&](std::string_view local) {
    std::string copy = ics;
    const std::string from = "DTSTART;TZID=W. Europe Standard Time:20270615T100000";
    copy.replace(copy.find(from), from.size(),
                 "DTSTART;TZID=W. Europe Standard Time:" + std::string(local));
    return Utc(ReadOne(copy).starts_at);
  };
  EXPECT_EQ(at("20270328T015959"), "2027-03-28T00:59:59.000Z");
  EXPECT_EQ(at("20270328T030000"), "2027-03-28T01:00:00.000Z");
  EXPECT_EQ(at("20271031T030000"), "2027-10-31T02:00:00.000Z");
  EXPECT_EQ(at("20270115T100000"), "2027-01-15T09:00:00.000Z");
  EXPECT_EQ(at("20400702T100000"), "2040-07-02T08:00:00.000Z");  // after 2037 too
}

TEST(ReadInvitations, UtcTimesAreKeptAndFloatingTimesAreDutchTime) {
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART:20270615T100000Z"})).starts_at),
            "2027-06-15T10:00:00.000Z");
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART:20270615T100000"})).starts_at), "2027-06-15T08:00:00.000Z");
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART:20271215T100000"})).starts_at), "2027-12-15T09:00:00.000Z");
}

TEST(ReadInvitations, AZoneNotInTheFileIsTakenFromItsNameOrIsDutchTime) {
  // Europe/Amsterdam without its VTIMEZONE (the system's zone database), Outlook's Windows name
  // without its VTIMEZONE, a prefixed name, and names nobody knows (Dutch time; a path is
  // never opened).
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART;TZID=Europe/Amsterdam:20270615T100000"})).starts_at),
            "2027-06-15T08:00:00.000Z");
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART;TZID=W. Europe Standard Time:20271215T100000"})).starts_at),
            "2027-12-15T09:00:00.000Z");
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART;TZID=/freeassociation.sourceforge.net/Europe/"
                               "Amsterdam:20270615T100000"}))
                    .starts_at),
            "2027-06-15T08:00:00.000Z");
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART;TZID=Mars/Olympus:20270615T100000"})).starts_at),
            "2027-06-15T08:00:00.000Z");
  EXPECT_EQ(Utc(ReadOne(Event({"DTSTART;TZID=../../../../etc/passwd:20270615T100000"})).starts_at),
            "2027-06-15T08:00:00.000Z");
}

TEST(ReadInvitations, AnotherIanaZoneComesFromTheSystemsZoneDatabase) {
  if (!std::filesystem::exists("/usr/share/zoneinfo/America/New_York")) {
    GTEST_SKIP() << "no tzdata on this machine: such zones are read as Dutch time";
  }
  const auto invitation = ReadOne(Event({"DTSTART;TZID=America/New_York:20270615T100000",
                                         "DTEND;TZID=America/New_York:20271215T100000"}));
  EXPECT_EQ(Utc(invitation.starts_at), "2027-06-15T14:00:00.000Z");  // EDT
  EXPECT_EQ(Utc(invitation.ends_at), "2027-12-15T15:00:00.000Z");    // EST
}

TEST(ReadInvitations, ADurationCountsDaysOnTheWallClockAndHoursExactly) {
  const auto hours = ReadOne(Event({"DTSTART:20270615T100000Z", "DURATION:PT1H30M"}));
  EXPECT_EQ(Utc(hours.ends_at), "2027-06-15T11:30:00.000Z");
  // One day from noon on the day before summer time starts is 23 hours.
  const auto day =
      ReadOne(Event({"DTSTART;TZID=Europe/Amsterdam:20270327T120000", "DURATION:P1D"}));
  EXPECT_EQ(Utc(day.starts_at), "2027-03-27T11:00:00.000Z");
  EXPECT_EQ(Utc(day.ends_at), "2027-03-28T10:00:00.000Z");
  const auto days = ReadOne(Event({"DTSTART;VALUE=DATE:20270527", "DURATION:P2D"}));
  EXPECT_TRUE(days.all_day);
  EXPECT_EQ(Utc(days.ends_at), "2027-05-28T22:00:00.000Z");
  EXPECT_FALSE(ReadOne(Event({"DTSTART:20270615T100000Z", "DURATION:-PT1H"})).ends_at);
}

TEST(ReadInvitations, WithoutAnEndADateLastsADayAndATimeHasNoLength) {
  const auto day = ReadOne(Event({"DTSTART;VALUE=DATE:20271225"}));
  EXPECT_TRUE(day.all_day);
  EXPECT_EQ(Utc(day.starts_at), "2027-12-24T23:00:00.000Z");
  EXPECT_EQ(Utc(day.ends_at), "2027-12-25T23:00:00.000Z");
  const auto moment = ReadOne(Event({"DTSTART:20270615T100000Z"}));
  EXPECT_EQ(moment.ends_at, moment.starts_at);
  const auto none = ReadOne(Event({"SUMMARY:Zonder tijd"}));
  EXPECT_FALSE(none.starts_at);
  EXPECT_FALSE(none.ends_at);
}

TEST(ReadInvitations, ATimeOutsideTheYearsAMeetingCanHaveIsLeftOut) {
  EXPECT_FALSE(ReadOne(Event({"DTSTART:18500101T100000Z"})).starts_at);
  EXPECT_FALSE(ReadOne(Event({"DTSTART;TZID=Europe/Amsterdam:99990101T100000"})).starts_at);
}

// ---- what the file says ----

TEST(ReadInvitations, MethodAndStatusGiveTheKindOfInvitation) {
  const auto method = [](std::string_view line) {
    auto ics = Event({"DTSTART:20270615T100000Z"});
    if (!line.empty()) ics.insert(ics.find("BEGIN:VEVENT"), std::string(line) + "\r\n");
    return ReadOne(ics).method;
  };
  EXPECT_EQ(method(""), InvitationMethod::kPublish);
  EXPECT_EQ(method("METHOD:PUBLISH"), InvitationMethod::kPublish);
  EXPECT_EQ(method("METHOD:REQUEST"), InvitationMethod::kRequest);
  EXPECT_EQ(method("METHOD:REPLY"), InvitationMethod::kReply);
  EXPECT_EQ(method("METHOD:CANCEL"), InvitationMethod::kCancel);
  EXPECT_EQ(method("METHOD:COUNTER"), InvitationMethod::kOther);
  EXPECT_TRUE(ReadOne(Event({"STATUS:CANCELLED"})).cancelled);
  EXPECT_FALSE(ReadOne(Event({"STATUS:CONFIRMED"})).cancelled);
  EXPECT_TRUE(ReadOne(Event({"DTSTART:20270615T100000Z", "RRULE:FREQ=WEEKLY;COUNT=4"})).recurring);
  EXPECT_TRUE(ReadOne(Event({"DTSTART:20270615T100000Z", "RDATE:20270622T100000Z"})).recurring);
}

TEST(ReadInvitations, TextLosesItsControlCharactersAndIsCutBetweenCharacters) {
  const auto text =
      ReadOne(Event({"SUMMARY:Overleg\\nwijkteam\tWest\x01", "LOCATION:  Kamer 2.14  ",
                     "DESCRIPTION:Regel 1\\nRegel\t2\x07\\n\\n"}));
  EXPECT_EQ(text.summary, "Overleg wijkteam West");
  EXPECT_EQ(text.location, "Kamer 2.14");
  EXPECT_EQ(text.description, "Regel 1\nRegel\t2");

  std::string long_summary = "SUMMARY:";
  for (int i = 0; i < 300; ++i) long_summary += "é";
  std::string long_description = "DESCRIPTION:";
  for (int i = 0; i < 30000; ++i) long_description += "ë";
  const auto cut = ReadOne(Event({long_summary, long_description}));
  EXPECT_EQ(core::CodePointCount(cut.summary), 200U);
  EXPECT_EQ(cut.summary.size(), 400U);
  EXPECT_EQ(core::CodePointCount(cut.description), 20000U);
  EXPECT_TRUE(core::IsValidUtf8(cut.description));
}

TEST(ReadInvitations, AFileThatIsNotUtf8IsReadAsWindows1252) {
  const auto invitation =
      ReadOne(Event({"SUMMARY:Caf\xe9 \x93Het Plein\x94 \x96 \x80 5", "LOCATION:K\xe9rkstraat"}));
  EXPECT_EQ(invitation.summary, "Café “Het Plein” – € 5");
  EXPECT_EQ(invitation.location, "Kérkstraat");
}

TEST(ReadInvitations, AttendeesAreEMailAddressesOnceEachWithoutRooms) {
  const std::string organizer =
      "ORGANIZER;CN=\"Beleid, Bo\";SENT-BY=\"mailto:secretariaat@denkstad.example\":MAILTO:"
      "B.Beleid@Denkstad.example";
  const auto invitation = ReadOne(Event({
      organizer,
      "ATTENDEE;CN=Anna de Vries:mailto:anna@zorg.example",
      "ATTENDEE;CN=Anna:mailto:ANNA@zorg.example",
      "ATTENDEE;CN=Bo:mailto:b.beleid@denkstad.example",
      "ATTENDEE;CUTYPE=ROOM;CN=Kamer 2.14:mailto:kamer214@denkstad.example",
      "ATTENDEE;CUTYPE=RESOURCE;CN=Beamer:mailto:beamer@denkstad.example",
      "ATTENDEE;CN=Iemand:invalid:nomail",
      "ATTENDEE:urn:uuid:7f3c1a05-b7e2-4c5a-93d1-f04e4c9a6b8e",
      "ATTENDEE:mailto:e.jansen@denkstad.example",
  }));
  ASSERT_TRUE(invitation.organizer);
  EXPECT_EQ(*invitation.organizer, (MailAddress{"Beleid, Bo", "b.beleid@denkstad.example"}));
  EXPECT_EQ(invitation.attendees, (std::vector<MailAddress>{{"Anna de Vries", "anna@zorg.example"},
                                                            {"", "e.jansen@denkstad.example"}}));
}

TEST(ReadInvitations, EventsOfDifferentMeetingsKeepTheFilesOrder) {
  const auto events = Read(Calendar({"BEGIN:VEVENT", "UID:b", "SUMMARY:Tweede", "END:VEVENT",
                                     "BEGIN:VEVENT", "UID:a", "SUMMARY:Eerste", "END:VEVENT"}));
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].uid, "b");
  EXPECT_EQ(events[1].uid, "a");
  EXPECT_FALSE(events[0].recurring);
}

TEST(ReadInvitations, TwoCalendarsInOneFileAreBothRead) {
  const auto events = Read(Calendar({"BEGIN:VEVENT", "UID:a", "SUMMARY:Een", "END:VEVENT"}) +
                           Calendar({"BEGIN:VEVENT", "UID:b", "SUMMARY:Twee", "END:VEVENT"}));
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].summary, "Een");
  EXPECT_EQ(events[1].summary, "Twee");
}

// ---- refusals ----

TEST(ReadInvitations, WhatIsNotAnInvitationIsUnreadable) {
  EXPECT_EQ(Refusal(""), "unreadable 0");
  EXPECT_EQ(Refusal("Dit is geen agenda.\r\n"), "unreadable 0");
  EXPECT_EQ(Refusal(Fixture("outlook-kadernota.eml")), "unreadable 0");
  EXPECT_EQ(Refusal(std::string("\xff\xfe"
                                "B\0E\0G\0I\0N\0",
                                12)),
            "unreadable 0");                                                      // UTF-16
  EXPECT_EQ(Refusal("BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n"), "unreadable 0");  // no VCALENDAR
  EXPECT_EQ(Refusal(Calendar({"BEGIN:VTODO", "UID:a", "SUMMARY:Taak", "END:VTODO"})),
            "unreadable 0");  // no VEVENT
  EXPECT_EQ(Refusal(Calendar({})), "unreadable 0");
  EXPECT_EQ(Refusal("END:VCALENDAR\r\n" + Event({})), "unreadable 0");
}

TEST(ReadInvitations, ADamagedStructureOrValueIsUnreadable) {
  EXPECT_EQ(Refusal(Event({"DTSTART:2027XX15T100000"})), "unreadable 0");
  EXPECT_EQ(Refusal(Event({"zomaar een regel zonder naam"})), "unreadable 0");
  // Not damage: an empty value (Google), a parameter libical does not know, an X-property, a
  // component libical does not know.
  EXPECT_EQ(Refusal(Event({"LOCATION:", "SUMMARY;ONBEKEND:x", "X-ALT-DESC;FMTTYPE=text/html:<p>",
                           "BEGIN:VONBEKEND", "END:VONBEKEND"})),
            "read");
}

TEST(ReadInvitations, AFileOverTheLimitIsTooLarge) {
  const std::string ics = Fixture("outlook-invitation-request.ics");
  EXPECT_EQ(Refusal(ics, {.max_bytes = ics.size() - 1}), "file_too_large 1");
  EXPECT_EQ(Refusal(ics, {.max_bytes = ics.size()}), "read");
  // A line of 5 MB.
  EXPECT_EQ(Refusal(Event({"DESCRIPTION:" + std::string(5 * 1024 * 1024, 'x')})),
            "file_too_large 1");
}

TEST(ReadInvitations, MoreEventsThanTheLimitAreRefused) {
  std::string body;
  for (int i = 0; i < 51; ++i) {
    body += "BEGIN:VEVENT\r\nUID:event-" + std::to_string(i) +
            "\r\nDTSTART:20270615T100000Z\r\nEND:VEVENT\r\n";
  }
  EXPECT_EQ(Refusal(Calendar({body})), "too_many 50");
  EXPECT_EQ(Refusal(Calendar({body}), {.max_events = 51}), "read");
}

TEST(ReadInvitations, TenThousandAttendeesAreCutAtTheLimit) {
  std::string attendees;
  for (int i = 0; i < 10000; ++i) {
    attendees += "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Deelnemer " + std::to_string(i) +
                 ":mailto:deelnemer" + std::to_string(i) + "@zorg.example\r\n";
  }
  const auto invitation = ReadOne(Event({"DTSTART:20270615T100000Z", attendees}));
  ASSERT_EQ(invitation.attendees.size(), 500U);
  EXPECT_EQ(invitation.attendees.front(), (MailAddress{"Deelnemer 0", "deelnemer0@zorg.example"}));
  EXPECT_EQ(invitation.attendees.back(),
            (MailAddress{"Deelnemer 499", "deelnemer499@zorg.example"}));
}

TEST(ReadInvitations, DeeplyNestedComponentsAreRefusedBeforeLibicalReadsThem) {
  // 30,000 deep (780 KB): libical frees a tree recursively, which overflows a 1 MB stack.
  std::string nested;
  for (int i = 0; i < 30000; ++i) nested += "BEGIN:X-LAAG\r\n";
  for (int i = 0; i < 30000; ++i) nested += "END:X-LAAG\r\n";
  EXPECT_EQ(Refusal(Event({nested})), "unreadable 0");
  // Also when the BEGIN lines are folded, or written in lower case.
  EXPECT_EQ(Refusal(Event({"BEG\r\n IN:X-A", "begin:x-b", "BEGIN:X-C", "BEGIN:X-D", "BEGIN:X-E",
                           "BEGIN:X-F", "BEGIN:X-G", "END:X-G", "END:X-F", "END:X-E", "END:X-D",
                           "END:X-C", "END:X-B", "END:X-A"})),
            "unreadable 0");
  // Six deep is fine.
  EXPECT_EQ(Refusal(Event({"BEGIN:X-A", "BEGIN:X-B", "BEGIN:X-C", "BEGIN:X-D", "END:X-D", "END:X-C",
                           "END:X-B", "END:X-A"})),
            "read");
}

TEST(ReadInvitations, ALineOfManyParametersIsRefusedBeforeLibicalSpendsMinutesOnIt) {
  std::string line = "X-VEEL";
  for (int i = 0; i < 120000; ++i) line += ";P=1";
  EXPECT_EQ(Refusal(Event({line + ":x"})), "unreadable 0");
  // Parameters as Google writes them are fine, and so are many escaped semicolons in a value.
  std::string html = "X-ALT-DESC;FMTTYPE=text/html:";
  for (int i = 0; i < 20000; ++i) html += "&nbsp\\;";
  EXPECT_EQ(Refusal(Event({html})), "read");
}

TEST(ReadInvitations, AVtimezoneWithRulesNoRealZoneHasIsNotExpanded) {
  // FREQ=SECONDLY from 1601 would keep libical busy for minutes: the zone is not used, and the
  // time is Dutch time.
  const std::string zone =
      "BEGIN:VTIMEZONE\r\nTZID:Snel\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
      "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0500\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\n"
      "END:VTIMEZONE";
  const auto invitation = ReadOne(
      Calendar({zone, "BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Snel:20270615T100000", "END:VEVENT"}));
  EXPECT_EQ(Utc(invitation.starts_at), "2027-06-15T08:00:00.000Z");
  // A day that never comes.
  std::string never = zone;
  never.replace(never.find("FREQ=SECONDLY"), 13, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");
  EXPECT_EQ(Utc(ReadOne(Calendar({never, "BEGIN:VEVENT", "UID:a",
                                  "DTSTART;TZID=Snel:20271215T100000", "END:VEVENT"}))
                    .starts_at),
            "2027-12-15T09:00:00.000Z");
  // A plain yearly rule is used: UTC+5 all year.
  std::string yearly = zone;
  yearly.replace(yearly.find("FREQ=SECONDLY"), 13, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
  EXPECT_EQ(Utc(ReadOne(Calendar({yearly, "BEGIN:VEVENT", "UID:a",
                                  "DTSTART;TZID=Snel:20270615T100000", "END:VEVENT"}))
                    .starts_at),
            "2027-06-15T05:00:00.000Z");
  // Too many time zones in one file.
  std::string zones;
  for (int i = 0; i < 21; ++i) {
    zones += "BEGIN:VTIMEZONE\r\nTZID:Zone " + std::to_string(i) +
             "\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\n"
             "TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
  }
  EXPECT_EQ(Refusal(Calendar({zones + "BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT"})), "unreadable 0");
  // Rules over too many years in all (20 rules from 1583: over 12,000 years to expand).
  std::string rules;
  for (int i = 0; i < 20; ++i) {
    rules += "BEGIN:VTIMEZONE\r\nTZID:Oud " + std::to_string(i) +
             "\r\nBEGIN:STANDARD\r\nDTSTART:15830101T000000\r\nTZOFFSETFROM:+0100\r\n"
             "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
             "END:VTIMEZONE\r\n";
  }
  EXPECT_EQ(Refusal(Calendar({rules + "BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT"})), "unreadable 0");
}

}  // namespace
}  // namespace aantafel::interchange
