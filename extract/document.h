#pragma once
// The plain structs the NLP pipeline fills in, stage by stage: the tokenizer makes
// tokens and sentences with byte offsets into the text; the tagger, lemmatizer, parser
// and NER tagger fill the remaining fields. No protobuf here: the proto appears only at
// the extractor's output. Value types; not synchronised.

#include <cstdint>
#include <string>
#include <vector>

namespace kg::extract {

struct Token {
  std::string text;         // the surface form exactly as in the text
  uint32_t begin = 0;       // byte offsets into Document::text: [begin, end)
  uint32_t end = 0;
  bool space_after = true;  // whitespace follows in the text (CoNLL-U SpaceAfter)
  std::string upos;         // universal POS tag, e.g. "PROPN"
  std::string xpos;         // Penn tag, e.g. "NNP"
  std::string lemma;
  std::string feats;        // UD morphological features, "_" when none
  int head = -1;            // 0-based index of the head token in the sentence; -1 = root
  std::string deprel;       // UD relation to the head, e.g. "nsubj", "obl:agent"
  std::string ner;          // IOB2 label, e.g. "B-PER", "I-ORG", "O"
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets of the sentence in Document::text
  uint32_t end = 0;
  bool heading = false;  // a line on its own without final punctuation
  bool dateline = false;  // a wire dateline split off its sentence ("NAIROBI, Oct 17 (Reuters) -")
  std::vector<Token> tokens;
};

struct Document {
  std::string text;
  std::vector<Sentence> sentences;
};

}  // namespace kg::extract
