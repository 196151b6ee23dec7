#include "extract/ner/mention_finder.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "extract/document.h"
#include "extract/ner/date_expression.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/ner_features.h"
#include "extract/ner/ner_labels.h"
#include "extract/ner/ner_tagger.h"

namespace kg::extract {

namespace {

bool HasAlnum(std::string_view s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        static_cast<unsigned char>(c) >= 0xC3) {
      return true;
    }
  }
  return false;
}

bool IsPunct(const Token& t) { return !HasAlnum(t.text); }

bool IsPossessive(const Token& t) {
  return t.text == "'s" || t.text == "\xE2\x80\x99s" || t.text == "'" || t.text == "\xE2\x80\x99" || t.text == "'S";
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
         static_cast<unsigned char>(s[1]) <= 0x9E;
}

bool StartsUpperOrDigit(std::string_view s) { return StartsUpper(s) || (!s.empty() && s[0] >= '0' && s[0] <= '9'); }

bool IsDeterminer(const std::string& w) {
  return w == "the" || w == "The" || w == "THE" || w == "a" || w == "A" || w == "an" || w == "An";
}

// "R." or "J": an initial that starts or sits inside a person's name.
bool IsInitial(const std::string& w) {
  return (w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z');
}

bool IsAllCaps(std::string_view s) {
  int upper = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2;
}

bool IsDash(const Token& t) {
  return t.text == "-" || t.text == "--" || t.text == "\xE2\x80\x93" || t.text == "\xE2\x80\x94";
}

// Common nouns that name the kind of place a following "of X" is.
bool IsPlaceNoun(const std::string& w) {
  return w == "city" || w == "town" || w == "village" || w == "capital" || w == "province" || w == "region" ||
         w == "district" || w == "port" || w == "state" || w == "county" || w == "island" || w == "enclave";
}

// Common nouns that, right before a name, say it is an organisation's.
bool IsOrganisationNoun(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "company", "firm", "group", "studio", "startup", "maker", "manufacturer", "bank", "lender", "carrier",
      "airline", "insurer", "retailer", "conglomerate", "broadcaster", "newspaper", "agency", "party", "movement",
      "militia", "club", "team", "union", "charity", "publisher", "developer", "operator", "supplier", "giant",
      "fund", "channel", "network", "outlet", "watchdog", "regulator", "institute", "organisation", "organization",
      "association", "alliance", "coalition", "consortium", "federation", "league", "foundation", "university",
      "daily", "tabloid", "magazine", "broadsheet", "consultancy", "automaker", "miner", "exchange",
      "chipmaker", "carmaker", "drugmaker", "steelmaker", "shipbuilder", "refiner"};
  return k.count(w) > 0;
}

// The legal form that ends a company's name: "& Co", "Holdings Ltd", "Vantor Inc.".
bool IsCompanySuffix(const std::string& w) {
  static const std::unordered_set<std::string> k = {"Co",  "Co.",  "Inc",  "Inc.", "Ltd", "Ltd.", "LLC",  "plc",
                                                    "PLC", "Corp", "Corp.", "GmbH", "AG",  "SA",  "S.A.", "NV",
                                                    "N.V.", "LLP", "Pty", "AB",   "ASA", "SpA", "Oyj"};
  return k.count(w) > 0;
}

// Words that open an organisation's name in French, Spanish, Portuguese, Italian or
// German: "Institut Pasteur du Cambodge", "Banco do Brasil", "Universidad de Chile".
bool IsForeignOrganisationHead(const std::string& folded) {
  static const std::unordered_set<std::string> k = {
      "institut",  "instituto",  "istituto",  "banco",    "banque",    "banca",     "universite",
      "universidad", "universidade", "universita", "fondation", "fundacion", "fundacao", "fondazione",
      "compagnie", "societe",    "sociedad",  "partido",  "parti",     "partito",   "ministerio",
      "ministere", "agence",     "agencia",   "consejo",  "conseil",   "tribunal",  "corte",
      "cour",      "comite",     "comision",  "comissao", "commissione", "servicio", "servico",
      "stiftung",  "bundesamt",  "bundesbank", "deutsche", "groupe",   "grupo",     "gruppo"};
  return k.count(folded) > 0;
}

// Last words of natural features that are nobody's surname ("Bay", "Hill" and "Lake" are).
bool IsNaturalFeature(const std::string& folded) {
  static const std::unordered_set<std::string> k = {
      "shoal", "shoals", "reef", "strait", "peninsula", "desert", "ocean", "sea", "gulf", "glacier", "volcano",
      "atoll", "archipelago", "canyon", "plateau", "islands", "mountains", "lagoon", "basin"};
  return k.count(folded) > 0;
}

bool IsLocativePreposition(const std::string& w) {
  return w == "in" || w == "at" || w == "near" || w == "outside" || w == "around" || w == "across";
}

// Lowercase particles inside names: "André Corrêa do Lago", "Ursula von der Leyen".
bool IsNameParticle(const std::string& w) {
  static const std::unordered_set<std::string> kParticles = {"da",  "de", "do", "dos", "das", "del", "della", "di",
                                                             "du",  "van", "von", "der", "den", "ter", "bin",
                                                             "ibn", "al", "el", "la", "le"};
  return kParticles.count(w) > 0;
}

bool IsFunctionWord(const Token& t) {
  static const std::unordered_set<std::string> kPos = {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"};
  return kPos.count(t.upos) > 0;
}

EntityKind KindOfTag(const std::string& type) {
  if (type == "PER") return EntityKind::kPerson;
  if (type == "ORG") return EntityKind::kOrg;
  return EntityKind::kGpe;
}

std::string JoinFolded(const std::vector<std::string>& folded, int begin, int end) {
  std::string out;
  for (int i = begin; i < end; ++i) {
    if (folded[i].empty()) continue;
    if (!out.empty()) out += ' ';
    out += folded[i];
  }
  return out;
}

bool Overlaps(const CandidateMention& a, int begin, int end) { return a.begin < end && begin < a.end; }

// Sentence casing: 0 normal, 1 title case (capitalised common words, as in "Diplomatic
// Stalemate Deepens"), 2 all capitals.
int CasingMode(const Sentence& s) {
  int words = 0, upper = 0, caps = 0;
  bool capitalised_common_word = false, lowercase_content_word = false;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    if (t.text.size() < 2 || !HasAlnum(t.text) || (t.text[0] >= '0' && t.text[0] <= '9')) continue;
    ++words;
    upper += StartsUpper(t.text);
    bool all = true;
    for (char c : t.text) all = all && !(c >= 'a' && c <= 'z');
    caps += all;
    if (i > 0 && StartsUpper(t.text) && t.upos != "PROPN" && t.upos != "NUM" && t.upos != "X" && t.upos != "SYM" &&
        !t.upos.empty()) {
      capitalised_common_word = true;
    }
    // Title Case leaves only short function words in lower case; a lower-case verb, noun
    // or adjective ("… Eide met Iranian …") makes it a sentence full of names instead.
    const std::string& p = t.upos;
    if (!StartsUpper(t.text) && HasAlnum(t.text) && !p.empty() && p != "ADP" && p != "DET" && p != "CCONJ" &&
        p != "SCONJ" && p != "PART" && p != "PRON" && p != "AUX" && p != "NUM" && p != "PUNCT" && p != "SYM") {
      lowercase_content_word = true;
    }
  }
  if (words >= 2 && caps * 10 >= words * 7) return 2;
  if (words >= 2 && upper * 10 >= words * 8 && capitalised_common_word && !lowercase_content_word) return 1;
  return 0;
}

}  // namespace

