#pragma once
// NER label helpers: the tagger's BILOU labels over PER/ORG/LOC, IOB2 strings, and
// entity spans read from IOB2 sequences (the CoNLL convention: an I- after O or after
// another type starts a new span). Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

// The tagger's entity types, in label order.
inline constexpr int kNerTypeCount = 3;
inline constexpr const char* kNerTypeNames[kNerTypeCount] = {"PER", "ORG", "LOC"};

// BILOU label ids: 0 = O; type t has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
inline constexpr int kNerLabelCount = 1 + 4 * kNerTypeCount;
enum class BilouPart : uint8_t { kO, kB, kI, kL, kU };
inline int BilouLabel(BilouPart part, int type) { return part == BilouPart::kO ? 0 : 1 + 4 * type + int(part) - 1; }
inline BilouPart LabelPart(int label) { return label == 0 ? BilouPart::kO : BilouPart(1 + (label - 1) % 4); }
inline int LabelType(int label) { return label == 0 ? -1 : (label - 1) / 4; }
// Whether `next` may follow `prev` in a BILOU sequence (prev = -1: sentence start).
bool BilouAllowed(int prev, int next);
// Whether `label` may end a sentence.
bool BilouCanEnd(int label);
// "B-PER", "I-LOC", "U-ORG", "O".
std::string BilouName(int label);

struct NerSpan {
  int begin = 0, end = 0;  // token span [begin, end)
  std::string type;        // "PER", "GPE", ...
  bool operator==(const NerSpan& o) const { return begin == o.begin && end == o.end && type == o.type; }
};

// Spans of an IOB2 (or IOB1) label sequence: "B-PER", "I-PER", "O".
std::vector<NerSpan> SpansFromIob2(const std::vector<std::string>& labels);
// IOB2 labels ("B-PER", "I-PER", "O") of `n` tokens with the given spans.
std::vector<std::string> Iob2FromSpans(const std::vector<NerSpan>& spans, int n);
// Spans of a BILOU label id sequence, typed with kNerTypeNames.
std::vector<NerSpan> SpansFromBilou(const std::vector<int>& labels);
// BILOU label ids of `n` tokens with spans typed by kNerTypeNames; other types become O.
std::vector<int> BilouFromSpans(const std::vector<NerSpan>& spans, int n);

}  // namespace kg::extract
