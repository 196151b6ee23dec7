#pragma once
// Date expressions in a sentence, with the date normalised when the text gives one:
// "June 4, 2025" -> 2025-06-04, "4 June" -> the nearest such day to the article date,
// "June 2025" -> 2025-06, "in 2024" -> 2024, "on Tuesday" -> the most recent Tuesday on
// or before the article date ("next Tuesday": the first after), "yesterday", "today",
// "last month", "three days ago". Relative expressions without an article date, and
// ones without a day or month ("last week"), are found with an empty date.
// Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

struct Token;

struct DateExpression {
  int begin = 0, end = 0;  // token span [begin, end)
  std::string date;        // "YYYY-MM-DD", "YYYY-MM", "YYYY", or "" when not resolvable
};

// A calendar day.
struct CivilDay {
  int year = 0, month = 0, day = 0;
  // "YYYY-MM-DD" -> the day, or nullopt when malformed or not a real date.
  static std::optional<CivilDay> Parse(std::string_view iso);
  // Days since 1970-01-01 and back (proleptic Gregorian).
  int64_t ToDays() const;
  static CivilDay FromDays(int64_t days);
  // 0 = Monday .. 6 = Sunday.
  int Weekday() const;
  std::string ToString() const;  // "YYYY-MM-DD"
};

// Date expressions of one sentence, left to right, not overlapping. `article_date` is
// "YYYY-MM-DD" or empty.
std::vector<DateExpression> FindDateExpressions(const std::vector<Token>& tokens, std::string_view article_date);

}  // namespace kg::extract