bool IsInstitutionWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> k = {"parliament", "cabinet",    "treasury", "judiciary",
                                                         "legislature", "government", "army",     "navy",
                                                         "police",     "senate",     "congress", "presidency"};
  return k.count(folded) > 0;
}

EntityKind KindOfClass(GazetteerClass c) {
  switch (c) {
    case GazetteerClass::kCountry:
    case GazetteerClass::kCity:
    case GazetteerClass::kRegion:
      return EntityKind::kGpe;
    case GazetteerClass::kPlace:
      return EntityKind::kLoc;
    case GazetteerClass::kOrganization:
    case GazetteerClass::kGovernmentBody:
    case GazetteerClass::kNewsAgency:
      return EntityKind::kOrg;
    case GazetteerClass::kDemonym:
    case GazetteerClass::kGroup:
      return EntityKind::kNorp;
  }
  return EntityKind::kOrg;
}

struct MentionFinder::SentenceState {
  int index = 0;
  const Sentence* sentence = nullptr;
  std::vector<std::string> folded;
  std::vector<GazetteerMatch> matches;
  std::vector<NerSpan> tagged;
  int mode = 0;
  bool heading = false;
  const DocumentWordStats* stats = nullptr;
};

// Names the article body uses: what a heading may repeat, and what parts of "Trump-Putin" resolve to.
struct MentionFinder::BodyNames {
  std::unordered_map<std::string, EntityKind> names;  // folded name -> kind
  std::unordered_set<std::string> surnames;           // last words of multi-word person names
  std::unordered_set<std::string> org_first_words;    // "veltrano" of "Veltrano Systems"
  size_t max_words = 1;

  void Add(const CandidateMention& c, const std::vector<std::string>& folded) {
    if (c.kind == EntityKind::kDate) return;
    const std::string name = JoinFolded(folded, c.begin, c.end);
    if (name.empty()) return;
    names.emplace(name, c.kind);
    max_words = std::max(max_words, static_cast<size_t>(c.end - c.begin));
    if (c.kind == EntityKind::kPerson && name.find(' ') != std::string::npos) {
      surnames.insert(name.substr(name.rfind(' ') + 1));
    }
    if (c.kind == EntityKind::kOrg && c.entry < 0 && name.find(' ') != std::string::npos) {
      org_first_words.insert(name.substr(0, name.find(' ')));
    }
  }
  // Whether the body uses `name` (or it is made of body surnames: "Trump Putin"), and as what.
  bool Confirms(const std::string& name, EntityKind* kind) const {
    if (auto it = names.find(name); it != names.end()) {
      *kind = it->second;
      return true;
    }
    if (name.empty()) return false;
    size_t start = 0;
    while (start <= name.size()) {
      size_t space = name.find(' ', start);
      if (space == std::string::npos) space = name.size();
      if (!surnames.count(name.substr(start, space - start))) return false;
      start = space + 1;
    }
    *kind = EntityKind::kPerson;
    return true;
  }
};

MentionFinder::MentionFinder(const Gazetteer& gazetteer, const TitleLexicon& titles, const NerTagger* tagger)
    : gazetteer_(gazetteer), titles_(titles), tagger_(tagger) {}

std::vector<CandidateMention> MentionFinder::Find(const Document& doc, const std::string& article_date) const {
  DocumentWordStats stats;
  for (const Sentence& s : doc.sentences) stats.Add(s.tokens);
  std::unique_ptr<NerFeatureExtractor> extractor;
  if (tagger_) extractor = std::make_unique<NerFeatureExtractor>(tagger_->options(), &gazetteer_, &titles_);

  std::vector<SentenceState> states(doc.sentences.size());
  NerFeatureMatrix features;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    SentenceState& st = states[i];
    st.index = static_cast<int>(i);
    st.sentence = &doc.sentences[i];
    st.folded = FoldTokens(st.sentence->tokens);
    st.matches = gazetteer_.Match(st.sentence->tokens, st.folded);
    st.mode = CasingMode(*st.sentence);
    st.heading = st.sentence->heading || st.mode != 0;
    st.stats = &stats;
    if (extractor && !st.sentence->tokens.empty()) {
      NerSentenceInput input{&st.sentence->tokens, &st.folded, &st.matches, &stats};
      extractor->Extract(input, &features);
      st.tagged = SpansFromBilou(tagger_->Tag(features));
    }
  }

  // The body names things first; then the body again with those names (a surname the
  // tagger missed), headings checked against them, and compounds split.
  std::vector<std::vector<CandidateMention>> per_sentence(states.size());
  BodyNames body;
  for (SentenceState& st : states) {
    if (st.heading) continue;
    Candidates(doc, st, nullptr, article_date, &per_sentence[st.index]);
    for (const CandidateMention& c : per_sentence[st.index]) body.Add(c, st.folded);
  }
  for (SentenceState& st : states) {
    per_sentence[st.index].clear();
    Candidates(doc, st, &body, article_date, &per_sentence[st.index]);
  }
  for (SentenceState& st : states) SplitCompounds(doc, st, body, &per_sentence[st.index]);

  std::vector<CandidateMention> out;
  for (auto& list : per_sentence) {
    std::stable_sort(list.begin(), list.end(), [](const CandidateMention& a, const CandidateMention& b) {
      return a.byte_begin != b.byte_begin ? a.byte_begin < b.byte_begin : a.byte_end < b.byte_end;
    });
    for (CandidateMention& c : list) out.push_back(std::move(c));
  }
  return out;
}

void MentionFinder::Candidates(const Document& doc, SentenceState& st, const BodyNames* names,
                               const std::string& article_date, std::vector<CandidateMention>* out) const {
  // In a heading, the body's names decide what stands.
  const BodyNames* body = st.heading ? names : nullptr;
  std::vector<CandidateMention> merged = WithListedNames(st, TaggerCandidates(st, body));
  AddDates(st, article_date, &merged);
  if (!st.heading) AddKeywordNames(st, &merged);
  if (st.sentence->dateline) AddDatelineNames(st, &merged);
  if (!st.heading) AddDescribedNames(st, &merged);
  RefineTypes(st, &merged);
  if (!st.heading) AddTitledNames(st, &merged);
  if (names) AddBodyNames(st, *names, body != nullptr, &merged);
  AddAcronyms(st, &merged);
  if (!st.heading) AddOtherNames(st, &merged);
  AssignRoles(st, &merged);
  const std::vector<Token>& tokens = st.sentence->tokens;
  for (CandidateMention& c : merged) {
    c.text = c.byte_end <= doc.text.size() ? doc.text.substr(c.byte_begin, c.byte_end - c.byte_begin) : "";
    if (c.text.empty()) {
      for (int i = c.begin; i < c.end; ++i) {
        c.text += tokens[i].text;
        if (i + 1 < c.end && tokens[i].space_after) c.text += ' ';
      }
    }
    // "LAUSANNE" in a dateline is the name Lausanne.
    if (st.sentence->dateline && c.entry < 0 && IsAllCaps(c.text)) c.text = base::NameCase(c.text);
    c.dateline = st.sentence->dateline;
  }
  for (CandidateMention& c : merged) out->push_back(std::move(c));
}

