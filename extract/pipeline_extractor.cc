#include "extract/pipeline_extractor.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "extract/article_graph_builder.h"
#include "extract/dateline.h"
#include "extract/text/tokenizer.h"
#include "extract/coref/coreference.h"
#include "extract/ner/entity_recognizer.h"
#include "extract/relations/event_lexicon.h"
#include "extract/relations/parse_repair.h"
#include "extract/relations/relation_extractor.h"
#include "extract/syntax/analyzer.h"
#include "proto/kg.pb.h"

namespace kg::extract {

using base::Result;
using base::Status;

namespace {

// Offices a country has one (or a cabinet) of, which a story about that country names
// without the country.
bool IsNationalOffice(const std::string& predicate) {
  return predicate == "president_of" || predicate == "vice_president_of" || predicate == "prime_minister_of" ||
         predicate == "minister_of" || predicate == "chancellor_of" || predicate == "monarch_of" ||
         predicate == "attorney_general_of" || predicate == "crown_prince_of" || predicate == "secretary_of";
}

ReferentKind KindOf(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return ReferentKind::kPerson;
    case EntityKind::kOrg:
      return ReferentKind::kOrg;
    case EntityKind::kGpe:
      return ReferentKind::kGpe;
    case EntityKind::kLoc:
      return ReferentKind::kLoc;
    case EntityKind::kNorp:
      return ReferentKind::kNorp;
    case EntityKind::kDate:
      return ReferentKind::kDate;
  }
  return ReferentKind::kOther;
}

}  // namespace

PipelineExtractor::PipelineExtractor() = default;
PipelineExtractor::~PipelineExtractor() = default;

Result<std::unique_ptr<PipelineExtractor>> PipelineExtractor::Load(const std::string& models_dir,
                                                                   const std::string& data_dir) {
  std::unique_ptr<PipelineExtractor> p(new PipelineExtractor());
  auto analyzer = Analyzer::Load(models_dir);
  if (!analyzer.ok()) return analyzer.status();
  p->analyzer_ = std::move(analyzer).value();
  auto recognizer = EntityRecognizer::Load(models_dir, data_dir);
  if (!recognizer.ok()) return recognizer.status();
  p->recognizer_ = std::move(recognizer).value();
  auto coref = Coreference::LoadFromDir(data_dir);
  if (!coref.ok()) return coref.status();
  p->coref_ = std::move(coref).value();
  auto lexicon = EventLexicon::LoadFromDir(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  p->lexicon_ = std::make_unique<EventLexicon>(std::move(lexicon).value());
  p->relations_ = std::make_unique<RelationExtractor>(*p->lexicon_);
  return p;
}

void PipelineExtractor::ConsolidateNames(const ArticleEntities& entities, Document* doc) {
  // Per sentence: each titled name with its title (and the affiliation right before the
  // title, "US Defence Secretary …"), and each multi-word name, as one phrase.
  std::vector<std::vector<std::pair<int, int>>> spans(doc->sentences.size());
  std::vector<std::vector<int>> heads(doc->sentences.size());
  // Titled names first: "South Korean President Lee Ji-won" is one phrase, whatever the
  // two-word demonym inside it would make on its own.
  std::vector<const Mention*> ordered;
  for (const Mention& m : entities.mentions) {
    if (!m.role.empty()) ordered.push_back(&m);
  }
  for (const Mention& m : entities.mentions) {
    if (m.role.empty()) ordered.push_back(&m);
  }
  for (const Mention* mention : ordered) {
    const Mention& m = *mention;
    if (m.sentence < 0 || m.sentence >= static_cast<int>(doc->sentences.size()) || m.type == EntityKind::kDate) continue;
    const auto& tokens = doc->sentences[m.sentence].tokens;
    int begin = m.begin;
    if (!m.role.empty()) {
      const int words = 1 + static_cast<int>(std::count(m.role.begin(), m.role.end(), ' '));
      begin = std::max(0, m.begin - words);
      for (const Mention& other : entities.mentions) {
        if (other.sentence == m.sentence && other.end == begin && other.entity == m.role_of) begin = other.begin;
      }
    }
    if (m.end - begin < 2) continue;
    // The name's own head: its token whose head lies outside the name.
    int head = m.end - 1;
    for (int t = m.begin; t < m.end; ++t) {
      if (tokens[t].head < m.begin || tokens[t].head >= m.end) {
        head = t;
        break;
      }
    }
    auto& list = spans[m.sentence];
    bool overlaps = false;
    for (const auto& [b, e] : list) overlaps |= b < m.end && begin < e;
    if (overlaps) continue;
    list.emplace_back(begin, m.end);
    heads[m.sentence].push_back(head);
  }
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    if (!spans[s].empty()) ConsolidatePhrases(&doc->sentences[s], spans[s], heads[s]);
  }
}

