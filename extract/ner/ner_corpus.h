#pragma once
// NerCorpus: reading NER training and evaluation data into plain examples: IOB2 files
// in the Universal NER layout, POS tags attached from the matching UD CoNLL-U file, and
// the named person/place/organization mentions of GUM CoNLL-U files (Entity= in MISC).
// Free functions; thread-safe.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/document.h"
#include "extract/ner/ner_labels.h"

namespace kg::extract {

class TitleLexicon;
struct ConlluSentence;

// One sentence with gold entity spans. Token text, upos and xpos are filled; byte
// offsets are those of the tokens joined by single spaces.
struct NerExample {
  std::string doc_id;   // "# newdoc id" in force, "" when none
  std::string sent_id;  // "# sent_id", or "<source>:<line>" when absent
  std::vector<Token> tokens;
  std::vector<NerSpan> spans;  // PER / ORG / LOC
};

// Reads IOB2 text: "# sent_id = X" / "# newdoc id = X" comments, then one token a line,
// either "index<TAB>token<TAB>label[<TAB>...]" (UNER) or "token<TAB>label"
// ("token label" with a space also works); a blank line ends a sentence. Labels of
// other types (B-OTH, B-MISC, B-O, B-GPE is kept as LOC) become O. Errors name source:line.
base::Result<std::vector<NerExample>> ReadIob2(std::istream& in, std::string_view source);
base::Result<std::vector<NerExample>> ReadIob2File(const std::string& path);

// Copies UPOS and XPOS from a treebank holding the same sentences, matched by sent_id
// (tokens aligned by characters where the tokenisation differs). Fails naming the first
// sentence it cannot find.
base::Status AttachTags(const std::vector<ConlluSentence>& treebank, const std::string& source,
                        std::vector<NerExample>* examples);
// The same from a CoNLL-U file.
base::Status AttachConlluTags(const std::string& conllu_path, std::vector<NerExample>* examples);

// Writes sentences as IOB2 in the Universal NER layout read by ReadIob2: "# sent_id",
// "# text", then "index<TAB>token<TAB>label" (Token::ner, "O" when empty), a blank line
// after each sentence.
void WriteIob2(const std::vector<Sentence>& sentences, std::ostream& out, const std::string& id_prefix = "");

// The sentences of a GUM CoNLL-U file with its named person, place and organization
// mentions as PER / LOC / ORG spans: mentions trimmed to their proper-noun core, leading
// titles dropped when `titles` is given, outermost span kept when nested.
base::Result<std::vector<NerExample>> ReadGumConllu(const std::string& path, const TitleLexicon* titles);

}  // namespace kg::extract
