#pragma once
// Builds relation-extractor inputs by hand for tests: a parsed Document from CoNLL-U
// written in the test, and the referents/references NER and coreference would give.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/relations/extracted_relation.h"
#include "extract/relations/referents.h"
#include "extract/syntax/conllu.h"

namespace kg::testing {

struct RelationFixture {
  extract::Document doc;
  extract::ArticleReferents refs;

  // Appends the sentences of a CoNLL-U snippet.
  void Parse(const std::string& conllu) {
    auto parsed = extract::ParseConllu(conllu, "fixture");
    REQUIRE(parsed.ok());
    for (auto& s : *parsed) doc.sentences.push_back(std::move(s.sentence));
  }
  int Add(const std::string& name, extract::ReferentKind kind, int country = -1) {
    extract::Referent r;
    r.name = name;
    r.kind = kind;
    r.country = country;
    refs.referents.push_back(r);
    return static_cast<int>(refs.referents.size()) - 1;
  }
  // A reference in sentence `s` over tokens [begin, end) (0-based) to `referents`.
  void Ref(int s, int begin, int end, std::vector<int> referents,
           extract::ReferenceSource source = extract::ReferenceSource::kName) {
    extract::Reference ref;
    ref.sentence = s;
    ref.begin = begin;
    ref.end = end;
    ref.referents = std::move(referents);
    ref.source = source;
    refs.references.push_back(ref);
  }
  void Time(int s, int begin, int end, const std::string& date) {
    refs.times.push_back({s, begin, end, date});
  }
};

// The relations from `subject` to `object` (either direction when symmetric) with a
// predicate among `predicates`.
inline std::vector<extract::ExtractedRelation> Find(const std::vector<extract::ExtractedRelation>& rels, int subject,
                                                    int object, const std::vector<std::string>& predicates) {
  std::vector<extract::ExtractedRelation> out;
  for (const auto& r : rels) {
    const bool ends = (r.subject == subject && r.object == object) ||
                      (r.symmetric && r.subject == object && r.object == subject);
    if (!ends) continue;
    for (const auto& p : predicates) {
      if (r.predicate == p) out.push_back(r);
    }
  }
  return out;
}

}  // namespace kg::testing
