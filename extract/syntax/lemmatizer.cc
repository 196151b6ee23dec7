#include "extract/syntax/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>

#include "base/text.h"

namespace kg::extract {
namespace {

constexpr size_t kMaxSuffix = 6;

std::string Key(std::string_view a, std::string_view b) {
  std::string k(a);
  k += '\t';
  k += b;
  return k;
}

// An all-capitals word of five or more letters.
bool TitleCaseName(std::string_view form) {
  return form.size() >= 5 &&
         std::all_of(form.begin(), form.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsProper(std::string_view xpos, std::string_view upos) {
  return xpos == "NNP" || xpos == "NNPS" || (xpos.empty() && upos == "PROPN");
}

// The most frequent value of a count map (ties: the smallest, for determinism).
template <typename T>
T MostFrequent(const std::map<T, int>& counts) {
  T best{};
  int n = -1;
  for (const auto& [v, c] : counts) {
    if (c > n) {
      n = c;
      best = v;
    }
  }
  return best;
}

template <typename Map>
void WriteMap(ModelWriter& w, const Map& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  w.U32(static_cast<uint32_t>(v.size()));
  for (const auto& [k, val] : v) {
    w.String(k);
    w.String(val);
  }
}

void ReadMap(ModelReader& r, std::unordered_map<std::string, std::string>* m) {
  const uint32_t n = r.Count(1u << 24, "table size");
  for (uint32_t i = 0; i < n && r.status().ok(); ++i) {
    std::string k = r.String();
    (*m)[std::move(k)] = r.String();
  }
}

}  // namespace

std::string Lemmatizer::KnownStem(std::string_view lower, std::string_view xpos) const {
  std::vector<std::string> candidates;
  auto add_stem = [&](std::string_view stem) {
    if (stem.size() < 2) return;
    candidates.emplace_back(stem);
    candidates.push_back(std::string(stem) + "e");
    const size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2]) candidates.emplace_back(stem.substr(0, n - 1));
    if (stem[n - 1] == 'i') candidates.push_back(std::string(stem.substr(0, n - 1)) + "y");
  };
  auto ends = [&](std::string_view suffix) { return lower.ends_with(suffix); };
  if ((xpos == "VBD" || xpos == "VBN") && ends("ed")) {
    add_stem(lower.substr(0, lower.size() - 2));
  } else if (xpos == "VBG" && ends("ing")) {
    add_stem(lower.substr(0, lower.size() - 3));
  } else if ((xpos == "VBZ" || xpos == "NNS") && ends("s")) {
    // In order of preference: the first known one wins (tubes -> tube, not tub).
    if (ends("ies")) candidates.push_back(std::string(lower.substr(0, lower.size() - 3)) + "y");
    const bool es = ends("ches") || ends("shes") || ends("sses") || ends("xes") || ends("zes");
    if (es) candidates.emplace_back(lower.substr(0, lower.size() - 2));
    candidates.emplace_back(lower.substr(0, lower.size() - 1));
    if (!es && ends("es")) candidates.emplace_back(lower.substr(0, lower.size() - 2));
    for (const auto& c : candidates) {
      if (lemma_counts_.count(c)) return c;
    }
    return "";
  } else if ((xpos == "JJR" || xpos == "RBR") && ends("er")) {
    add_stem(lower.substr(0, lower.size() - 2));
  } else if ((xpos == "JJS" || xpos == "RBS") && ends("est")) {
    add_stem(lower.substr(0, lower.size() - 3));
  }
  std::string best;
  uint32_t best_count = 0;
  for (const auto& c : candidates) {
    auto it = lemma_counts_.find(c);
    if (it != lemma_counts_.end() && it->second > best_count) {
      best = c;
      best_count = it->second;
    }
  }
  return best;
}

// English regular morphology for an unseen inflected word with no known lemma among
// its candidates: glorped -> glorp, frazzled -> frazzle, zapping -> zap, tries -> try.
std::string RegularStem(std::string_view lower, std::string_view xpos) {
  auto is_vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  auto verb_stem = [&](std::string_view stem) -> std::string {
    const size_t n = stem.size();
    if (n < 2) return std::string(stem);
    const char last = stem[n - 1], prev = stem[n - 2];
    if (last == prev && !is_vowel(last) && last != 'l' && last != 's' && last != 'f' &&
        last != 'z') {
      return std::string(stem.substr(0, n - 1));  // zapp -> zap
    }
    if (last == 'i') return std::string(stem.substr(0, n - 1)) + "y";  // tri -> try
    const bool e_ending = last == 'v' || (last == 'z' && prev != 'z') || last == 'c' ||
                          (last == 'l' && !is_vowel(prev) && prev != 'l' && prev != 'r') ||
                          (last == 'g' && prev == 'd') || (last == 's' && is_vowel(prev) &&
                          prev != 'u') || (last == 't' && prev == 'a' && n > 3);
    return e_ending ? std::string(stem) + "e" : std::string(stem);
  };
  if ((xpos == "VBD" || xpos == "VBN") && lower.ends_with("ed") && lower.size() > 4) {
    return verb_stem(lower.substr(0, lower.size() - 2));
  }
  if (xpos == "VBG" && lower.ends_with("ing") && lower.size() > 5) {
    return verb_stem(lower.substr(0, lower.size() - 3));
  }
  if ((xpos == "VBZ" || xpos == "NNS") && lower.ends_with("s") && lower.size() > 3 &&
      !lower.ends_with("ss")) {
    if (lower.ends_with("ies")) return std::string(lower.substr(0, lower.size() - 3)) + "y";
    for (std::string_view es : {"ches", "shes", "sses", "xes", "zzes"}) {
      if (lower.ends_with(es)) return std::string(lower.substr(0, lower.size() - 2));
    }
    return std::string(lower.substr(0, lower.size() - 1));
  }
  return "";
}

std::string Lemmatizer::ApplyRules(std::string_view form, std::string_view lower,
                                   std::string_view xpos, bool proper) const {
  for (size_t len = std::min(kMaxSuffix, lower.size()); len >= 1; --len) {
    auto it = suffix_rules_.find(Key(xpos, lower.substr(lower.size() - len)));
    if (it == suffix_rules_.end()) continue;
    const Edit& e = it->second;
    if (e.cut >= lower.size()) break;
    std::string out(proper ? form.substr(0, form.size() - e.cut)
                           : lower.substr(0, lower.size() - e.cut));
    out += e.append;
    return out;
  }
  return std::string(proper ? form : lower);
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  if (auto it = exact_.find(Key(form, xpos)); it != exact_.end()) return it->second;
  if (form.empty()) return "";
  const std::string lower = base::AsciiLower(form);
  const bool proper = IsProper(xpos, upos);
  if (proper && xpos != "NNPS" && TitleCaseName(form)) {
    // A name in capitals (EWT train: 80% of all-caps proper nouns of 5+ letters have a
    // title-case lemma, SMITH -> Smith; shorter ones are mostly acronyms, NATO).
    std::string title(form.substr(0, 1));
    title += base::AsciiLower(form.substr(1));
    return title;
  }
  if (proper && xpos != "NNPS") {
    // A name typed in lower case gets the capital EWT gives proper-noun lemmas
    // (chicago -> Chicago); short or mixed-case forms (al, iPhone) stay as they are.
    const bool all_lower = form.size() >= 3 && std::all_of(form.begin(), form.end(), [](char c) {
      return c >= 'a' && c <= 'z';
    });
    if (!all_lower) return std::string(form);
    std::string cap(form);
    cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
    return cap;
  }
  if (!proper) {
    if (auto it = lower_.find(Key(lower, xpos)); it != lower_.end()) return it->second;
    // Known with other tags only (often a tagging error): its usual lemma, lower-cased.
    if (auto it = any_tag_.find(lower); it != any_tag_.end()) return it->second;
  }
  if (upos == "NUM" || upos == "PUNCT" || upos == "SYM" || xpos == "ADD") {
    return std::string(form);
  }
  if (!proper) {
    if (std::string known = KnownStem(lower, xpos); !known.empty()) return known;
    if (std::string regular = RegularStem(lower, xpos); !regular.empty()) return regular;
  }

  return ApplyRules(form, lower, xpos, proper);
}

std::string Lemmatizer::Feats(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  const std::string tags = Key(upos, xpos);
  if (auto it = feats_.find(Key(base::AsciiLower(form), tags)); it != feats_.end()) {
    return it->second;
  }
  if (auto it = tag_feats_.find(tags); it != tag_feats_.end()) return it->second;
  return "";
}

void Lemmatizer::Lemmatize(Sentence* sentence) const {
  auto& tokens = sentence->tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    t.lemma = Lemma(t.text, t.upos, t.xpos);
    t.feats = Feats(t.text, t.upos, t.xpos);
    // A contracted 's/'d is "have" before a past participle ("it's been", "he'd gone").
    const std::string lower = base::AsciiLower(t.text);
    const bool s_clitic = (lower == "'s" || lower == "\xE2\x80\x99" "s") && t.xpos == "VBZ";
    const bool d_clitic = (lower == "'d" || lower == "\xE2\x80\x99" "d");
    if (s_clitic || d_clitic) {
      size_t k = i + 1;
      while (k < tokens.size() && (tokens[k].xpos == "RB" || tokens[k].upos == "ADV")) ++k;
      if (k < tokens.size() && tokens[k].xpos == "VBN") {
        t.lemma = "have";
      } else if (d_clitic && t.xpos == "MD") {
        t.lemma = "would";
      }
    }
  }
}

