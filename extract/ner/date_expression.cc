#include "extract/ner/date_expression.h"

#include <cstdio>
#include <cstdlib>

#include "base/text.h"
#include "extract/document.h"

namespace kg::extract {

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string Lower(std::string_view s) {
  std::string out = base::AsciiLower(s);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool Capitalised(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

// 1..12 for a month name or abbreviation, else 0. "May" and "March" need capitals.
int MonthOf(const Token& t, const std::string& w) {
  static const char* const kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
  static const char* const kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3 || w.size() > 9) return 0;
  for (int m = 0; m < 12; ++m) {
    if (w[0] != kNames[m][0]) continue;  // cheap: most words are rejected here
    if (w == kNames[m]) return (m == 2 || m == 4) && !Capitalised(t.text) ? 0 : m + 1;
    if (w == kShort[m] || (m == 8 && w == "sept")) return Capitalised(t.text) ? m + 1 : 0;
  }
  return 0;
}

// 0 (Monday) .. 6 for a weekday name, else -1.
int WeekdayOf(const std::string& w) {
  static const char* const kNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (w.size() < 6 || w.back() != 'y') return -1;
  for (int d = 0; d < 7; ++d) {
    if (w == kNames[d]) return d;
  }
  return -1;
}

// A day of the month: "4", "04", "4th", "21st".
int DayOf(const Token& t) {
  const std::string& s = t.text;
  size_t i = 0;
  int v = 0;
  while (i < s.size() && i < 2 && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (i == 0) return 0;
  const std::string rest = base::AsciiLower(s.substr(i));
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  return v >= 1 && v <= 31 ? v : 0;
}

// A four-digit year 1000..2999.
int YearOf(const Token& t) {
  const std::string& s = t.text;
  if (s.size() != 4) return 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
  }
  const int y = std::atoi(s.c_str());
  return y >= 1000 && y <= 2999 ? y : 0;
}

int NumberWord(const std::string& w) {
  static const char* const kWords[] = {"zero", "one", "two",   "three", "four", "five",  "six",
                                       "seven", "eight", "nine", "ten",  "eleven", "twelve"};
  for (int i = 0; i <= 12; ++i) {
    if (w == kWords[i]) return i;
  }
  if (w == "a" || w == "an") return 1;
  if (!w.empty() && w.size() <= 3 && w.find_first_not_of("0123456789") == std::string::npos) return std::atoi(w.c_str());
  return -1;
}

std::string YearMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}

// The year putting month/day nearest to the anchor (within half a year).
int NearestYear(const CivilDay& anchor, int month, int day) {
  int best = anchor.year;
  int64_t best_gap = -1;
  for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
    if (day > DaysInMonth(y, month)) continue;
    const int64_t gap = std::llabs(CivilDay{y, month, day}.ToDays() - anchor.ToDays());
    if (best_gap < 0 || gap < best_gap) {
      best_gap = gap;
      best = y;
    }
  }
  return best;
}

}  // namespace

std::optional<CivilDay> CivilDay::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
  }
  CivilDay d{std::atoi(std::string(iso.substr(0, 4)).c_str()), std::atoi(std::string(iso.substr(5, 2)).c_str()),
             std::atoi(std::string(iso.substr(8, 2)).c_str())};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