CandidateMention MentionFinder::Make(const SentenceState& st, int begin, int end, EntityKind kind) {
  const std::vector<Token>& tokens = st.sentence->tokens;
  CandidateMention c;
  c.sentence = st.index;
  c.begin = begin;
  c.end = end;
  c.byte_begin = tokens[begin].begin;
  c.byte_end = tokens[end - 1].end;
  c.kind = kind;
  c.heading = st.heading;
  return c;
}

std::vector<CandidateMention> MentionFinder::TaggerCandidates(const SentenceState& st, const BodyNames* body) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  auto make = [&](int begin, int end, EntityKind kind) { return Make(st, begin, end, kind); };
  // Tagger spans, trimmed of determiners, punctuation, possessives and titles.
  std::vector<CandidateMention> tagged;
  for (const NerSpan& span : st.tagged) {
    int b = span.begin, e = span.end;
    while (b < e && (IsPunct(tokens[b]) || IsDeterminer(tokens[b].text))) ++b;
    while (e > b && (IsPunct(tokens[e - 1]) || IsPossessive(tokens[e - 1]))) --e;
    if (b >= e) continue;
    // "US Defence Secretary" tagged as one organisation before a name: the title goes.
    if (span.type != "PER") {
      const RoleMatch trailing = titles_.MatchBefore(tokens, folded, e);
      if (trailing.begin >= 0 && !trailing.predicate.empty()) e = trailing.begin;
      while (e > b && (IsPunct(tokens[e - 1]) || IsPossessive(tokens[e - 1]))) --e;
      if (b >= e) continue;
    }
    CandidateMention c = make(b, e, KindOfTag(span.type));
    c.from_tagger = true;
    // "US President Donald Trump" tagged whole: the name starts after the title. (Not in
    // organisations: "General Motors".)
    for (int m = e - 1; m > b; --m) {
      const RoleMatch r = titles_.MatchBefore(tokens, folded, m);
      if (r.begin < 0) continue;
      bool strip = r.begin <= b;
      if (!strip) {
        for (const GazetteerMatch& g : st.matches) strip = strip || (g.begin == b && g.end == r.begin && g.strict);
      }
      if (strip && c.kind == EntityKind::kPerson) {
        c = make(m, e, c.kind);
        c.from_tagger = true;
        break;
      }
    }
    // A person span starting with a country or demonym: "Russian Vladimir Putin".
    if (c.kind == EntityKind::kPerson) {
      for (const GazetteerMatch& g : st.matches) {
        if (g.begin == c.begin && g.end < c.end && g.strict && !g.ambiguous) {
          const EntityKind k = KindOfClass(gazetteer_.entry(g.entry).cls);
          if (k != EntityKind::kPerson) {
            c = make(g.end, c.end, c.kind);
            c.from_tagger = true;
          }
        }
      }
    }
    // Junk: no capital letter anywhere (news names are capitalised), only function or
    // title words, or a sentence-initial word the document otherwise writes lowercase.
    bool capital = false, content = false, title_only = true;
    for (int i = c.begin; i < c.end; ++i) {
      capital = capital || StartsUpperOrDigit(tokens[i].text);
      content = content || (!IsFunctionWord(tokens[i]) && !IsPunct(tokens[i]));
      title_only = title_only && titles_.IsTitlePart(folded[i]);
    }
    if (!capital || !content || title_only) continue;
    if (c.end - c.begin == 1 && (c.begin == 0 || IsPunct(tokens[c.begin - 1])) && st.stats &&
        st.stats->CaseClass(NerWordForm(tokens[c.begin].text)) == 0) {
      continue;  // a sentence-initial word the document otherwise writes lowercase
    }
    tagged.push_back(std::move(c));
  }

  // Headings keep only tagger spans that the article body also names, persons whose
  // name starts with a known given name or an initial, and organisations whose name ends
  // in an organisation keyword: Title Case makes every word look like a name.
  if (body) {
    tagged.erase(std::remove_if(tagged.begin(), tagged.end(),
                                [&](CandidateMention& c) {
                                  EntityKind kind;
                                  if (body->Confirms(JoinFolded(folded, c.begin, c.end), &kind)) {
                                    c.kind = kind;
                                    return false;
                                  }
                                  if (c.kind == EntityKind::kPerson) {
                                    return !gazetteer_.IsGivenName(folded[c.begin]) && !IsInitial(tokens[c.begin].text);
                                  }
                                  return !(c.kind == EntityKind::kOrg && c.end - c.begin >= 2 &&
                                           gazetteer_.Keyword(folded[c.end - 1]) == NameKeyword::kOrg);
                                }),
                 tagged.end());
  }

  // Particles join person names: "André Corrêa" + "do" + "Lago", "Ursula von der Leyen".
  const int n = static_cast<int>(tokens.size());
  std::sort(tagged.begin(), tagged.end(),
            [](const CandidateMention& a, const CandidateMention& b) { return a.begin < b.begin; });
  for (size_t k = 0; k < tagged.size(); ++k) {
    CandidateMention& c = tagged[k];
    if (c.kind != EntityKind::kPerson) continue;
    int j = c.end;
    while (j < n && j < c.end + 2 && IsNameParticle(tokens[j].text)) ++j;
    if (j == c.end || j >= n || !StartsUpper(tokens[j].text)) continue;
    int end = j + 1;
    if (k + 1 < tagged.size() && tagged[k + 1].begin == j) {
      if (tagged[k + 1].kind != EntityKind::kPerson) continue;
      end = tagged[k + 1].end;
      tagged.erase(tagged.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    } else if (k + 1 < tagged.size() && tagged[k + 1].begin < end) {
      continue;
    }
    c = make(c.begin, end, EntityKind::kPerson);
    c.from_tagger = true;
  }
  return tagged;
}