std::unique_ptr<Lemmatizer> Lemmatizer::Train(const std::vector<Sentence>& train,
                                              const ModelMetadata& metadata) {
  std::unique_ptr<Lemmatizer> lem(new Lemmatizer());
  lem->metadata_ = metadata;
  std::map<std::string, std::map<std::string, int>> exact, lower, feats, tag_feats;
  for (const auto& s : train) {
    for (const auto& t : s.tokens) {
      if (t.lemma.empty()) continue;
      ++exact[Key(t.text, t.xpos)][t.lemma];
      ++lower[Key(base::AsciiLower(t.text), t.xpos)][t.lemma];
      const std::string f = t.feats == "_" ? "" : t.feats;
      ++feats[Key(base::AsciiLower(t.text), Key(t.upos, t.xpos))][f];
      ++tag_feats[Key(t.upos, t.xpos)][f];
      ++lem->lemma_counts_[base::AsciiLower(t.lemma)];
    }
  }
  // Known words: keep the exact-case entry only where it says more than the lower-case one.
  for (const auto& [k, counts] : lower) lem->lower_[k] = MostFrequent(counts);
  {
    std::map<std::string, std::map<std::string, int>> any;
    for (const auto& [k, counts] : lower) {
      const std::string form = k.substr(0, k.find('\t'));
      for (const auto& [lemma, n] : counts) any[form][base::AsciiLower(lemma)] += n;
    }
    for (const auto& [form, counts] : any) lem->any_tag_[form] = MostFrequent(counts);
  }
  for (const auto& [k, counts] : exact) {
    const std::string lemma = MostFrequent(counts);
    const size_t tab = k.find('\t');
    const std::string form = k.substr(0, tab), xpos = k.substr(tab + 1);
    const bool proper = IsProper(xpos, "");
    if (proper && xpos != "NNPS" && lemma == form && !TitleCaseName(form)) continue;  // default
    auto it = lem->lower_.find(Key(base::AsciiLower(form), xpos));
    if (!proper && it != lem->lower_.end() && it->second == lemma) continue;
    lem->exact_[k] = lemma;
  }
  for (const auto& [k, counts] : feats) {
    const std::string f = MostFrequent(counts);
    const std::string tags = k.substr(k.find('\t') + 1);
    if (f != MostFrequent(tag_feats[tags])) lem->feats_[k] = f;
  }
  for (const auto& [k, counts] : tag_feats) lem->tag_feats_[k] = MostFrequent(counts);

  // Suffix rules from word types (each distinct word once, as unseen words are rare ones).
  std::map<std::string, std::map<std::pair<int, std::string>, int>> rules;
  for (const auto& [k, counts] : lower) {
    const size_t tab = k.find('\t');
    const std::string form = k.substr(0, tab), xpos = k.substr(tab + 1);
    const std::string lemma = base::AsciiLower(MostFrequent(counts));
    size_t cp = 0;
    while (cp < form.size() && cp < lemma.size() && form[cp] == lemma[cp]) ++cp;
    const size_t cut = form.size() - cp;
    if (cut > 8 || cp == 0) continue;
    const std::pair<int, std::string> edit{static_cast<int>(cut), lemma.substr(cp)};
    for (size_t len = 1; len <= std::min(kMaxSuffix, form.size()); ++len) {
      if (len < cut) continue;  // the suffix must cover what is cut
      ++rules[Key(xpos, form.substr(form.size() - len))][edit];
    }
  }
  for (const auto& [k, counts] : rules) {
    int total = 0;
    for (const auto& [e, c] : counts) total += c;
    const auto best = MostFrequent(counts);
    const size_t tab = k.find('\t');
    const std::string suffix = k.substr(tab + 1);
    if (suffix.size() > 1 && (total < 3 || counts.at(best) * 2 < total)) continue;
    // Skip a rule that says what its shorter suffix already says.
    if (suffix.size() > 1) {
      auto parent = rules.find(k.substr(0, tab + 1) + suffix.substr(1));
      if (parent != rules.end() && MostFrequent(parent->second) == best) continue;
    }
    lem->suffix_rules_[k] = Edit{static_cast<uint8_t>(best.first), best.second};
  }
  return lem;
}

