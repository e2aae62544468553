#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/mail_queue.hpp"
#include "app/smtp_mailer.hpp"
#include "support/fakes.hpp"

namespace aantafel::app {
namespace {

TEST(SmtpMessage, PlainTextAloneOrWithAnHtmlAlternative) {
  core::Mail mail{
      .to = "kees@zorg.nl", .subject = "Uitnodiging voor Zorg-West", .text = "Hallo\nKees"};
  const std::string plain = FormatMessage(mail, "aantafel@zorg.nl", "Sun, 6 Dec 2026", "1.2");
  EXPECT_NE(plain.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_EQ(plain.find("multipart"), std::string::npos);
  EXPECT_TRUE(plain.ends_with("\r\n\r\nHallo\r\nKees\r\n")) << plain;

  mail.html = "<p>Hallo Kees</p>";
  mail.subject = "Één uitnodiging";
  const std::string both = FormatMessage(mail, "aantafel@zorg.nl", "Sun, 6 Dec 2026", "1.3");
  EXPECT_NE(both.find("Subject: =?UTF-8?B?"), std::string::npos) << "non-ASCII subject encoded";
  const auto boundary = both.find("boundary=\"");
  ASSERT_NE(boundary, std::string::npos);
  const std::string mark =
      both.substr(boundary + 10, both.find('"', boundary + 10) - boundary - 10);
  const auto text_part = both.find("--" + mark + "\r\nContent-Type: text/plain");
  const auto html_part = both.find("--" + mark + "\r\nContent-Type: text/html");
  ASSERT_NE(text_part, std::string::npos);
  ASSERT_NE(html_part, std::string::npos);
  EXPECT_LT(text_part, html_part) << "plain text first, the richer part last (RFC 2046)";
  EXPECT_TRUE(both.ends_with("--" + mark + "--\r\n"));
}

/// A relay that refuses the first `failures` mails, then keeps them.
class FlakyRelay final : public core::Mailer {
 public:
  explicit FlakyRelay(int failures) : failures_(failures) {}
  core::Status Send(const core::Mail& mail) override {
    std::lock_guard lock(mutex_);
    if (failures_ > 0) {
      --failures_;
      return core::Error::Of(core::ErrorCode::kUnavailable);
    }
    sent_.push_back(mail.to);
    return core::Ok{};
  }
  std::vector<std::string> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::mutex mutex_;
  int failures_;
  std::vector<std::string> sent_;
};

std::vector<std::string> WaitFor(FlakyRelay& relay, std::size_t count) {
  for (int i = 0; i < 400 && relay.sent().size() < count; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return relay.sent();
}

TEST(MailQueue, SendsInOrderAndRetriesARefusedMail) {
  FlakyRelay relay(1);
  std::vector<std::string> errors;
  MailQueue queue(
      relay, [&](const std::string& e) { errors.push_back(e); }, 3, std::chrono::seconds(0));
  ASSERT_TRUE(queue.Send({.to = "een@zorg.nl"}).ok());
  ASSERT_TRUE(queue.Send({.to = "twee@zorg.nl"}).ok());
  EXPECT_EQ(WaitFor(relay, 2), (std::vector<std::string>{"een@zorg.nl", "twee@zorg.nl"}));
  EXPECT_TRUE(errors.empty());
}

TEST(MailQueue, GivesUpAfterItsAttemptsAndSaysSo) {
  FlakyRelay relay(2);
  std::mutex mutex;
  std::vector<std::string> errors;
  {
    MailQueue queue(
        relay,
        [&](const std::string& e) {
          std::lock_guard lock(mutex);
          errors.push_back(e);
        },
        2, std::chrono::seconds(0));
    ASSERT_TRUE(queue.Send({.to = "kwijt@zorg.nl"}).ok());
    ASSERT_TRUE(queue.Send({.to = "wel@zorg.nl"}).ok());
    EXPECT_EQ(WaitFor(relay, 1), std::vector<std::string>{"wel@zorg.nl"});
  }
  std::lock_guard lock(mutex);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].find("not sent after 2 attempts"), std::string::npos);
}

}  // namespace
}  // namespace aantafel::app