std::vector<CandidateMention> MentionFinder::WithListedNames(const SentenceState& st,
                                                               std::vector<CandidateMention> tagged) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  const int n = static_cast<int>(tokens.size());
  auto make = [&](int begin, int end, EntityKind kind) { return Make(st, begin, end, kind); };
  // Gazetteer names that may stand alone or with the tagger's agreement.
  std::vector<CandidateMention> listed;
  for (const GazetteerMatch& g : st.matches) {
    bool agreed = false, contained = false;
    for (const CandidateMention& t : tagged) {
      agreed = agreed || (t.begin == g.begin && t.end == g.end);
      contained = contained || (t.begin <= g.begin && g.end <= t.end);
    }
    bool ok = g.strict;
    // In all-capitals text casing says nothing: the tagger must agree.
    if (st.mode == 2 && !agreed && !(contained && !g.acronym)) ok = false;
    // A place name inside a longer capitalised name the tagger missed ("Royal Caribbean",
    // "Manchester School"): not a mention of the place. Titles may follow ("US President").
    const GazetteerClass cls = gazetteer_.entry(g.entry).cls;
    if (ok && !agreed && !st.heading && cls != GazetteerClass::kDemonym && cls != GazetteerClass::kGroup &&
        KindOfClass(cls) != EntityKind::kOrg) {
      auto part_of_name = [&](int i) {
        if (i < 0 || i >= n || !StartsUpper(tokens[i].text) || titles_.IsTitlePart(folded[i])) return false;
        for (const GazetteerMatch& other : st.matches) {
          if (other.begin <= i && i < other.end) return false;
        }
        return i > 0 && !IsPunct(tokens[i - 1]);  // not sentence- or clause-initial
      };
      if (part_of_name(g.begin - 1) || part_of_name(g.end)) ok = false;
    }
    if (g.ambiguous && !g.acronym && !agreed && !contained) ok = false;
    if (!g.strict && !agreed) ok = false;
    if (!ok) continue;
    const GazetteerEntry& entry = gazetteer_.entry(g.entry);
    CandidateMention c = make(g.begin, g.end, KindOfClass(entry.cls));
    c.entry = g.entry;
    c.ambiguous = g.ambiguous;
    listed.push_back(std::move(c));
  }

  // Merge: the longer name wins; a tagger span wholly made of listed names splits.
  std::vector<bool> drop_listed(listed.size(), false);
  std::vector<CandidateMention> merged;
  for (CandidateMention& t : tagged) {
    std::vector<size_t> over;
    for (size_t k = 0; k < listed.size(); ++k) {
      if (Overlaps(listed[k], t.begin, t.end)) over.push_back(k);
    }
    if (over.empty()) {
      merged.push_back(std::move(t));
      continue;
    }
    bool exact = false, inside = true;
    for (size_t k : over) {
      const CandidateMention& g = listed[k];
      exact = exact || (g.begin == t.begin && g.end == t.end);
      inside = inside && t.begin <= g.begin && g.end <= t.end;
    }
    if (exact) {
      // The gazetteer types the tagger's span, except a person whose name is also a
      // place listed as ambiguous ("Sofia", "Victoria").
      const CandidateMention& g = listed[over[0]];
      if (t.kind == EntityKind::kPerson && g.ambiguous) {
        drop_listed[over[0]] = true;
        merged.push_back(std::move(t));
      }
      continue;  // the listed candidate stands
    }
    if (inside) {
      // Covered by listed names and connectors only ("Russia and Ukraine")? Then they stand.
      std::vector<bool> covered(n, false);
      for (size_t k : over) {
        for (int i = listed[k].begin; i < listed[k].end; ++i) covered[i] = true;
      }
      bool all = over.size() >= 2;
      for (int i = t.begin; i < t.end && all; ++i) {
        all = covered[i] || IsPunct(tokens[i]) || folded[i] == "and" || folded[i] == "or";
      }
      if (all) continue;
      for (size_t k : over) drop_listed[k] = true;
      merged.push_back(std::move(t));
      continue;
    }
    // Crossing or inside a listed name: the listed name wins when unambiguous.
    bool listed_wins = true;
    for (size_t k : over) listed_wins = listed_wins && gazetteer_.entry(listed[k].entry).cls != GazetteerClass::kGroup;
    if (!listed_wins) {
      for (size_t k : over) drop_listed[k] = true;
      merged.push_back(std::move(t));
    }
  }
  for (size_t k = 0; k < listed.size(); ++k) {
    if (!drop_listed[k]) merged.push_back(std::move(listed[k]));
  }

  return merged;
}

void MentionFinder::AddDates(const SentenceState& st, const std::string& article_date,
                             std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  auto make = [&](int begin, int end, EntityKind kind) { return Make(st, begin, end, kind); };
  std::vector<CandidateMention>& merged = *candidates;
  // Dates replace tagger spans inside them.
  for (const DateExpression& d : FindDateExpressions(tokens, article_date)) {
    bool blocked = false;
    for (auto it = merged.begin(); it != merged.end();) {
      if (Overlaps(*it, d.begin, d.end)) {
        if (it->from_tagger && it->entry < 0 && d.begin <= it->begin && it->end <= d.end) {
          it = merged.erase(it);
          continue;
        }
        blocked = true;
      }
      ++it;
    }
    if (blocked) continue;
    CandidateMention c = make(d.begin, d.end, EntityKind::kDate);
    c.date = d.date;
    merged.push_back(std::move(c));
  }
}

void MentionFinder::AddKeywordNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  const int n = static_cast<int>(tokens.size());
  auto make = [&](int begin, int end, EntityKind kind) { return Make(st, begin, end, kind); };
  std::vector<CandidateMention>& merged = *candidates;
  // Capitalised names ending in an organisation keyword ("Ukraine Defence Contact Group")
  // or with one before "of"/"for" ("Ministry of Health", "Alliance of Small Island States").
  if (!st.heading) {
    auto connector = [&](int j) {
      return (folded[j] == "of" || folded[j] == "for" || folded[j] == "and" || tokens[j].text == "&" ||
              (folded[j] == "the" && j > 0 && (folded[j - 1] == "of" || folded[j - 1] == "for")) ||
              (IsNameParticle(tokens[j].text) && j > 0 && StartsUpper(tokens[j - 1].text))) &&
             j + 1 < n && (StartsUpper(tokens[j + 1].text) || folded[j + 1] == "the");
    };
    for (int i = 0; i < n;) {
      if (!StartsUpper(tokens[i].text) || IsDeterminer(tokens[i].text)) {
        ++i;
        continue;
      }
      int j = i;
      while (j < n && (StartsUpper(tokens[j].text) || connector(j))) ++j;
      int b = i;
      // "Fighters of the Rapid Support Forces": a sentence-initial common noun and its
      // "of (the)" are not part of the name.
      if ((b == 0 || IsPunct(tokens[b - 1])) && tokens[b].upos == "NOUN" && b + 1 < j && connector(b + 1)) {
        b += 2;
        while (b < j && folded[b] == "the") ++b;
      }
      i = std::max(j, i + 1);
      bool keyword_of = false;  // an organisation keyword right before "of" / "for"
      for (int k = b; k + 1 < j; ++k) {
        keyword_of = keyword_of || (gazetteer_.Keyword(folded[k]) == NameKeyword::kOrg &&
                                    (folded[k + 1] == "of" || folded[k + 1] == "for"));
      }
      // A trailing particle is no part of the name.
      while (j > b && IsNameParticle(tokens[j - 1].text)) --j;
      const bool foreign = IsForeignOrganisationHead(folded[b]);
      if (j - b < 2 || (gazetteer_.Keyword(folded[j - 1]) != NameKeyword::kOrg && !keyword_of && !foreign)) continue;
      // "Great Service" opening a sentence is no name: want a proper noun or a listed name
      // before the keyword, or three words.
      // Capitals after a lower-case word are a name's ("Kenya's High Court", "the Foreign
      // Ministry"), not a sentence's.
      bool evidence = j - b >= 3 || (b > 0 && !IsPunct(tokens[b - 1]) && !StartsUpperOrDigit(tokens[b - 1].text));
      for (int k = b; k + 1 < j && !evidence; ++k) evidence = tokens[k].upos == "PROPN";
      for (const CandidateMention& c : merged) evidence = evidence || (Overlaps(c, b, j) && c.entry >= 0);
      if (!evidence) continue;
      bool person = false, covered_whole = false;
      for (const CandidateMention& c : merged) {
        if (!Overlaps(c, b, j)) continue;
        // "Ministry of Health" overrides what the tagger made of its words; a name ending
        // in a keyword yields to a person inside it.
        // So does a tagger's person before a company suffix ("Rothschild & Co").
        // So does one inside three or more capitalised words ending in a keyword ("Kofi
        // Annan Foundation"; not "Anthony Shadid of the Washington Post").
        bool plain_run = j - b >= 3;
        for (int k = b; k < j && plain_run; ++k) plain_run = StartsUpper(tokens[k].text);
        const bool overridable = (keyword_of || foreign || IsCompanySuffix(tokens[j - 1].text) || plain_run) &&
                                 c.from_tagger && c.entry < 0;
        person = person || (c.kind == EntityKind::kPerson && !overridable) || c.kind == EntityKind::kDate ||
                 c.begin < b || c.end > j;
        covered_whole = covered_whole || (c.begin == b && c.end == j);
      }
      if (person || covered_whole) continue;
      merged.erase(std::remove_if(merged.begin(), merged.end(),
                                  [&](const CandidateMention& c) { return Overlaps(c, b, j); }),
                   merged.end());
      CandidateMention c = make(b, j, EntityKind::kOrg);
      c.from_tagger = true;  // a name we found, not one we listed
      merged.push_back(std::move(c));
    }
    // One capitalised institution word after a lower-case word: "consulting Parliament".
    for (int k = 1; k < n; ++k) {
      if (!StartsUpper(tokens[k].text) || !IsInstitutionWord(folded[k]) || IsPunct(tokens[k - 1]) ||
          StartsUpper(tokens[k - 1].text) || (k + 1 < n && StartsUpper(tokens[k + 1].text))) {
        continue;
      }
      bool covered = false;
      for (CandidateMention& c : merged) {
        if (!Overlaps(c, k, k + 1)) continue;
        covered = true;
        if (c.begin == k && c.end == k + 1 && c.from_tagger && c.entry < 0) c.kind = EntityKind::kOrg;  // whatever the tagger said
      }
      if (covered) continue;
      CandidateMention c = make(k, k + 1, EntityKind::kOrg);
      c.from_tagger = true;
      merged.push_back(std::move(c));
    }
    // "the FNV union", "The FNV, which…": an acronym after "the" names an organisation.
    for (int i = 1; i < n; ++i) {
      // Also in apposition to one: "Nigeria's drug regulator, NAFDAC,".
      const bool named_by_noun = i >= 2 && tokens[i - 1].text == "," && tokens[i - 2].upos == "NOUN" &&
                                 IsOrganisationNoun(folded[i - 2]);
      if ((folded[i - 1] != "the" && !named_by_noun) || !IsAllCaps(tokens[i].text) || tokens[i].text.size() > 8) continue;
      // Not a code ("the H5N1 virus": letters and digits interleaved) nor a prefix of a
      // longer name ("the BRP Bagong Pag-asa").
      int digit_runs = 0;
      for (size_t k = 0; k < tokens[i].text.size(); ++k) {
        const bool digit = tokens[i].text[k] >= '0' && tokens[i].text[k] <= '9';
        if (digit && (k == 0 || !(tokens[i].text[k - 1] >= '0' && tokens[i].text[k - 1] <= '9'))) ++digit_runs;
      }
      if (digit_runs > 1 || (i + 1 < n && StartsUpper(tokens[i + 1].text))) continue;
      // Capitals in running text are often a word shouted ("the BEST") or a term ("the IRR
      // on the port"): an organisation only when a noun or a relative clause says so.
      const bool org_noun_after = i + 1 < n && tokens[i + 1].upos == "NOUN" && IsOrganisationNoun(folded[i + 1]);
      const bool who_after = i + 2 < n && tokens[i + 1].text == "," && (folded[i + 2] == "which" || folded[i + 2] == "who");
      if (!org_noun_after && !who_after && !named_by_noun) continue;
      bool claimed = false;
      for (const CandidateMention& c : merged) claimed = claimed || Overlaps(c, i, i + 1);
      if (claimed) continue;
      CandidateMention c = make(i, i + 1, EntityKind::kOrg);
      c.from_tagger = true;
      merged.push_back(std::move(c));
    }
  }
}

