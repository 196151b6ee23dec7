#pragma once
// ArticleGraphBuilder: turns one analysed article (document, referents, relations) into
// the proto ArticleGraph the rest of kg speaks. Entities get stable ids from type and
// canonical name; capitals that only ever act for their country fold into it; relations
// that say the same thing twice become one relation with two pieces of evidence, each
// with its sentence, code point span and rule. Stateless; thread-safe.

#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/relations/extracted_relation.h"
#include "extract/relations/referents.h"

namespace kg::proto {
class ArticleGraph;
}

namespace kg::extract {

class ArticleGraphBuilder {
 public:
  // The graph of `article` (its id, date, title, source and path must be set).
  // REQUIRES: `doc` is the analysis of article.text; references and relations index it.
  static proto::ArticleGraph Build(const ArticleText& article, const Document& doc, const ArticleReferents& refs,
                                   const std::vector<ExtractedRelation>& relations);
};

}  // namespace kg::extract
