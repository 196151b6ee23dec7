#pragma once
// MentionFinder: the candidate entity mentions of a document, before they are grouped
// into entities: tagger spans cleaned of titles, possessives and determiners; gazetteer
// names (typed GPE/LOC/ORG/NORP); dates; capitalised names ending in an organisation
// keyword; parts of hyphenated compounds ("Trump-Putin"); and, in headings, only names
// the gazetteer or the article body confirm. Internal to EntityRecognizer. Immutable;
// Find() is const and thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "extract/ner/entity_recognizer.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/title_lexicon.h"

namespace kg::extract {

struct Document;
struct Sentence;
class Gazetteer;
class NerTagger;

struct CandidateMention {
  int sentence = 0;
  int begin = 0, end = 0;              // token span
  uint32_t byte_begin = 0, byte_end = 0;
  std::string text;                    // Document::text[byte_begin, byte_end)
  EntityKind kind = EntityKind::kPerson;
  int entry = -1;                      // gazetteer entry named, or -1
  bool ambiguous = false;              // the listed name doubles as a common word or given name
  bool from_tagger = false;
  bool heading = false;
  bool dateline = false;               // in a wire dateline ("NAIROBI, Oct 17 (Reuters) -")
  bool actor = false;                  // a capital used for its country
  std::string date;                    // DATE: normalised date or ""
  RoleMatch role;                      // title before a person (begin == -1: none)
  int64_t affiliation_byte = -1;       // byte_begin of the affiliation candidate before the title
  int64_t expansion_byte = -1;         // an acronym in "Name (ACR)", or another name in "Name,
                                       // known as Other": byte_begin of the Name
  int64_t owner_byte = -1;             // an organisation after a possessive ("Kenya's High
                                       // Court"): byte_begin of the possessor
};

// Whether `folded` is an institution that a capitalised word alone names in running text
// ("without consulting Parliament", "a plan by the Treasury").
bool IsInstitutionWord(std::string_view folded);

// The entity type a gazetteer class names (countries, cities, regions: GPE; places: LOC;
// organisations, government bodies, news agencies: ORG; demonyms and groups: NORP).
EntityKind KindOfClass(GazetteerClass cls);

class MentionFinder {
 public:
  // `tagger` may be null. Not owned; must outlive the finder.
  MentionFinder(const Gazetteer& gazetteer, const TitleLexicon& titles, const NerTagger* tagger);
  // Candidates of `doc` in text order (sentence, then byte offset).
  std::vector<CandidateMention> Find(const Document& doc, const std::string& article_date) const;

 private:
  struct SentenceState;
  struct BodyNames;
  // Candidates of one sentence; `names` (null on the first pass over the body) are the
  // body's names, which headings must repeat and which fill in surnames the tagger missed.
  void Candidates(const Document& doc, SentenceState& state, const BodyNames* names,
                  const std::string& article_date, std::vector<CandidateMention>* out) const;
  // The steps of Candidates(), in order.
  static CandidateMention Make(const SentenceState& st, int begin, int end, EntityKind kind);
  std::vector<CandidateMention> TaggerCandidates(const SentenceState& st, const BodyNames* body) const;
  std::vector<CandidateMention> WithListedNames(const SentenceState& st, std::vector<CandidateMention> tagged) const;
  void AddDates(const SentenceState& st, const std::string& article_date, std::vector<CandidateMention>* candidates) const;
  void AddKeywordNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void AddDescribedNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void AddDatelineNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void RefineTypes(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void AddTitledNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void AddBodyNames(const SentenceState& st, const BodyNames& names, bool heading,
                    std::vector<CandidateMention>* candidates) const;
  void AddAcronyms(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void AddOtherNames(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void AssignRoles(const SentenceState& st, std::vector<CandidateMention>* candidates) const;
  void SplitCompounds(const Document& doc, SentenceState& state, const BodyNames& body,
                      std::vector<CandidateMention>* out) const;
  bool CapitalIsActor(const Sentence& sentence, const CandidateMention& c) const;
  // A title (with its predicate) ends right before `begin`, or before a comma there.
  bool TitleBefore(const SentenceState& st, int begin) const;
  // ", the climate minister" (an apposition with a title) follows `end`.
  bool TitleAfter(const SentenceState& st, int end) const;

  const Gazetteer& gazetteer_;
  const TitleLexicon& titles_;
  const NerTagger* tagger_;
};

}  // namespace kg::extract