ArticleReferents PipelineExtractor::ToReferents(const ArticleEntities& entities,
                                                std::vector<ExtractedRelation>* title_roles) {
  ArticleReferents refs;
  refs.home_country = entities.home_country;
  for (const EntityInfo& e : entities.entities) {
    Referent r;
    r.name = e.canonical;
    r.aliases = e.aliases;
    r.kind = KindOf(e.type);
    r.subtype = e.subtype;
    r.date = e.date;
    if (e.linked_to >= 0 && e.link_predicate == "part_of") r.parent = e.linked_to;
    r.generic_name = e.generic_name;
    r.plural = e.type == EntityKind::kNorp;
    refs.referents.push_back(std::move(r));
  }
  // One reference per token span: "Trump-Putin" is one token naming two people.
  std::map<std::tuple<int, int, int>, size_t> by_span;
  for (const Mention& m : entities.mentions) {
    if (m.entity < 0 || m.entity >= static_cast<int>(refs.referents.size())) continue;
    Referent& referent = refs.referents[m.entity];
    if (m.type == EntityKind::kDate) {
      if (!referent.date.empty()) refs.times.push_back({m.sentence, m.begin, m.end, referent.date});
      continue;
    }
    const auto key = std::make_tuple(m.sentence, m.begin, m.end);
    auto [it, fresh] = by_span.emplace(key, refs.references.size());
    if (fresh) {
      Reference ref;
      ref.sentence = m.sentence;
      ref.begin = m.begin;
      ref.end = m.end;
      ref.source = m.from_demonym ? ReferenceSource::kDemonym : ReferenceSource::kName;
      refs.references.push_back(std::move(ref));
    }
    auto& ids = refs.references[it->second].referents;
    if (std::find(ids.begin(), ids.end(), m.entity) == ids.end()) ids.push_back(m.entity);

    if (m.role.empty()) continue;
    if (std::find(referent.roles.begin(), referent.roles.end(), m.role) == referent.roles.end()) {
      referent.roles.push_back(m.role);
    }
    const int role_of = m.role_of;
    if (role_of < 0 || role_of == m.entity || m.role_predicate.empty()) continue;
    if (refs.referents[role_of].kind == ReferentKind::kGpe && referent.country < 0) referent.country = role_of;
    if (std::find(referent.affiliations.begin(), referent.affiliations.end(), role_of) == referent.affiliations.end()) {
      referent.affiliations.push_back(role_of);
    }
    ExtractedRelation role;
    role.subject = m.entity;
    role.object = role_of;
    role.predicate = m.role_predicate;
    // "Republican Senator X": a party's member, not its senator.
    if (refs.referents[role_of].kind == ReferentKind::kNorp) role.predicate = "member_of";
    role.category = "ROLE";
    role.sentence = m.sentence;
    role.first_token = m.begin;
    role.last_token = m.end - 1;
    // The evidence starts at the affiliation when it precedes the title ("US Defence…").
    for (const Mention& other : entities.mentions) {
      if (other.sentence == m.sentence && other.entity == role_of && other.end <= m.begin) {
        role.first_token = std::min(role.first_token, other.begin);
      }
    }
    role.rule = "role:title";
    title_roles->push_back(std::move(role));
  }
  return refs;
}