int64_t CivilDay::ToDays() const {
  // Howard Hinnant's days_from_civil.
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilDay::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDay{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

int CivilDay::Weekday() const {
  // 1970-01-01 was a Thursday (3).
  const int64_t w = (ToDays() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string CivilDay::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::vector<DateExpression> FindDateExpressions(const std::vector<Token>& tokens, std::string_view article_date) {
  std::vector<DateExpression> out;
  const std::optional<CivilDay> anchor = CivilDay::Parse(article_date);
  const int n = static_cast<int>(tokens.size());
  std::vector<std::string> lower(n);
  for (int i = 0; i < n; ++i) lower[i] = Lower(tokens[i].text);
  static const std::string kNone;
  auto word = [&](int i) -> const std::string& { return i >= 0 && i < n ? lower[i] : kNone; };
  auto day_string = [](int y, int m, int d) { return CivilDay{y, m, d}.ToString(); };
  auto shifted = [&](int64_t days) { return anchor ? CivilDay::FromDays(anchor->ToDays() + days).ToString() : ""; };

  for (int i = 0; i < n;) {
    DateExpression e{i, i, ""};
    const std::string& w = word(i);
    // Cheap test first: dates start with a letter or digit word we know.
    const int month = MonthOf(tokens[i], w);
    if (month) {
      // Month [day][,] [year] | Month year | Month alone after a time preposition.
      int j = i + 1;
      int day = 0, year = 0;
      if (j < n && (day = DayOf(tokens[j]))) ++j;
      if (day && j < n && tokens[j].text == ",") {
        if (j + 1 < n && YearOf(tokens[j + 1])) ++j;
      }
      if (j < n && (year = YearOf(tokens[j]))) ++j;
      const bool impossible = day > 0 && day > DaysInMonth(year ? year : 2000, month);
      const std::string& prev = word(i - 1);
      const bool time_prep = prev == "in" || prev == "since" || prev == "until" || prev == "by" || prev == "last" ||
                             prev == "next" || prev == "early" || prev == "late" || prev == "mid" || prev == "this" ||
                             prev == "of" || prev == "from" || prev == "through" || prev == "before" ||
                             prev == "after" || prev == "during";
      if (!impossible && (day || year || (time_prep && Capitalised(tokens[i].text)))) {
        e.end = j;
        if (day && year) {
          e.date = day_string(year, month, day);
        } else if (day && anchor) {
          e.date = day_string(NearestYear(*anchor, month, day), month, day);
        } else if (year) {
          e.date = YearMonth(year, month);
        } else if (anchor) {
          int y = anchor->year;
          if (prev == "last") {
            y = month < anchor->month ? anchor->year : anchor->year - 1;
          } else if (prev == "next") {
            y = month > anchor->month ? anchor->year : anchor->year + 1;
          } else {
            y = NearestYear(*anchor, month, 1);
          }
          e.date = YearMonth(y, month);
        }
      }
    } else if (const int day = DayOf(tokens[i]); day && i + 1 < n) {
      // Day [of] Month [year]: "4 June 2025", "4th of June".
      int j = i + 1;
      if (word(j) == "of") ++j;
      const int m = j < n ? MonthOf(tokens[j], lower[j]) : 0;
      if (m && day <= DaysInMonth(2000, m)) {
        ++j;
        int year = 0;
        if (j < n && (year = YearOf(tokens[j]))) ++j;
        if (!year || day <= DaysInMonth(year, m)) {
          e.end = j;
          if (year) {
            e.date = day_string(year, m, day);
          } else if (anchor) {
            e.date = day_string(NearestYear(*anchor, m, day), m, day);
          }
        }
      }
    } else if (const int weekday = WeekdayOf(w); weekday >= 0 && Capitalised(tokens[i].text)) {
      e.end = i + 1;
      const std::string& prev = word(i - 1);
      if (prev == "last" || prev == "next") e.begin = i - 1;
      if (anchor) {
        int delta = weekday - anchor->Weekday();  // days from the anchor to that weekday this week
        if (prev == "next") {
          if (delta <= 0) delta += 7;
        } else if (prev == "last") {
          if (delta >= 0) delta -= 7;
        } else if (delta > 0) {
          delta -= 7;
        }
        e.date = shifted(delta);
      }
      // "Tuesday, June 3": the explicit date wins, as one expression.
      if (i + 2 < n && tokens[i + 1].text == "," && MonthOf(tokens[i + 2], lower[i + 2])) {
        e.end = e.begin;  // let the month branch take it on the next position
        i += 2;
        continue;
      }
    } else if (w == "today" || w == "yesterday" || w == "tomorrow" || w == "tonight") {
      e.end = i + 1;
      e.date = shifted(w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0);
    } else if ((w == "last" || w == "this" || w == "next" || w == "past") && i + 1 < n) {
      const std::string& unit = word(i + 1);
      const int sign = w == "last" || w == "past" ? -1 : w == "next" ? 1 : 0;
      if (unit == "week" || unit == "weekend") {
        e.end = i + 2;
      } else if (unit == "month" && w != "past") {
        e.end = i + 2;
        if (anchor) {
          int y = anchor->year, m = anchor->month + sign;
          if (m < 1) m = 12, --y;
          if (m > 12) m = 1, ++y;
          e.date = YearMonth(y, m);
        }
      } else if (unit == "year" && w != "past") {
        e.end = i + 2;
        if (anchor) e.date = std::to_string(anchor->year + sign);
      }
    } else if (YearOf(tokens[i])) {
      // A bare year after a time preposition: "in 2024", "since 1991".
      const std::string& prev = word(i - 1);
      if (prev == "in" || prev == "since" || prev == "until" || prev == "by" || prev == "from" || prev == "during" ||
          prev == "before" || prev == "after" || prev == "of" || prev == "early" || prev == "late" ||
          prev == "mid") {
        e.end = i + 1;
        e.date = tokens[i].text;
      }
    } else if (i + 2 < n && word(i + 2) == "ago") {
      // "three days ago", "a week ago".
      const int count = NumberWord(w);
      const std::string& unit = word(i + 1);
      int per = 0;
      if (unit == "day" || unit == "days") per = 1;
      if (unit == "week" || unit == "weeks") per = 7;
      if (count >= 0 && per) {
        e.end = i + 3;
        e.date = shifted(-static_cast<int64_t>(count) * per);
      }
    }
    if (e.end > e.begin) {
      if (!out.empty() && e.begin < out.back().end) e.begin = out.back().end;
      out.push_back(e);
      i = e.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace kg::extract
