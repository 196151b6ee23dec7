#pragma once
// Datelines: the "NAIROBI, March 3 (Reuters) -" that opens a wire story names where and
// when it was filed, not an actor of its first sentence. Split off as a sentence of its
// own (a heading) before parsing, so the parser does not make "NAIROBI" the subject of
// the first verb. Stateless; thread-safe.

#include <vector>

#include "extract/document.h"

namespace kg::extract {

// Splits a leading dateline off every sentence that starts with one: one or more place
// words in capitals (with "/" or "," between places), optionally a date, optionally an
// agency in parentheses, then a dash ("-", "–", "—"). The dateline becomes a heading
// sentence; token offsets are unchanged. REQUIRES: tokens set, not yet parsed.
void SplitDatelines(std::vector<Sentence>* sentences);

}  // namespace kg::extract
