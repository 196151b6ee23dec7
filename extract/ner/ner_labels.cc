#include "extract/ner/ner_labels.h"

namespace kg::extract {

bool BilouAllowed(int prev, int next) {
  const BilouPart p = prev < 0 ? BilouPart::kO : LabelPart(prev);
  const BilouPart n = LabelPart(next);
  const bool inside = p == BilouPart::kB || p == BilouPart::kI;  // a span is open
  if (inside) return (n == BilouPart::kI || n == BilouPart::kL) && LabelType(prev) == LabelType(next);
  return n == BilouPart::kO || n == BilouPart::kB || n == BilouPart::kU;
}

bool BilouCanEnd(int label) {
  const BilouPart p = LabelPart(label);
  return p != BilouPart::kB && p != BilouPart::kI;
}

std::string BilouName(int label) {
  static const char kParts[] = "OBILU";
  if (label == 0) return "O";
  return std::string(1, kParts[int(LabelPart(label))]) + "-" + kNerTypeNames[LabelType(label)];
}

std::vector<NerSpan> SpansFromIob2(const std::vector<std::string>& labels) {
  std::vector<NerSpan> spans;
  int begin = -1;
  std::string type;
  auto close = [&](int end) {
    if (begin >= 0) spans.push_back({begin, end, type});
    begin = -1;
  };
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    const std::string& l = labels[i];
    if (l.size() < 3 || l[1] != '-' || (l[0] != 'B' && l[0] != 'I')) {
      close(i);
      continue;
    }
    const std::string t = l.substr(2);
    if (l[0] == 'B' || begin < 0 || t != type) {
      close(i);
      begin = i;
      type = t;
    }
  }
  close(static_cast<int>(labels.size()));
  return spans;
}

std::vector<std::string> Iob2FromSpans(const std::vector<NerSpan>& spans, int n) {
  std::vector<std::string> labels(n, "O");
  for (const NerSpan& s : spans) {
    for (int i = s.begin; i < s.end && i < n; ++i) labels[i] = (i == s.begin ? "B-" : "I-") + s.type;
  }
  return labels;
}

std::vector<NerSpan> SpansFromBilou(const std::vector<int>& labels) {
  std::vector<NerSpan> spans;
  int begin = -1;
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    const BilouPart p = LabelPart(labels[i]);
    const int t = LabelType(labels[i]);
    if (p == BilouPart::kU) {
      spans.push_back({i, i + 1, kNerTypeNames[t]});
      begin = -1;
    } else if (p == BilouPart::kB) {
      begin = i;
    } else if (p == BilouPart::kL && begin >= 0) {
      spans.push_back({begin, i + 1, kNerTypeNames[t]});
      begin = -1;
    } else if (p == BilouPart::kO) {
      begin = -1;
    }
  }
  return spans;
}

std::vector<int> BilouFromSpans(const std::vector<NerSpan>& spans, int n) {
  std::vector<int> labels(n, 0);
  for (const NerSpan& s : spans) {
    int type = -1;
    for (int t = 0; t < kNerTypeCount; ++t) {
      if (s.type == kNerTypeNames[t]) type = t;
    }
    if (type < 0 || s.begin < 0 || s.end > n || s.begin >= s.end) continue;
    if (s.end - s.begin == 1) {
      labels[s.begin] = BilouLabel(BilouPart::kU, type);
      continue;
    }
    labels[s.begin] = BilouLabel(BilouPart::kB, type);
    for (int i = s.begin + 1; i + 1 < s.end; ++i) labels[i] = BilouLabel(BilouPart::kI, type);
    labels[s.end - 1] = BilouLabel(BilouPart::kL, type);
  }
  return labels;
}

}  // namespace kg::extract