std::vector<ExtractedRelation> PipelineExtractor::HomeCountryRoles(const ArticleEntities& entities, const Document& doc,
                                                                   const std::vector<ExtractedRelation>& relations) {
  std::vector<ExtractedRelation> out;
  if (entities.home_country < 0) return out;
  std::set<int> has_role;
  for (const ExtractedRelation& r : relations) {
    if (r.category == "ROLE") has_role.insert(r.subject);
  }
  for (const Mention& m : entities.mentions) {
    if (m.role_of >= 0 || !IsNationalOffice(m.role_predicate) || has_role.count(m.entity) ||
        m.entity == entities.home_country || m.sentence >= static_cast<int>(doc.sentences.size())) {
      continue;
    }
    // The title as a title: capitalised, and not after a capitalised word it could belong
    // to ("LSK president Brian Otieno" is the LSK's).
    const auto& tokens = doc.sentences[m.sentence].tokens;
    const int words = 1 + static_cast<int>(std::count(m.role.begin(), m.role.end(), ' '));
    const int title = m.begin - words;
    if (title < 0 || tokens[title].text.empty() || !std::isupper(static_cast<unsigned char>(tokens[title].text[0]))) continue;
    if (title > 0 && !tokens[title - 1].text.empty() && std::isupper(static_cast<unsigned char>(tokens[title - 1].text[0]))) {
      continue;
    }
    ExtractedRelation role;
    role.subject = m.entity;
    role.object = entities.home_country;
    role.predicate = m.role_predicate;
    role.category = "ROLE";
    role.sentence = m.sentence;
    role.first_token = title;
    role.last_token = m.end - 1;
    role.rule = "role:title-home-country";
    out.push_back(std::move(role));
    has_role.insert(m.entity);
  }
  return out;
}

void PipelineExtractor::RepairParses(Document* doc) const {
  const auto is_reporting = [this](const std::string& lemma) {
    const EventSense* sense = lexicon_->Verb(lemma);
    return sense != nullptr && sense->reporting;
  };
  for (Sentence& s : doc->sentences) RepairParse(&s, is_reporting);
}

ArticleReferents PipelineExtractor::Referents(Document* doc, const std::string& article_date) const {
  analyzer_->AnalyzeSentences(&doc->sentences);
  RepairParses(doc);
  const ArticleEntities entities = recognizer_->Recognize(*doc, article_date);
  ConsolidateNames(entities, doc);
  std::vector<ExtractedRelation> roles;
  ArticleReferents refs = ToReferents(entities, &roles);
  coref_->AssignGenders(&refs);
  coref_->Resolve(*doc, &refs);
  return refs;
}

ArticleAnalysis PipelineExtractor::Analyze(const ArticleText& article) const {
  ArticleAnalysis a;
  a.doc.text = article.text;
  a.doc.sentences = analyzer_->tokenizer().Tokenize(a.doc.text);
  SplitDatelines(&a.doc.sentences);
  analyzer_->AnalyzeSentences(&a.doc.sentences);
  RepairParses(&a.doc);
  const ArticleEntities entities = recognizer_->Recognize(a.doc, article.date);
  ConsolidateNames(entities, &a.doc);
  a.referents = ToReferents(entities, &a.relations);
  coref_->AssignGenders(&a.referents);
  coref_->Resolve(a.doc, &a.referents);
  std::vector<ExtractedRelation> found = relations_->Extract(a.doc, a.referents);
  a.relations.insert(a.relations.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  std::vector<ExtractedRelation> home = HomeCountryRoles(entities, a.doc, a.relations);
  a.relations.insert(a.relations.end(), std::make_move_iterator(home.begin()), std::make_move_iterator(home.end()));
  for (ExtractedRelation& r : a.relations) {
    if (r.category == "ROLE") r.cooperation = lexicon_->Cooperation("ROLE");
  }
  return a;
}

Result<proto::ArticleGraph> PipelineExtractor::Extract(const ArticleText& article) const {
  if (article.text.empty()) return Status::InvalidArgument(article.path + ": the article is empty");
  const ArticleAnalysis a = Analyze(article);
  ArticleText named = article;
  if (named.id.empty()) named.id = ArticleId(article.text);
  return ArticleGraphBuilder::Build(named, a.doc, a.referents, a.relations);
}

}  // namespace kg::extract
