#include <catch2/catch.hpp>

#include "extract/document.h"
#include "extract/ner/date_expression.h"
#include "tests/extract/ner_test_util.h"

using namespace kg::extract;
using kg::testing::Words;

namespace {

// "text of the expression=date" for each expression found.
std::vector<std::string> Dates(const std::string& text, const std::string& article_date) {
  const std::vector<Token> tokens = Words(text);
  std::vector<std::string> out;
  for (const DateExpression& d : FindDateExpressions(tokens, article_date)) {
    std::string words;
    for (int i = d.begin; i < d.end; ++i) words += (i > d.begin ? " " : "") + tokens[i].text;
    out.push_back(words + "=" + d.date);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("DateExpression: dates the text gives in full", "[extract][ner]") {
  CHECK(Dates("talks on June 4 , 2025 ended", "") == V{"June 4 , 2025=2025-06-04"});
  CHECK(Dates("on 4 June 2025 they met", "") == V{"4 June 2025=2025-06-04"});
  CHECK(Dates("since March 2019 the union", "") == V{"March 2019=2019-03"});
  CHECK(Dates("signed on Sept. 21st , 1999 .", "") == V{"Sept. 21st , 1999=1999-09-21"});
  CHECK(Dates("the treaty of 1991 expired", "") == V{"1991=1991"});
  SECTION("impossible days are no dates") { CHECK(Dates("on February 30 , 2025 .", "").empty()); }
}

TEST_CASE("DateExpression: dates resolved against the article date", "[extract][ner]") {
  const std::string sunday = "2025-06-08";  // a Sunday
  SECTION("weekdays: the most recent such day on or before the article date") {
    CHECK(Dates("they spoke on Tuesday", sunday) == V{"Tuesday=2025-06-03"});
    CHECK(Dates("on Sunday it rained", sunday) == V{"Sunday=2025-06-08"});
    CHECK(Dates("Friday 's vote", "2025-03-14") == V{"Friday=2025-03-14"});
    CHECK(Dates("last Sunday", sunday) == V{"last Sunday=2025-06-01"});
    CHECK(Dates("next Tuesday", sunday) == V{"next Tuesday=2025-06-10"});
    CHECK(Dates("on Wednesday", "2025-01-02") == V{"Wednesday=2025-01-01"});
    CHECK(Dates("on Monday", "2025-01-02") == V{"Monday=2024-12-30"});
  }
  SECTION("relative words") {
    CHECK(Dates("yesterday the minister", sunday) == V{"yesterday=2025-06-07"});
    CHECK(Dates("Today markets fell", sunday) == V{"Today=2025-06-08"});
    CHECK(Dates("since last month", "2025-01-15") == V{"last month=2024-12"});
    CHECK(Dates("three days ago", sunday) == V{"three days ago=2025-06-05"});
    CHECK(Dates("last week", sunday) == V{"last week="});
    CHECK(Dates("next year", sunday) == V{"next year=2026"});
  }
  SECTION("day and month without a year: the nearest such day") {
    CHECK(Dates("on June 4 they met", sunday) == V{"June 4=2025-06-04"});
    CHECK(Dates("on December 30", "2025-01-03") == V{"December 30=2024-12-30"});
    CHECK(Dates("in January", "2024-12-20") == V{"January=2025-01"});
  }
  SECTION("without an article date, relative dates have no value") {
    CHECK(Dates("on Tuesday", "") == V{"Tuesday="});
    CHECK(Dates("yesterday", "not a date") == V{"yesterday="});
  }
}

TEST_CASE("DateExpression: words that only look like dates", "[extract][ner]") {
  CHECK(Dates("she may attend", "2025-06-08").empty());
  CHECK(Dates("troops march on", "2025-06-08").empty());
  CHECK(Dates("in 12 cities", "2025-06-08").empty());
  CHECK(Dates("May could be late", "2025-06-08").empty());
}

TEST_CASE("CivilDay: calendar arithmetic", "[extract][ner]") {
  const auto d = CivilDay::Parse("2024-02-29");
  REQUIRE(d);
  CHECK(CivilDay::FromDays(d->ToDays() + 1).ToString() == "2024-03-01");
  CHECK(CivilDay{1970, 1, 1}.ToDays() == 0);
  CHECK(CivilDay{2025, 6, 8}.Weekday() == 6);  // Sunday
  CHECK_FALSE(CivilDay::Parse("2025-02-29"));
  CHECK_FALSE(CivilDay::Parse("2025-6-8"));
  CHECK(CivilDay::FromDays(CivilDay{1999, 12, 31}.ToDays()).ToString() == "1999-12-31");
}
