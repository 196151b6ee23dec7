#pragma once
// PipelineExtractor: the Extractor kg ships. Text -> tokens, tags, lemmas and trees
// (Analyzer) -> named entities with roles and dates (EntityRecognizer) -> pronouns,
// groups and descriptions (Coreference) -> relations (RelationExtractor) -> the proto
// ArticleGraph (ArticleGraphBuilder). Every stage loads its model or lexicon from
// models/ and data/. Immutable after Load(); Extract() is thread-safe.

#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/relations/extracted_relation.h"
#include "extract/relations/referents.h"

namespace kg::extract {

class Analyzer;
class Coreference;
class EntityRecognizer;
class EventLexicon;
class RelationExtractor;
struct ArticleEntities;

// Everything the pipeline found in one article, before it becomes a proto graph.
struct ArticleAnalysis {
  Document doc;
  ArticleReferents referents;
  std::vector<ExtractedRelation> relations;
};

class PipelineExtractor : public Extractor {
 public:
  // Loads models (tagger, lemmatizer, parser, ner) from `models_dir` and lexicons
  // (gazetteer, events, coref) from `data_dir`; fails naming the file and the problem.
  static base::Result<std::unique_ptr<PipelineExtractor>> Load(const std::string& models_dir,
                                                               const std::string& data_dir);
  ~PipelineExtractor() override;

  base::Result<proto::ArticleGraph> Extract(const ArticleText& article) const override;
  // The same analysis without the proto output, for tools and tests.
  ArticleAnalysis Analyze(const ArticleText& article) const;
  // Names, pronouns and descriptions of an already tokenised document (tags and trees are
  // computed); for coreference evaluation on treebank text.
  ArticleReferents Referents(Document* doc, const std::string& article_date) const;

  // Referents and references for the entities NER found, and the relations their titles
  // state ("US Defence Secretary Pete Hegseth": secretary_of United States).
  static ArticleReferents ToReferents(const ArticleEntities& entities, std::vector<ExtractedRelation>* title_roles);
  // A national office held without a named country ("President Mahamat Idriss Déby"), in a
  // story about one country (ArticleEntities::home_country): that country's, for persons
  // `relations` give no role. Wire style names any other country ("U.S. President ...").
  static std::vector<ExtractedRelation> HomeCountryRoles(const ArticleEntities& entities, const Document& doc,
                                                         const std::vector<ExtractedRelation>& relations);

 private:
  PipelineExtractor();
  // Fixes the parser's usual attachment errors the relation rules depend on.
  void RepairParses(Document* doc) const;
  // Makes every name, with its title, one noun phrase in the parse (ConsolidatePhrases).
  static void ConsolidateNames(const ArticleEntities& entities, Document* doc);
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<EntityRecognizer> recognizer_;
  std::unique_ptr<Coreference> coref_;
  std::unique_ptr<EventLexicon> lexicon_;
  std::unique_ptr<RelationExtractor> relations_;
};

}  // namespace kg::extract
