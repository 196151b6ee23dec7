#include "tests/e2e/expected_graph.h"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/test_util.h"

namespace kg::testing {

std::string NormName(const std::string& name) {
  std::string s;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        static_cast<unsigned char>(name[i + 2]) == 0x99) {
      s += '\'';  // right single quote
      i += 2;
      continue;
    }
    if (c == '.') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == ' ';
    s += keep ? static_cast<char>(c) : ' ';
  }
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

bool PredicateMatches(const std::string& predicate, const std::vector<std::string>& allowed) {
  std::string p;
  for (char c : predicate) p += (c == '-') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : p) {
    if (c >= 'a' && c <= 'z') {
      cur += c;
    } else if (!cur.empty()) {
      tokens.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  for (std::string a : allowed) {
    for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((a.find(' ') != std::string::npos || a.find('_') != std::string::npos) && p.find(a) != std::string::npos) {
      return true;
    }
    for (const std::string& t : tokens) {
      if (t == a || (a.size() >= 4 && t.rfind(a, 0) == 0) ||
          (t.size() >= 4 && a.rfind(t, 0) == 0 && t.size() + 2 >= a.size())) {
        return true;
      }
    }
  }
  return false;
}

namespace {

struct Expected {
  std::string subject, object, grade;
  bool symmetric = false;
  std::vector<std::string> predicates;
  std::string polarity, modality, event_date, attributed_to;
};

std::string Describe(const Expected& e) { return e.grade + ": " + e.subject + " -" + e.predicates[0] + "-> " + e.object; }

}  // namespace

ExpectedGraphReport CompareWithExpected(const std::string& expected_path, const proto::Graph& graph) {
  const std::string text = ReadFile(expected_path);
  const nlohmann::json gold = nlohmann::json::parse(text, nullptr, false);
  REQUIRE_FALSE(gold.is_discarded());
  ExpectedGraphReport report;

  std::map<std::string, std::string> alias_to_key, gold_type;
  for (const auto& e : gold["entities"]) {
    gold_type[e["key"]] = e["type"];
    for (const auto& n : e["names"]) alias_to_key.emplace(NormName(n.get<std::string>()), e["key"].get<std::string>());
  }
  std::map<std::string, std::string> entity_key;  // produced entity id -> gold key ("" none)
  std::map<std::string, std::vector<std::string>> typed_found;
  for (const auto& e : graph.entities()) {
    std::string key;
    std::vector<std::string> names = {e.name()};
    names.insert(names.end(), e.aliases().begin(), e.aliases().end());
    for (const auto& n : names) {
      auto it = alias_to_key.find(NormName(n));
      if (it != alias_to_key.end()) {
        key = it->second;
        break;
      }
    }
    entity_key[e.id()] = key;
    if (!key.empty()) typed_found[key].push_back(proto::EntityType_Name(e.type()));
    if (gold.contains("not_entities") && e.type() != proto::CONCEPT && e.type() != proto::DATE) {
      for (const auto& bad : gold["not_entities"]) {
        for (const auto& n : names) {
          if (NormName(n) == NormName(bad.get<std::string>())) report.junk.push_back(e.name());
        }
      }
    }
  }
  for (const auto& e : gold["entities"]) {
    const std::string key = e["key"], grade = e["grade"];
    GradeCount* count = grade == "must" ? &report.entities_must : grade == "should" ? &report.entities_should : nullptr;
    if (!count) continue;
    ++count->total;
    const auto& types = typed_found[key];
    if (std::find(types.begin(), types.end(), gold_type[key]) != types.end()) {
      ++count->found;
    } else {
      report.missed.push_back(grade + " entity: " + key + " (" + gold_type[key] + ")" +
                              (types.empty() ? " not found" : " found as " + types[0]));
    }
  }

  std::vector<Expected> expected;
  for (const auto& r : gold["relations"]) {
    Expected x;
    x.subject = r["subject"];
    x.object = r["object"];
    x.grade = r["grade"];
    x.symmetric = r.value("symmetric", false);
    for (const auto& p : r["predicates"]) x.predicates.push_back(p);
    x.polarity = r.value("polarity", "");
    x.modality = r.value("modality", "");
    x.event_date = r.value("event_date", "");
    x.attributed_to = r.value("attributed_to", "");
    expected.push_back(x);
  }
  auto ends_match = [&](const Expected& x, const proto::Relation& r) {
    const std::string s = entity_key[r.subject()], o = entity_key[r.object()];
    if (s == x.subject && o == x.object) return true;
    return x.symmetric && s == x.object && o == x.subject;
  };
  // Why a relation with the right ends and predicate still does not match, or "".
  auto attribute_mismatch = [&](const Expected& x, const proto::Relation& r) -> std::string {
    if (!x.polarity.empty() && proto::Polarity_Name(r.polarity()) != x.polarity) {
      return "polarity " + proto::Polarity_Name(r.polarity());
    }
    if (!x.modality.empty() && proto::Modality_Name(r.modality()) != x.modality) {
      return "modality " + proto::Modality_Name(r.modality());
    }
    if (!x.event_date.empty() && r.event_date() != x.event_date) return "event_date '" + r.event_date() + "'";
    if (!x.attributed_to.empty() && entity_key[r.attributed_to()] != x.attributed_to) {
      return "attributed_to '" + r.attributed_to() + "'";
    }
    return "";
  };
  for (const Expected& x : expected) {
    GradeCount* count = x.grade == "must" ? &report.relations_must
                        : x.grade == "should" ? &report.relations_should
                                              : &report.relations_may;
    ++count->total;
    std::string why = " not found";
    bool hit = false;
    for (const auto& r : graph.relations()) {
      if (!ends_match(x, r) || !PredicateMatches(r.predicate(), x.predicates)) continue;
      const std::string mismatch = attribute_mismatch(x, r);
      if (mismatch.empty()) {
        hit = true;
        break;
      }
      why = " found with " + mismatch;
    }
    if (hit) {
      ++count->found;
    } else if (x.grade != "may") {
      report.missed.push_back(Describe(x) + why);
    }
  }
  for (const auto& r : graph.relations()) {
    const std::string s = entity_key[r.subject()], o = entity_key[r.object()];
    if (s.empty() || o.empty() || s == o) continue;
    ++report.precision_total;
    bool ok = false;
    for (const Expected& x : expected) {
      if (ends_match(x, r) && PredicateMatches(r.predicate(), x.predicates)) ok = true;
    }
    if (ok) {
      ++report.precision_correct;
    } else {
      report.wrong.push_back(s + " -" + r.predicate() + "-> " + o);
    }
  }
  return report;
}

}  // namespace kg::testing