void MentionFinder::AddDescribedNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  const int n = static_cast<int>(tokens.size());
  std::vector<CandidateMention>& merged = *candidates;
  auto org_noun = [&](int k) { return k >= 0 && k < n && tokens[k].upos == "NOUN" && IsOrganisationNoun(folded[k]); };
  auto name_word = [&](int k) {
    return k >= 0 && k < n && StartsUpper(tokens[k].text) && !IsPunct(tokens[k]) && !IsPossessive(tokens[k]) &&
           !IsDeterminer(tokens[k].text) && !titles_.IsTitlePart(folded[k]);
  };
  // ", a fund launched by Brazil", ", the country's largest lender": the head noun of an
  // apposition right after `end`, or -1.
  auto apposition_head = [&](int end) {
    if (end + 1 >= n || tokens[end].text != "," || !IsDeterminer(tokens[end + 1].text)) return -1;
    int head = -1;
    for (int k = end + 2; k < n && k < end + 8; ++k) {
      const std::string& p = tokens[k].upos;
      if (p == "NOUN") {
        head = k;
      } else if (!(p == "ADJ" || p == "ADV" || p == "NUM" || p == "PROPN" || IsPossessive(tokens[k]) ||
                   (p == "VERB" && k + 1 < n && (tokens[k + 1].upos == "NOUN" || tokens[k + 1].upos == "ADJ")))) {
        break;
      }
    }
    return head;
  };
  // Capitalised names that a common noun beside them says are an organisation's, whatever
  // the tagger made of them: "the monitoring group NetBlocks", "the Imedi television
  // channel", "Tropical Forest Forever Facility, a fund launched by ...".
  for (int i = 0; i < n; ++i) {
    if (!name_word(i)) continue;
    int j = i + 1;
    while (j < n && (name_word(j) || (IsNameParticle(tokens[j].text) && name_word(j + 1)))) ++j;
    const int run_begin = i;
    i = j - 1;
    bool described = org_noun(run_begin - 1) || org_noun(apposition_head(j));
    if (!described && run_begin > 0 && folded[run_begin - 1] == "the") {
      int k = j;
      while (k < n && tokens[k].upos == "NOUN" && !org_noun(k)) ++k;
      described = org_noun(k) && (k + 1 >= n || tokens[k + 1].upos != "NOUN");
    }
    if (!described) continue;
    // Listed names (but demonyms: "the party Georgian Dream"), dates and longer names stand.
    bool blocked = false;
    for (const CandidateMention& c : merged) {
      if (!Overlaps(c, run_begin, j)) continue;
      const bool demonym = c.entry >= 0 && gazetteer_.entry(c.entry).cls == GazetteerClass::kDemonym;
      blocked = blocked || c.begin < run_begin || c.end > j || c.kind == EntityKind::kDate ||
                (c.entry >= 0 && !demonym) || (demonym && c.begin == run_begin && c.end == j);  // "the Dutch company"
    }
    if (blocked) continue;
    merged.erase(std::remove_if(merged.begin(), merged.end(),
                                [&](const CandidateMention& c) { return Overlaps(c, run_begin, j); }),
                 merged.end());
    CandidateMention c = Make(st, run_begin, j, EntityKind::kOrg);
    c.from_tagger = true;  // found, not listed
    merged.push_back(std::move(c));
  }
}