base::Status Lemmatizer::Save(std::ostream& out) const {
  ModelWriter w(out);
  w.Header(kFormat, kVersion, metadata_);
  WriteMap(w, exact_);
  WriteMap(w, lower_);
  WriteMap(w, any_tag_);
  WriteMap(w, feats_);
  WriteMap(w, tag_feats_);
  std::vector<std::pair<std::string, uint32_t>> lemmas(lemma_counts_.begin(), lemma_counts_.end());
  std::sort(lemmas.begin(), lemmas.end());
  w.U32(static_cast<uint32_t>(lemmas.size()));
  for (const auto& [k, c] : lemmas) {
    w.String(k);
    w.U32(c);
  }
  std::vector<std::pair<std::string, Edit>> rules(suffix_rules_.begin(), suffix_rules_.end());
  std::sort(rules.begin(), rules.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U32(static_cast<uint32_t>(rules.size()));
  for (const auto& [k, e] : rules) {
    w.String(k);
    w.U8(e.cut);
    w.String(e.append);
  }
  return w.Finish();
}

base::Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(std::istream& in,
                                                           const std::string& source) {
  std::unique_ptr<Lemmatizer> lem(new Lemmatizer());
  ModelReader r(in, source);
  KG_RETURN_IF_ERROR(r.Header(kFormat, kVersion, &lem->metadata_));
  ReadMap(r, &lem->exact_);
  ReadMap(r, &lem->lower_);
  ReadMap(r, &lem->any_tag_);
  ReadMap(r, &lem->feats_);
  ReadMap(r, &lem->tag_feats_);
  const uint32_t nl = r.Count(1u << 24, "lemma count");
  for (uint32_t i = 0; i < nl && r.status().ok(); ++i) {
    std::string k = r.String();
    lem->lemma_counts_[std::move(k)] = r.U32();
  }
  const uint32_t n = r.Count(1u << 24, "rule count");
  for (uint32_t i = 0; i < n && r.status().ok(); ++i) {
    std::string k = r.String();
    Edit e;
    e.cut = r.U8();
    e.append = r.String();
    lem->suffix_rules_[std::move(k)] = std::move(e);
  }
  KG_RETURN_IF_ERROR(r.Finish());
  return lem;
}

base::Result<std::unique_ptr<Lemmatizer>> Lemmatizer::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open lemmatizer model " + path);
  return Load(in, path);
}

}  // namespace kg::extract
