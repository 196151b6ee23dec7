#pragma once
// TitleLexicon: titles and roles written before a name (data/gazetteer/titles.tsv):
// "US Defence Secretary Pete Hegseth" has the role "defence secretary" with the role
// predicate secretary_of. A role is modifier* portfolio* head, optionally followed by
// "of" portfolio+ ("Secretary of State"); honorifics ("Mr.", "Dr.") carry no role.
// Immutable once loaded; const methods are thread-safe.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"

namespace kg::extract {

struct Token;

// A title phrase found right before a name.
struct RoleMatch {
  int begin = -1;         // first token of the title (modifiers included)
  int end = -1;           // one past its last token: where the name starts
  std::string role;       // lowercase title words, e.g. "defence secretary", "former president"
  std::string predicate;  // e.g. "secretary_of"; empty for an honorific alone
};

class TitleLexicon {
 public:
  // Loads <dir>/titles.tsv.
  static base::Result<std::unique_ptr<TitleLexicon>> LoadDir(const std::string& dir);
  // Reads a "# kg-gazetteer titles v1" file; `source` names it in errors.
  static base::Result<std::unique_ptr<TitleLexicon>> Load(std::istream& in, std::string_view source);

  // The longest title that ends at token `name_begin` - 1, or a match with begin == -1.
  // `folded` holds FoldName of each token (FoldTokens in gazetteer.h).
  RoleMatch MatchBefore(const std::vector<Token>& tokens, const std::vector<std::string>& folded,
                        int name_begin) const;
  // Whether a folded word is a title head or honorific ("president", "mr"): a tagger cue.
  bool IsTitleWord(std::string_view folded) const;
  // Whether a folded word is any part of a title ("defence", "former", "secretary").
  bool IsTitlePart(std::string_view folded) const;

 private:
  enum Kind : uint8_t { kHead = 1, kPortfolio = 2, kModifier = 4, kHonorific = 8 };
  struct Phrase {
    uint8_t kinds = 0;
    std::string predicate;  // for heads
  };
  // The phrase of kind in `kinds` ending at token `last` (longest), its first token in *first.
  const Phrase* PhraseEndingAt(const std::vector<Token>& tokens, const std::vector<std::string>& folded, int last,
                               uint8_t kinds, int* first) const;

  std::unordered_map<std::string, Phrase> phrases_;  // folded phrase -> kinds
  // The proper word suffixes of the phrases ("minister" and "prime minister" of
  // "deputy prime minister"): a phrase ending in words that are none of these cannot
  // grow leftwards into a title, so PhraseEndingAt stops there.
  std::unordered_set<std::string> suffixes_;
  int max_words_ = 1;
};

}  // namespace kg::extract