void MentionFinder::AddDatelineNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const int n = static_cast<int>(tokens.size());
  std::vector<CandidateMention>& merged = *candidates;
  // A dateline names, by its shape alone, the place a story was filed from and the agency
  // that filed it: "LAUSANNE, Sept 30 -", "BEL\xC3\x89M, Brazil, Nov 21 (Meridian Wire) -".
  // Whatever the gazetteer or the tagger already found there stands.
  auto add = [&](int b, int e, EntityKind kind) {
    if (b >= e || !StartsUpper(tokens[b].text)) return;
    for (const CandidateMention& c : merged) {
      if (Overlaps(c, b, e)) return;
    }
    CandidateMention c = Make(st, b, e, kind);
    std::string name;
    for (int i = b; i < e; ++i) {
      if (i > b) name += ' ';
      name += tokens[i].text;
    }
    const Gazetteer::Lookup look = gazetteer_.LookupName(IsAllCaps(name) ? base::NameCase(name) : name);
    if (look.entry >= 0 && !look.ambiguous) {
      c.entry = look.entry;
      c.kind = KindOfClass(gazetteer_.entry(look.entry).cls);
    } else {
      c.from_tagger = true;  // found, not listed
    }
    merged.push_back(std::move(c));
  };
  for (int i = 0; i < n && !IsDash(tokens[i]);) {
    if (tokens[i].text == "(") {
      int j = i + 1;
      while (j < n && tokens[j].text != ")") ++j;
      if (j < n) add(i + 1, j, EntityKind::kOrg);
      break;
    }
    if (IsAllCaps(tokens[i].text)) {
      int j = i;
      while (j < n && IsAllCaps(tokens[j].text)) ++j;
      add(i, j, EntityKind::kGpe);
      i = j;
      continue;
    }
    ++i;
  }
}

void MentionFinder::RefineTypes(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<std::string>& folded = st.folded;
  std::vector<CandidateMention>& merged = *candidates;
  // Types and context: LOC vs GPE for unlisted places, capitals as actors.
  const std::vector<Token>& tokens = st.sentence->tokens;
  const int n = static_cast<int>(tokens.size());
  for (CandidateMention& c : merged) {
    if (c.from_tagger && c.entry < 0 && c.kind != EntityKind::kDate) {
      // A dateline in capitals: "LAUSANNE, Switzerland -".
      if (c.begin == 0 && c.end < n && IsAllCaps(tokens[0].text) && tokens[0].text.size() >= 3 &&
          (tokens[c.end].text == "," || tokens[c.end].text == "(" || tokens[c.end].text == "/" || IsDash(tokens[c.end]))) {
        c.kind = EntityKind::kGpe;
        continue;
      }
      // A title next to the name: "the climate commissioner, Wopke Hoekstra" or
      // "Salote Faleafa, Tuvalu's climate minister" name a person.
      if (c.kind != EntityKind::kPerson && (TitleBefore(st, c.begin) || TitleAfter(st, c.end))) {
        c.kind = EntityKind::kPerson;
      }
      // "the city of El Fasher", "the province of Idlib": a place.
      if (c.begin >= 2 && folded[c.begin - 1] == "of" && IsPlaceNoun(folded[c.begin - 2])) {
        c.kind = EntityKind::kGpe;
        continue;
      }
      // One unknown word after "in"/"near": a place ("villages near Chaurjahari").
      if (c.kind == EntityKind::kPerson && c.end - c.begin == 1 && c.begin > 0 &&
          IsLocativePreposition(folded[c.begin - 1]) && !gazetteer_.IsGivenName(folded[c.begin]) &&
          !TitleBefore(st, c.begin)) {
        c.kind = EntityKind::kGpe;
      }
    }
    // No one's name ends in "Shoal" or "Strait": "Second Thomas Shoal" is a place, and a
    // capitalised word right before it is part of its name.
    if (c.from_tagger && c.entry < 0 && c.kind == EntityKind::kPerson && c.end - c.begin >= 2 &&
        IsNaturalFeature(folded[c.end - 1])) {
      c.kind = EntityKind::kLoc;
      if (c.begin >= 2 && StartsUpper(tokens[c.begin - 1].text) && !IsFunctionWord(tokens[c.begin - 1]) &&
          !IsPunct(tokens[c.begin - 2])) {
        bool free = true;
        for (const CandidateMention& o : merged) free = free && (&o == &c || !Overlaps(o, c.begin - 1, c.begin));
        if (free) {
          --c.begin;
          c.byte_begin = tokens[c.begin].begin;
        }
      }
    }
    // No person's or place's name ends in "Lines" or has "Society of" in it:
    // "Marenco Shipping Lines", "Law Society of Kenya".
    if (c.from_tagger && c.entry < 0 && (c.kind == EntityKind::kPerson || c.kind == EntityKind::kGpe) &&
        c.end - c.begin >= 2) {
      bool org = c.kind == EntityKind::kPerson && gazetteer_.Keyword(folded[c.end - 1]) == NameKeyword::kOrg;
      for (int k = c.begin; k + 1 < c.end && !org; ++k) {
        org = gazetteer_.Keyword(folded[k]) == NameKeyword::kOrg && (folded[k + 1] == "of" || folded[k + 1] == "for");
      }
      if (org) c.kind = EntityKind::kOrg;
    }
    if (c.from_tagger && c.entry < 0 && c.kind == EntityKind::kGpe) {
      const NameKeyword last = gazetteer_.Keyword(folded[c.end - 1]);
      const NameKeyword first = gazetteer_.Keyword(folded[c.begin]);
      if (last == NameKeyword::kLoc || last == NameKeyword::kFacility || first == NameKeyword::kLoc) {
        c.kind = EntityKind::kLoc;
      } else if (last == NameKeyword::kOrg && c.end - c.begin >= 2) {
        c.kind = EntityKind::kOrg;
      }
    }
    if (c.entry >= 0) {
      const GazetteerEntry& e = gazetteer_.entry(c.entry);
      if (e.cls == GazetteerClass::kCity && e.capital && e.link >= 0 &&
          gazetteer_.entry(e.link).cls == GazetteerClass::kCountry) {
        c.actor = CapitalIsActor(*st.sentence, c);
      }
    }
  }
}

void MentionFinder::AddTitledNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  const int n = static_cast<int>(tokens.size());
  std::vector<CandidateMention>& merged = *candidates;
  // A title or honorific followed by capitalised words names a person, whatever the tagger
  // made of them ("Foreign Minister Espen Barth Eide", "Mr Trump"): the run of capitalised
  // words after it, up to four, not themselves title words or listed places.
  for (int i = 1; i < n; ++i) {
    if (!StartsUpper(tokens[i].text) || titles_.IsTitlePart(folded[i])) continue;
    const RoleMatch r = titles_.MatchBefore(tokens, folded, i);
    if (r.begin < 0) continue;
    int j = i;
    // An honorific inside a name ("Hassan Sheikh Mohamud") stays in it when a name word follows.
    auto name_word = [&](int k) {
      return k < n && StartsUpper(tokens[k].text) && !IsPunct(tokens[k]) && !IsPossessive(tokens[k]);
    };
    while (j < n && j - i < 4 && name_word(j) &&
           (!titles_.IsTitlePart(folded[j]) || (j > i && name_word(j + 1) && !titles_.IsTitlePart(folded[j + 1])))) {
      ++j;
    }
    if (j == i) continue;
    // "the General Court", "the President Hotel": a title after "the" heads a name of its
    // own, as does a run ending in an organisation or place keyword.
    if (r.begin > 0 && folded[r.begin - 1] == "the") continue;
    if (gazetteer_.Keyword(folded[j - 1]) != NameKeyword::kNone) continue;
    bool keep = false, covered = false;
    for (const CandidateMention& c : merged) {
      if (!Overlaps(c, i, j)) continue;
      // A listed name or a date stands; so does a longer name going on after the run
      // ("Minister Rania Al-Mashat Foundation"). A tagger span that swallowed the title
      // ("Norwegian Foreign Minister Espen Barth Eide" as one organisation) does not.
      keep = keep || (c.entry >= 0 && c.kind != EntityKind::kPerson) || c.kind == EntityKind::kDate || c.end > j;
      covered = covered || (c.begin == i && c.end == j && c.kind == EntityKind::kPerson);
    }
    if (keep || covered) continue;
    merged.erase(std::remove_if(merged.begin(), merged.end(),
                                [&](const CandidateMention& c) { return Overlaps(c, i, j) && c.entry < 0; }),
                 merged.end());
    CandidateMention c = Make(st, i, j, EntityKind::kPerson);
    c.from_tagger = true;  // found, not listed
    merged.push_back(std::move(c));
    i = j - 1;
  }
}

