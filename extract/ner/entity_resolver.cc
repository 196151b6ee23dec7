#include "extract/ner/entity_resolver.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <numeric>
#include <unordered_set>
#include <unordered_map>

#include "base/text.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/title_lexicon.h"

namespace kg::extract {

namespace {

// Union-find over candidate indexes.
class Groups {
 public:
  explicit Groups(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Joins the groups; the one with the earlier first member becomes the root.
  void Join(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<int> parent_;
};

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < folded.size()) {
    size_t space = folded.find(' ', start);
    if (space == std::string::npos) space = folded.size();
    if (space > start) out.push_back(folded.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

// A person's name words without middle initials: "donald j trump" -> {donald, trump}.
std::vector<std::string> NameWords(const std::string& text) {
  std::vector<std::string> words = Words(base::FoldName(text));
  if (words.size() > 2) {
    std::vector<std::string> kept;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && i + 1 < words.size() && words[i].size() == 1) continue;
      kept.push_back(words[i]);
    }
    words = std::move(kept);
  }
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Letters of an acronym-looking name ("UDCG"), or "" when it is not one.
std::string AcronymLetters(const std::string& text) {
  std::string letters;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return "";
    if (c >= 'A' && c <= 'Z') letters += c;
  }
  return letters.size() >= 2 ? letters : "";
}

// Initials of the capitalised words of a name: "Ukraine Defence Contact Group" -> "UDCG".
std::string Initials(const std::string& text) {
  std::string out;
  bool start = true;
  for (char c : text) {
    if (c == ' ' || c == '-') {
      start = true;
      continue;
    }
    if (start && c >= 'A' && c <= 'Z') out += c;
    start = false;
  }
  return out;
}

}  // namespace

ArticleEntities EntityResolver::Resolve(const std::vector<CandidateMention>& cands) const {
  const int n = static_cast<int>(cands.size());
  Groups groups(cands.size());
  // The gazetteer entry each candidate stands for (a demonym's country, a capital actor's country).
  std::vector<int> target(n, -1);
  std::vector<EntityKind> kind(n);
  for (int i = 0; i < n; ++i) {
    const CandidateMention& c = cands[i];
    kind[i] = c.kind;
    if (c.entry < 0 && c.kind != EntityKind::kPerson && c.kind != EntityKind::kDate) {
      // A name the tagger found that the gazetteer lists ("US" in a heading).
      const Gazetteer::Lookup look = gazetteer_.LookupName(c.text);
      if (look.entry >= 0 && !look.ambiguous && gazetteer_.entry(look.entry).cls != GazetteerClass::kDemonym) {
        target[i] = look.entry;
        kind[i] = KindOfClass(gazetteer_.entry(look.entry).cls);
      }
    }
    if (c.entry < 0) continue;
    const GazetteerEntry& e = gazetteer_.entry(c.entry);
    target[i] = c.entry;
    if (e.cls == GazetteerClass::kDemonym && e.link >= 0) target[i] = e.link;
    if (c.actor && e.link >= 0) target[i] = e.link;
  }

  // Listed names and dates join by entry / date.
  std::unordered_map<std::string, int> first_with_key;
  auto join_key = [&](int i, const std::string& key) {
    auto [it, inserted] = first_with_key.emplace(key, i);
    if (!inserted) groups.Join(it->second, i);
  };
  for (int i = 0; i < n; ++i) {
    if (target[i] >= 0) join_key(i, "gaz:" + std::to_string(target[i]));
    if (cands[i].kind == EntityKind::kDate) {
      join_key(i, "date:" + (cands[i].date.empty() ? base::FoldName(cands[i].text) : cands[i].date));
    }
  }

  // Persons: full names by their words; surnames and first names to the full name.
  std::vector<std::vector<std::string>> words(n);
  std::map<std::string, std::vector<int>> by_last, by_first;  // word -> multi-word person candidates
  for (int i = 0; i < n; ++i) {
    if (cands[i].kind != EntityKind::kPerson || target[i] >= 0) continue;
    words[i] = NameWords(cands[i].text);
    if (words[i].size() >= 2) {
      join_key(i, "person:" + Join(words[i]));
      by_last[words[i].back()].push_back(i);
      by_first[words[i].front()].push_back(i);
    }
  }
  // One-word names: +1 for each time the word is a person's surname or tagged a person
  // alone, -1 for each time it is tagged something else; only a non-negative total lets
  // the word join a person ("Enron" tagged ORG ten times stays an organisation).
  // First words of multi-word organisation names (-1 when two organisations share one).
  std::map<std::string, int> org_by_first;
  for (int i = 0; i < n; ++i) {
    if (target[i] >= 0 || cands[i].kind != EntityKind::kOrg) continue;
    const std::vector<std::string> w = Words(base::FoldName(cands[i].text));
    if (w.size() < 2) continue;
    auto [it, inserted] = org_by_first.emplace(w[0], i);
    if (!inserted && it->second >= 0 && base::FoldName(cands[it->second].text) != base::FoldName(cands[i].text)) {
      it->second = -1;
    }
  }
  std::map<std::string, int> person_votes;
  for (const auto& [word, list] : by_last) person_votes[word] += static_cast<int>(list.size());
  for (int i = 0; i < n; ++i) {
    if (target[i] >= 0 || cands[i].kind == EntityKind::kDate) continue;
    const std::vector<std::string> w = cands[i].kind == EntityKind::kPerson ? words[i] : NameWords(cands[i].text);
    if (w.size() == 1) person_votes[w[0]] += cands[i].kind == EntityKind::kPerson ? 1 : -1;
  }
  for (int i = 0; i < n; ++i) {
    if (target[i] >= 0 || cands[i].kind == EntityKind::kDate) continue;
    std::vector<std::string> w = cands[i].kind == EntityKind::kPerson ? words[i] : NameWords(cands[i].text);
    if (w.size() != 1) continue;
    // A one-word name of a person named in full elsewhere: the nearest full name before it,
    // else the first after it. The tagger's other types for that word yield to the person.
    auto pick = [&](const std::vector<int>& list) {
      int best = -1;
      for (int j : list) {
        if (j < i) best = j;
      }
      return best >= 0 ? best : list.front();
    };
    if (auto it = by_last.find(w[0]); it != by_last.end() && person_votes[w[0]] >= 0) {
      groups.Join(i, pick(it->second));
      kind[i] = EntityKind::kPerson;
    } else if (auto it2 = by_first.find(w[0]); it2 != by_first.end() && cands[i].kind == EntityKind::kPerson) {
      groups.Join(i, pick(it2->second));
    } else if (auto it3 = org_by_first.find(w[0]); it3 != org_by_first.end() && it3->second >= 0) {
      // "Marenco" after "Marenco Shipping Lines": the one organisation starting so.
      groups.Join(i, it3->second);
      kind[i] = EntityKind::kOrg;
    } else {
      join_key(i, "name:" + w[0]);
    }
  }
  // Other names by spelling; acronyms to their expansion.
  for (int i = 0; i < n; ++i) {
    if (target[i] >= 0 || cands[i].kind == EntityKind::kDate) continue;
    if (cands[i].kind != EntityKind::kPerson || words[i].empty()) join_key(i, "name:" + base::FoldName(cands[i].text));
    if (cands[i].expansion_byte >= 0) {
      for (int j = 0; j < n; ++j) {
        if (cands[j].sentence == cands[i].sentence && cands[j].byte_begin == cands[i].expansion_byte) {
          groups.Join(i, j);
        }
      }
    }
  }
  std::unordered_map<std::string, int> by_initials;
  for (int i = 0; i < n; ++i) {
    if (target[i] < 0 && cands[i].kind == EntityKind::kOrg && Words(base::FoldName(cands[i].text)).size() >= 2) {
      by_initials.emplace(Initials(cands[i].text), i);
    }
  }
  for (int i = 0; i < n; ++i) {
    if (cands[i].kind != EntityKind::kOrg && cands[i].kind != EntityKind::kGpe) continue;
    const std::string letters = AcronymLetters(cands[i].text);
    if (letters.empty()) continue;
    if (auto it = by_initials.find(letters); it != by_initials.end()) groups.Join(i, it->second);
  }

  // Entities in order of first mention.
  ArticleEntities out;
  std::vector<int> entity_of_root(n, -1);
  std::vector<std::vector<int>> members;
  for (int i = 0; i < n; ++i) {
    const int root = groups.Find(i);
    if (entity_of_root[root] < 0) {
      entity_of_root[root] = static_cast<int>(members.size());
      members.emplace_back();
    }
    members[entity_of_root[root]].push_back(i);
  }
  std::map<int, int> entity_of_entry;  // gazetteer entry -> entity
  for (const std::vector<int>& group : members) {
    EntityInfo info;
    int entry = -1;
    for (int i : group) {
      if (target[i] >= 0) entry = target[i];
    }
    if (entry >= 0) {
      const GazetteerEntry& e = gazetteer_.entry(entry);
      info.canonical = e.name;
      info.subtype = e.kind;
      info.known = true;
      info.type = KindOfClass(e.cls);
      entity_of_entry.emplace(entry, static_cast<int>(out.entities.size()));
    } else {
      // Majority type (ties: the first mention's); the most complete name.
      // The most complete names' types count; one-word mentions only when there is no other.
      std::map<EntityKind, int> votes;
      bool multiword = false;
      for (int i : group) multiword = multiword || Words(base::FoldName(cands[i].text)).size() >= 2;
      for (int i : group) {
        if (!multiword || Words(base::FoldName(cands[i].text)).size() >= 2) ++votes[kind[i]];
      }
      info.type = votes.begin()->first;
      for (int i : group) {
        if (votes.count(kind[i])) {
          info.type = kind[i];
          break;
        }
      }
      for (const auto& [k, v] : votes) {
        if (v > votes[info.type]) info.type = k;
      }
      std::map<std::string, int> freq;
      for (int i : group) ++freq[cands[i].text];
      std::string best;
      size_t best_words = 0;
      for (int i : group) {
        const std::string& text = cands[i].text;
        const size_t w = info.type == EntityKind::kPerson ? NameWords(text).size() : Words(base::FoldName(text)).size();
        const bool acronym = !AcronymLetters(text).empty() && w == 1;
        const size_t score = acronym ? 0 : w;  // an expansion beats its acronym
        if (best.empty() || score > best_words || (score == best_words && freq[text] > freq[best])) {
          best = text;
          best_words = score;
        }
      }
      info.canonical = best;
      if (info.type == EntityKind::kDate) {
        for (int i : group) {
          if (!cands[i].date.empty()) info.date = cands[i].date;
        }
        if (!info.date.empty()) info.canonical = info.date;
      }
    }
    const std::string canonical_key = base::FoldName(info.canonical);
    for (int i : group) {
      const CandidateMention& c = cands[i];
      const bool demonym = c.entry >= 0 && gazetteer_.entry(c.entry).cls == GazetteerClass::kDemonym;
      if (demonym) continue;
      const std::string key = base::FoldName(c.text);
      if (key == canonical_key) continue;
      bool seen = false;
      for (const std::string& a : info.aliases) seen = seen || base::FoldName(a) == key;
      if (!seen) info.aliases.push_back(c.text);
    }
    info.mention_count = static_cast<int>(group.size());
    out.entities.push_back(std::move(info));
  }

  // The entity of a gazetteer entry, added (present only as what others belong to) when
  // the article does not mention it.
  auto entity_of = [&](int entry) {
    auto it = entity_of_entry.find(entry);
    if (it != entity_of_entry.end()) return it->second;
    const GazetteerEntry& e = gazetteer_.entry(entry);
    EntityInfo info;
    info.canonical = e.name;
    info.subtype = e.kind;
    info.known = true;
    info.type = e.cls == GazetteerClass::kCountry ? EntityKind::kGpe : EntityKind::kOrg;
    out.entities.push_back(std::move(info));
    return entity_of_entry.emplace(entry, static_cast<int>(out.entities.size()) - 1).first->second;
  };

  // Links: government bodies and sub-organisations to what they are part of (added when
  // the article does not mention it), places to their country when the article names it.
  for (size_t k = 0; k < members.size(); ++k) {
    int entry = -1;
    for (int i : members[k]) {
      if (target[i] >= 0) entry = target[i];
    }
    if (entry < 0) continue;
    const GazetteerEntry& e = gazetteer_.entry(entry);
    if (e.link < 0) continue;
    // A company's or university's home country is where it is based, not what it is part
    // of: linked only when the article names the country, like a city.
    const bool based_in = e.cls == GazetteerClass::kOrganization &&
                          gazetteer_.entry(e.link).cls == GazetteerClass::kCountry;
    if (based_in) {
      if (auto it = entity_of_entry.find(e.link); it != entity_of_entry.end()) {
        out.entities[k].linked_to = it->second;
        out.entities[k].link_predicate = "located_in";
      }
    } else if (e.cls == GazetteerClass::kGovernmentBody || e.cls == GazetteerClass::kOrganization) {
      const int parent = entity_of(e.link);
      out.entities[k].linked_to = parent;
      out.entities[k].link_predicate = "part_of";
    } else if (e.cls == GazetteerClass::kCity || e.cls == GazetteerClass::kRegion) {
      if (auto it = entity_of_entry.find(e.link); it != entity_of_entry.end()) {
        out.entities[k].linked_to = it->second;
        out.entities[k].link_predicate = "located_in";
      }
    }
  }

  std::vector<int> entity_of_candidate(n);
  for (int i = 0; i < n; ++i) entity_of_candidate[i] = entity_of_root[groups.Find(i)];
  const int home = HomeCountry(cands, target);
  if (auto it = entity_of_entry.find(home); it != entity_of_entry.end()) out.home_country = it->second;
  QualifyGenericNames(cands, target, entity_of_candidate, home < 0 ? std::function<int()>() : [&] { return entity_of(home); },
                      &out);

  // Mentions.
  std::unordered_map<int64_t, int> by_position;  // (sentence, byte_begin) -> candidate
  for (int i = 0; i < n; ++i) by_position.emplace((int64_t(cands[i].sentence) << 32) | cands[i].byte_begin, i);
  for (int i = 0; i < n; ++i) {
    const CandidateMention& c = cands[i];
    Mention m;
    m.sentence = c.sentence;
    m.begin = c.begin;
    m.end = c.end;
    m.byte_begin = c.byte_begin;
    m.byte_end = c.byte_end;
    m.text = c.text;
    m.entity = entity_of_root[groups.Find(i)];
    m.type = c.actor ? EntityKind::kGpe : kind[i];
    m.from_demonym = c.entry >= 0 && gazetteer_.entry(c.entry).cls == GazetteerClass::kDemonym;
    if (m.from_demonym) m.type = EntityKind::kNorp;
    if (!m.from_demonym && m.type != out.entities[m.entity].type && out.entities[m.entity].type != EntityKind::kNorp) {
      m.type = out.entities[m.entity].type;
    }
    m.as_actor = c.actor;
    m.in_heading = c.heading;
    if (c.role.begin >= 0) {
      m.role = c.role.role;
      m.role_predicate = c.role.predicate;
    }
    if (c.affiliation_byte >= 0) {
      auto it = by_position.find((int64_t(c.sentence) << 32) | static_cast<uint32_t>(c.affiliation_byte));
      if (it != by_position.end()) {
        const int e = entity_of_root[groups.Find(it->second)];
        if (out.entities[e].type != EntityKind::kPerson && out.entities[e].type != EntityKind::kDate) m.role_of = e;
      }
    }
    out.mentions.push_back(std::move(m));
  }
  return out;
}

bool EntityResolver::IsGenericName(const std::string& name) const {
  // Adjectives that many countries' institutions share: "High Court", "National Assembly".
  static const std::unordered_set<std::string> kShared = {
      "of",       "the",     "for",   "and",     "high",     "supreme",    "constitutional", "national",
      "central",  "appeal",  "appeals", "district", "electoral", "upper",   "lower",          "provincial",
      "municipal", "state",  "federal"};
  // Keywords of executive departments, which take a portfolio: "Interior Ministry",
  // "Ministry of Health", "Home Office".
  static const std::unordered_set<std::string> kDepartments = {"ministry", "department", "office", "secretariat"};
  const std::vector<std::string> words = Words(base::FoldName(name));
  bool keyword = false, department = false;
  for (const std::string& w : words) department = department || kDepartments.count(w) > 0;
  for (const std::string& w : words) {
    const bool is_keyword = gazetteer_.Keyword(w) == NameKeyword::kOrg || IsInstitutionWord(w);
    keyword = keyword || is_keyword;
    if (!is_keyword && !kShared.count(w) && !(department && titles_.IsTitlePart(w))) return false;
  }
  return keyword;
}

int EntityResolver::HomeCountry(const std::vector<CandidateMention>& cands, const std::vector<int>& target) const {
  const int n = static_cast<int>(cands.size());
  // The article's home country, where wire stories leave "the Interior Ministry"
  // unqualified: the dateline's (when it names one country: not "BEIJING/OTTAWA"), else
  // one its names, demonyms and cities point at at least three times and twice as often
  // as at any other; else none.
  std::map<int, int> votes;  // gazetteer country entry -> votes
  std::set<int> dateline;    // countries of the dateline's places
  for (int i = 0; i < n; ++i) {
    if (target[i] < 0) continue;
    int entry = target[i];
    const GazetteerEntry& e = gazetteer_.entry(entry);
    if ((e.cls == GazetteerClass::kCity || e.cls == GazetteerClass::kRegion) && e.link >= 0) entry = e.link;
    if (gazetteer_.entry(entry).cls != GazetteerClass::kCountry) continue;
    ++votes[entry];
    if (cands[i].dateline) dateline.insert(entry);
  }
  int home = dateline.size() == 1 ? *dateline.begin() : -1;
  if (home < 0) {
    int best = -1, second = 0;
    for (const auto& [entry, count] : votes) {
      if (best < 0 || count > votes[best]) {
        if (best >= 0) second = votes[best];
        best = entry;
      } else {
        second = std::max(second, count);
      }
    }
    if (best >= 0 && votes[best] >= 3 && votes[best] >= 2 * second) home = best;
  }
  return home;
}

void EntityResolver::QualifyGenericNames(const std::vector<CandidateMention>& cands, const std::vector<int>& target,
                                         const std::vector<int>& entity_of_candidate,
                                         const std::function<int()>& home_entity, ArticleEntities* out) const {
  const int n = static_cast<int>(cands.size());
  const size_t count = out->entities.size();
  for (size_t k = 0; k < count; ++k) {
    EntityInfo& info = out->entities[k];
    if (info.known || info.type != EntityKind::kOrg || info.linked_to >= 0 || !IsGenericName(info.canonical)) continue;
    info.generic_name = true;
    // A possessor that is a country: "Kenya's High Court".
    int owner = -1;
    for (int i = 0; i < n && owner < 0; ++i) {
      if (entity_of_candidate[i] != static_cast<int>(k) || cands[i].owner_byte < 0) continue;
      for (int j = 0; j < n; ++j) {
        if (cands[j].sentence == cands[i].sentence && cands[j].byte_begin == cands[i].owner_byte && target[j] >= 0 &&
            gazetteer_.entry(target[j]).cls == GazetteerClass::kCountry) {
          owner = entity_of_candidate[j];
        }
      }
    }
    if (owner < 0 && home_entity) owner = home_entity();
    if (owner < 0) continue;
    EntityInfo& body = out->entities[k];  // home_entity() may have grown the vector
    const std::string plain = body.canonical;
    body.canonical = plain + " (" + out->entities[owner].canonical + ")";
    body.aliases.insert(body.aliases.begin(), plain);
    body.linked_to = owner;
    body.link_predicate = "part_of";
  }
}

}  // namespace kg::extract
