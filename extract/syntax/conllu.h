#pragma once
// CoNLL-U reading and writing (https://universaldependencies.org/format.html) for the
// tagger/parser training tools, `kg annotate --format conllu`, evaluation and tests.
// Multiword-token lines (3-4 don't) are kept as ranges; empty nodes (8.1) are skipped.
// Free functions and plain structs; thread-safe.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/document.h"

namespace kg::extract {

// A multiword token: surface `form` spanning words [first, last] (0-based, inclusive).
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
};

// One sentence of a CoNLL-U file. Token::begin/end are byte offsets into `text` (the
// `# text` comment when it matches the forms, else the forms joined by SpaceAfter).
struct ConlluSentence {
  std::string sent_id;
  std::string text;
  bool new_doc = false;
  bool new_par = false;
  Sentence sentence;
  std::vector<MultiwordToken> multiword;
};

// Parses a whole CoNLL-U document. Fails with InvalidArgument naming `source`, the line
// number and what was expected (10 columns, integer ids in order, heads in range).
base::Result<std::vector<ConlluSentence>> ParseConllu(std::string_view content,
                                                      const std::string& source);

// Reads and parses a CoNLL-U file (NotFound / IOError / InvalidArgument).
base::Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Writes sentences of `doc` as CoNLL-U: `# sent_id = <prefix><n>` and `# text` comments,
// then one line per token (HEAD 0 for root, "_" for empty fields, SpaceAfter=No and a
// non-"O" NER label in MISC). Deterministic.
void WriteConllu(const Document& doc, std::ostream& out, const std::string& id_prefix = "");

// The same for sentences without a document text (`# text` rebuilt from SpaceAfter).
void WriteConlluSentences(const std::vector<Sentence>& sentences, std::ostream& out,
                          const std::string& id_prefix = "");

}  // namespace kg::extract