void MentionFinder::AddBodyNames(const SentenceState& st, const BodyNames& body_names, bool heading,
                                 std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  const int n = static_cast<int>(tokens.size());
  auto make = [&](int begin, int end, EntityKind kind) { return Make(st, begin, end, kind); };
  std::vector<CandidateMention>& merged = *candidates;
  const BodyNames* names = &body_names;
  const BodyNames* body = heading ? names : nullptr;
  // Names the body uses that the tagger missed here: a multi-word name or a surname
  // ("the Trump administration"); in a heading any body name.
  if (names) {
    for (int i = 0; i < n; ++i) {
      bool covered = false;
      for (const CandidateMention& c : merged) covered = covered || Overlaps(c, i, i + 1);
      if (covered || !StartsUpper(tokens[i].text)) continue;
      const int longest = std::min<int>(n, i + static_cast<int>(names->max_words));
      for (int e = longest; e > i; --e) {
        if (!StartsUpper(tokens[e - 1].text)) continue;
        bool free = true;
        for (const CandidateMention& c : merged) free = free && !Overlaps(c, i, e);
        if (!free) continue;
        EntityKind kind;
        const std::string name = JoinFolded(folded, i, e);
        const bool always_capitalised = st.stats && st.stats->CaseClass(NerWordForm(tokens[i].text)) == 2;
        if (e - i == 1 && names->org_first_words.count(name) && !names->surnames.count(name) && always_capitalised) {
          kind = EntityKind::kOrg;  // "Veltrano" for "Veltrano Systems", a word always capitalised here
        } else if (!names->Confirms(name, &kind)) {
          continue;
        } else if (!body && e - i == 1) {
          // One word in the body: a person's surname, or a name always capitalised here.
          const bool surname = kind == EntityKind::kPerson && names->surnames.count(name);
          if (!surname && !(kind != EntityKind::kPerson && always_capitalised)) continue;
        }
        CandidateMention c = make(i, e, kind);
        c.from_tagger = true;
        const Gazetteer::Lookup look = gazetteer_.LookupName(tokens[i].text);
        if (look.entry >= 0 && !look.ambiguous && e - i == 1) {
          c.entry = look.entry;
          c.kind = KindOfClass(gazetteer_.entry(look.entry).cls);
          c.from_tagger = false;
        }
        merged.push_back(std::move(c));
        i = e - 1;
        break;
      }
    }
  }
}

void MentionFinder::AddAcronyms(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const int n = static_cast<int>(tokens.size());
  auto make = [&](int begin, int end, EntityKind kind) { return Make(st, begin, end, kind); };
  std::vector<CandidateMention>& merged = *candidates;
  // "North Atlantic Treaty Organization (NATO)": the acronym names the same thing.
  for (size_t k = 0, count = merged.size(); k < count; ++k) {
    const int e = merged[k].end;
    if (merged[k].kind == EntityKind::kDate || merged[k].kind == EntityKind::kPerson || merged[k].end - merged[k].begin < 2 ||
        e + 2 >= n || tokens[e].text != "(" || tokens[e + 2].text != ")") {
      continue;
    }
    const std::string& acronym = tokens[e + 1].text;
    bool caps = acronym.size() >= 2;
    for (char ch : acronym) caps = caps && !(ch >= 'a' && ch <= 'z');
    if (!caps) continue;
    // The parenthesised capitals must start like the name ("Security Service of Ukraine (SBU)").
    if (acronym[0] != tokens[merged[k].begin].text[0]) continue;
    const int64_t expansion = merged[k].byte_begin;
    bool found = false;
    for (CandidateMention& c : merged) {
      if (c.begin == e + 1 && c.end == e + 2) {
        c.expansion_byte = expansion;
        if (c.kind != merged[k].kind && c.entry < 0) c.kind = merged[k].kind;
        found = true;
      }
    }
    if (!found) {
      CandidateMention c = make(e + 1, e + 2, merged[k].kind);
      c.from_tagger = true;
      c.expansion_byte = expansion;
      merged.push_back(std::move(c));
    }
  }
}

void MentionFinder::AddOtherNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  const int n = static_cast<int>(tokens.size());
  std::vector<CandidateMention>& merged = *candidates;
  auto word = [&](int k) { return k >= 0 && k < n ? base::AsciiLower(tokens[k].text) : std::string(); };
  // "Brazil's Foreign Ministry, known as Itamaraty", "Sabina Shoal, which China calls
  // Xianbin Jiao", "the ... (also known as ...)": the second name is the first one's.
  for (size_t k = 0, count = merged.size(); k < count; ++k) {
    const CandidateMention a = merged[k];
    if (a.kind == EntityKind::kDate) continue;
    int e = a.end;
    if (word(e) != "," && word(e) != "(") continue;
    int start = -1;
    if (word(e + 1) == "known" && word(e + 2) == "as") start = e + 3;
    if (word(e + 1) == "also" && (word(e + 2) == "called" || word(e + 2) == "named")) start = e + 3;
    if (word(e + 1) == "also" && word(e + 2) == "known" && word(e + 3) == "as") start = e + 4;
    if (word(e + 1) == "which" || word(e + 1) == "what") {
      for (int j = e + 2; j < n && j <= e + 6; ++j) {
        if (word(j) == "calls" || word(j) == "call" || word(j) == "called" || word(j) == "name" || word(j) == "names") {
          start = j + 1;
          break;
        }
      }
    }
    if (start < 0 || start >= n || !StartsUpper(tokens[start].text)) continue;
    int end = start;
    while (end < n && StartsUpper(tokens[end].text) && !IsPunct(tokens[end]) && !IsPossessive(tokens[end])) ++end;
    bool blocked = false;
    CandidateMention* same = nullptr;
    for (CandidateMention& c : merged) {
      if (!Overlaps(c, start, end)) continue;
      if (c.begin == start && c.end == end && c.entry < 0) {
        same = &c;
      } else {
        blocked = true;  // a listed name or another span stands
      }
    }
    if (blocked) continue;
    if (!same) {
      merged.push_back(Make(st, start, end, a.kind));
      same = &merged.back();
      same->from_tagger = true;
    }
    same->kind = a.kind;
    same->expansion_byte = a.byte_begin;
    (void)folded;
  }
}

void MentionFinder::AssignRoles(const SentenceState& st, std::vector<CandidateMention>* candidates) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const std::vector<std::string>& folded = st.folded;
  std::vector<CandidateMention>& merged = *candidates;
  // Roles: the title right before a person, and the affiliation right before the title;
  // the owner of an organisation named after a possessive.
  for (CandidateMention& c : merged) {
    if (c.kind == EntityKind::kOrg && c.entry < 0 && c.begin >= 2 && IsPossessive(tokens[c.begin - 1])) {
      for (const CandidateMention& o : merged) {
        if (o.end == c.begin - 1 && o.kind != EntityKind::kDate && o.kind != EntityKind::kPerson) c.owner_byte = o.byte_begin;
      }
    }
    if (c.kind != EntityKind::kPerson) continue;
    c.role = titles_.MatchBefore(tokens, folded, c.begin);
    if (c.role.begin < 0 || c.role.predicate.empty()) continue;
    int a = c.role.begin;
    if (a > 0 && IsPossessive(tokens[a - 1])) --a;
    for (CandidateMention& o : merged) {
      if (o.end == a && o.kind != EntityKind::kDate && &o != &c) {
        c.affiliation_byte = o.byte_begin;
        // No one is a person's title: "Marlow Athletic striker Tomas Novak" names a club.
        if (o.kind == EntityKind::kPerson && o.from_tagger && o.entry < 0 && a == c.role.begin) o.kind = EntityKind::kOrg;
      }
    }
  }
}

