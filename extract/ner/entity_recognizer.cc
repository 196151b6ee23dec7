#include "extract/ner/entity_recognizer.h"

#include "extract/document.h"
#include "extract/ner/entity_resolver.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/mention_finder.h"
#include "extract/ner/ner_tagger.h"
#include "extract/ner/title_lexicon.h"

namespace kg::extract {

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "PERSON";
    case EntityKind::kOrg:
      return "ORG";
    case EntityKind::kGpe:
      return "GPE";
    case EntityKind::kLoc:
      return "LOC";
    case EntityKind::kNorp:
      return "NORP";
    case EntityKind::kDate:
      return "DATE";
  }
  return "ORG";
}

const char* EntityKindLabel(EntityKind kind) { return kind == EntityKind::kPerson ? "PER" : EntityKindName(kind); }

EntityRecognizer::EntityRecognizer() = default;
EntityRecognizer::~EntityRecognizer() = default;

base::Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Load(const std::string& models_dir,
                                                                       const std::string& data_dir) {
  auto gazetteer = Gazetteer::LoadDir(data_dir + "/gazetteer");
  if (!gazetteer.ok()) return gazetteer.status();
  auto titles = TitleLexicon::LoadDir(data_dir + "/gazetteer");
  if (!titles.ok()) return titles.status();
  auto tagger = NerTagger::LoadFile(models_dir + "/ner.bin");
  if (!tagger.ok()) return tagger.status();
  return FromParts(std::move(*gazetteer), std::move(*titles), std::move(*tagger));
}

std::unique_ptr<EntityRecognizer> EntityRecognizer::FromParts(std::unique_ptr<Gazetteer> gazetteer,
                                                              std::unique_ptr<TitleLexicon> titles,
                                                              std::unique_ptr<NerTagger> tagger) {
  auto recognizer = std::unique_ptr<EntityRecognizer>(new EntityRecognizer());
  recognizer->gazetteer_ = std::move(gazetteer);
  recognizer->titles_ = std::move(titles);
  recognizer->tagger_ = std::move(tagger);
  return recognizer;
}

ArticleEntities EntityRecognizer::Recognize(Document& doc, const std::string& article_date) const {
  const MentionFinder finder(*gazetteer_, *titles_, tagger_.get());
  const std::vector<CandidateMention> candidates = finder.Find(doc, article_date);
  ArticleEntities result = EntityResolver(*gazetteer_, *titles_).Resolve(candidates);

  // Token::ner: IOB2 of the mentions; a token holding two names ("Trump-Putin") takes the first.
  static const std::string kOutside = "O";
  for (Sentence& s : doc.sentences) {
    for (Token& t : s.tokens) t.ner = kOutside;
  }
  for (const Mention& m : result.mentions) {
    std::vector<Token>& tokens = doc.sentences[m.sentence].tokens;
    bool free = true;
    for (int i = m.begin; i < m.end; ++i) free = free && tokens[i].ner == kOutside;
    if (!free) continue;
    const std::string type = EntityKindLabel(m.type);
    for (int i = m.begin; i < m.end; ++i) tokens[i].ner = (i == m.begin ? "B-" : "I-") + type;
  }
  return result;
}

}  // namespace kg::extract