bool MentionFinder::TitleBefore(const SentenceState& st, int begin) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  RoleMatch r = titles_.MatchBefore(tokens, st.folded, begin);
  if (r.begin < 0 && begin >= 2 && tokens[begin - 1].text == ",") r = titles_.MatchBefore(tokens, st.folded, begin - 1);
  return r.begin >= 0 && !r.predicate.empty();
}

bool MentionFinder::TitleAfter(const SentenceState& st, int end) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  const int n = static_cast<int>(tokens.size());
  if (end >= n || tokens[end].text != ",") return false;
  // ", [the | a | Tuvalu's] [former] climate minister"
  for (int k = end + 1; k < n && k < end + 7; ++k) {
    const std::string& w = st.folded[k];
    if (titles_.IsTitleWord(w)) return true;
    const bool skip = IsDeterminer(tokens[k].text) || IsPossessive(tokens[k]) || StartsUpper(tokens[k].text) ||
                      titles_.IsTitlePart(w) || (!w.empty() && tokens[k].upos == "NOUN" && k + 1 < n &&
                                                 titles_.IsTitleWord(st.folded[k + 1]));
    if (!skip) return false;
  }
  return false;
}

void MentionFinder::SplitCompounds(const Document& doc, SentenceState& st, const BodyNames& body,
                                   std::vector<CandidateMention>* out) const {
  const std::vector<Token>& tokens = st.sentence->tokens;
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    const std::string& text = tokens[i].text;
    const size_t first_dash = text.find('-');
    if (first_dash == std::string::npos || first_dash == 0 || first_dash + 1 >= text.size()) continue;
    // A listed name covering the token ("Guinea-Bissau") stands.
    bool listed = false;
    for (const CandidateMention& c : *out) listed = listed || (c.begin <= i && i < c.end && c.entry >= 0);
    if (listed) continue;
    struct Part {
      size_t offset;
      std::string text;
      int entry = -1;
      EntityKind kind = EntityKind::kPerson;
      bool known = false;
    };
    std::vector<Part> parts;
    size_t start = 0;
    while (start <= text.size()) {
      size_t dash = text.find('-', start);
      if (dash == std::string::npos) dash = text.size();
      parts.push_back({start, text.substr(start, dash - start)});
      start = dash + 1;
    }
    int known = 0;
    bool unknown_name = false;
    for (Part& p : parts) {
      if (p.text.empty()) {
        unknown_name = true;
        continue;
      }
      if (!StartsUpper(p.text)) {
        // Lowercase parts of "US-led", "anti-Russian" may only modify a known name.
        const Gazetteer::Lookup look = gazetteer_.LookupName(p.text);
        if (look.entry >= 0 && gazetteer_.entry(look.entry).cls == GazetteerClass::kDemonym) unknown_name = true;
        continue;
      }
      const Gazetteer::Lookup look = gazetteer_.LookupName(p.text);
      EntityKind kind;
      if (look.entry >= 0 && !look.ambiguous) {
        p.entry = look.entry;
        p.kind = KindOfClass(gazetteer_.entry(look.entry).cls);
        p.known = true;
      } else if (body.Confirms(base::FoldName(p.text), &kind)) {
        p.kind = kind;
        p.known = true;
      }
      if (p.known) {
        ++known;
      } else {
        unknown_name = true;
      }
    }
    if (known == 0 || unknown_name) continue;
    const bool heading = st.heading;
    out->erase(std::remove_if(out->begin(), out->end(), [&](const CandidateMention& c) {
                 return c.begin <= i && i < c.end && c.end - c.begin == 1;
               }),
               out->end());
    for (const Part& p : parts) {
      if (!p.known) continue;
      CandidateMention c;
      c.sentence = st.index;
      c.begin = i;
      c.end = i + 1;
      c.byte_begin = tokens[i].begin + static_cast<uint32_t>(p.offset);
      c.byte_end = c.byte_begin + static_cast<uint32_t>(p.text.size());
      c.text = p.text;
      c.kind = p.kind;
      c.entry = p.entry;
      c.from_tagger = p.entry < 0;
      c.heading = heading;
      out->push_back(std::move(c));
    }
  }
  (void)doc;
}

bool MentionFinder::CapitalIsActor(const Sentence& s, const CandidateMention& c) const {
  const std::vector<Token>& tokens = s.tokens;
  const int head = c.end - 1;
  // A dateline ("BRUSSELS (AFP) -", "MOSCOW -") names where the story was filed.
  if (c.begin == 0 && c.end < static_cast<int>(tokens.size())) {
    const std::string& next = tokens[c.end].text;
    if (next == "(" || next == "-" || next == "\xE2\x80\x93" || next == "\xE2\x80\x94" || next == ",") return false;
  }
  static const std::unordered_set<std::string> kPlacePreps = {
      "in", "at", "to", "into", "near", "outside", "inside", "across", "around", "from",
      "via", "through", "throughout", "within", "toward", "towards", "visit", "visited"};
  static const std::unordered_set<std::string> kActorRelations = {"nsubj", "nsubj:pass", "obj",      "iobj",
                                                                   "csubj", "obl:agent",  "nmod:poss", "appos"};
  const std::string& deprel = tokens[head].deprel;
  if (!deprel.empty()) {
    // Follow conjunctions to the first conjunct: "talks in Moscow and Kyiv".
    int t = head;
    for (int hops = 0; hops < 4 && tokens[t].deprel == "conj" && tokens[t].head >= 0; ++hops) t = tokens[t].head;
    if (kActorRelations.count(tokens[t].deprel)) return true;
    if (tokens[t].deprel == "obl" || tokens[t].deprel == "nmod" || tokens[t].deprel.rfind("obl:", 0) == 0 ||
        tokens[t].deprel.rfind("nmod:", 0) == 0) {
      for (size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].head == t && tokens[k].deprel == "case") {
          const std::string prep = base::AsciiLower(tokens[k].text);
          return prep == "with" || prep == "by" || prep == "against" || prep == "between" || prep == "on";
        }
      }
    }
    return false;
  }
  // No parse: look at the words around it.
  int p = c.begin - 1;
  while (p >= 0 && (tokens[p].text == "," || tokens[p].text == "and" || StartsUpper(tokens[p].text))) --p;
  if (p >= 0 && kPlacePreps.count(base::AsciiLower(tokens[p].text))) return false;
  if (c.end < static_cast<int>(tokens.size()) && IsPossessive(tokens[c.end])) return true;
  if (c.end < static_cast<int>(tokens.size()) &&
      (tokens[c.end].upos == "VERB" || tokens[c.end].upos == "AUX")) {
    return true;
  }
  if (c.begin > 0 && tokens[c.begin - 1].upos == "VERB") return true;
  return false;
}

}  // namespace kg::extract
