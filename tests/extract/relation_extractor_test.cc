#include "extract/relations/relation_extractor.h"

#include <catch2/catch.hpp>

#include "extract/relations/event_lexicon.h"
#include "tests/extract/relation_fixture.h"
#include "tests/test_util.h"

using namespace kg::extract;
using kg::testing::Find;
using kg::testing::RelationFixture;

namespace {

const EventLexicon& Lexicon() {
  static const EventLexicon lex = [] {
    auto r = EventLexicon::LoadFromDir(kg::testing::SourceDir() + "/data");
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return lex;
}

std::vector<ExtractedRelation> Run(const RelationFixture& f) {
  return RelationExtractor(Lexicon()).Extract(f.doc, f.refs);
}

}  // namespace

TEST_CASE("RelationExtractor: coordinated subjects of a light verb make a symmetric edge", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tPutin\tPutin\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\theld\thold\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "6\ttelephone\ttelephone\tNOUN\tNN\t_\t7\tcompound\t_\t_\n"
      "7\tconversation\tconversation\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
      "8\ton\ton\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tJune\tJune\tPROPN\tNNP\t_\t4\tobl\t_\t_\n"
      "10\t4\t4\tNUM\tCD\t_\t9\tnummod\t_\t_\n"
      "11\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const int trump = f.Add("Donald Trump", ReferentKind::kPerson);
  const int putin = f.Add("Vladimir Putin", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {trump});
  f.Ref(0, 2, 3, {putin});
  f.Time(0, 8, 10, "2025-06-04");
  const auto rels = Run(f);
  const auto talk = Find(rels, trump, putin, {"talk"});
  REQUIRE(talk.size() == 1);
  CHECK(talk[0].symmetric);
  CHECK(talk[0].category == "CONSULT");
  CHECK(talk[0].event_date == "2025-06-04");
  CHECK(talk[0].rule == "clause:light-verb:coordinated");
  CHECK(talk[0].polarity == Polarity::kAsserted);
}

TEST_CASE("RelationExtractor: a passive with a by-agent, actors named by demonyms", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tIndian\tIndian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
      "2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"
      "3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
      "4\twounded\twound\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "6\tPakistani\tPakistani\tADJ\tJJ\t_\t7\tamod\t_\t_\n"
      "7\ttroops\ttroop\tNOUN\tNNS\t_\t4\tobl:agent\t_\t_\n"
      "8\ton\ton\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tMonday\tMonday\tPROPN\tNNP\t_\t4\tobl\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const int india = f.Add("India", ReferentKind::kGpe);
  const int pakistan = f.Add("Pakistan", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {india}, ReferenceSource::kDemonym);
  f.Ref(0, 5, 6, {pakistan}, ReferenceSource::kDemonym);
  f.Time(0, 8, 9, "2025-03-10");
  const auto rels = Run(f);
  const auto wound = Find(rels, pakistan, india, {"wound"});
  REQUIRE(wound.size() == 1);
  CHECK(wound[0].category == "ASSAULT");
  CHECK(wound[0].event_date == "2025-03-10");
  CHECK(Find(rels, india, pakistan, {"wound"}).empty());
}

TEST_CASE("RelationExtractor: possessor of the object, shared subject of a participle", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\trefused\trefuse\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tUkraine\tUkraine\tPROPN\tNNP\t_\t5\tnmod:poss\t_\t_\n"
      "4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_\n"
      "5\tdemand\tdemand\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\tfor\tfor\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "7\ta\ta\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "8\tceasefire\tceasefire\tNOUN\tNN\t_\t5\tnmod\t_\t_\n"
      "9\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_\n"
      "10\toffering\toffer\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n"
      "11\tonly\tonly\tADV\tRB\t_\t12\tadvmod\t_\t_\n"
      "12\tpauses\tpause\tNOUN\tNNS\t_\t10\tobj\t_\t_\n"
      "13\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int russia = f.Add("Russia", ReferentKind::kGpe);
  const int ukraine = f.Add("Ukraine", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {russia});
  f.Ref(0, 2, 3, {ukraine});
  const auto rels = Run(f);
  const auto refuse = Find(rels, russia, ukraine, {"refuse"});
  REQUIRE(refuse.size() == 1);
  CHECK(refuse[0].category == "REJECT");
  CHECK(refuse[0].polarity == Polarity::kAsserted);  // refusing is REJECT, not a negated AGREE
  CHECK(refuse[0].rule == "clause:via-modifier");
  SECTION("the participle's subject is the main clause's, and its object a concept") {
    bool found = false;
    for (const auto& r : rels) {
      if (r.subject == russia && r.predicate == "offer" && r.object_concept == "pauses") found = true;
    }
    CHECK(found);
  }
}

TEST_CASE("RelationExtractor: control verbs, event nouns as obliques, hedges", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tPutin\tPutin\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
      "2\treportedly\treportedly\tADV\tRB\t_\t3\tadvmod\t_\t_\n"
      "3\toffered\toffer\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tparticipate\tparticipate\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
      "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\ttalks\ttalk\tNOUN\tNNS\t_\t5\tobl\t_\t_\n"
      "8\twith\twith\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tIran\tIran\tPROPN\tNNP\t_\t7\tnmod\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int putin = f.Add("Vladimir Putin", ReferentKind::kPerson);
  const int iran = f.Add("Iran", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {putin});
  f.Ref(0, 8, 9, {iran});
  const auto rels = Run(f);
  const auto participate = Find(rels, putin, iran, {"participate"});
  REQUIRE(participate.size() == 1);
  CHECK(participate[0].modality == Modality::kReported);
}

TEST_CASE("RelationExtractor: reported speech, attribution and 'this stance'", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tclaimed\tclaim\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "4\tPutin\tPutin\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\tagreed\tagree\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
      "6\twith\twith\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "7\tthis\tthis\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "8\tstance\tstance\tNOUN\tNN\t_\t5\tobl\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int trump = f.Add("Donald Trump", ReferentKind::kPerson);
  const int putin = f.Add("Vladimir Putin", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {trump});
  f.Ref(0, 3, 4, {putin});
  const auto rels = Run(f);
  const auto claim = Find(rels, trump, putin, {"claim"});
  REQUIRE(claim.size() == 1);
  CHECK(claim[0].category == "STATEMENT");
  const auto agree = Find(rels, putin, trump, {"agree"});
  REQUIRE(agree.size() == 1);
  CHECK(agree[0].attributed_to == trump);
}

TEST_CASE("RelationExtractor: negation and future modality", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tColombia\tColombia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\twill\twill\tAUX\tMD\t_\t4\taux\t_\t_\n"
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\trecognise\trecognise\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "5\tVenezuela\tVenezuela\tPROPN\tNNP\t_\t7\tnmod:poss\t_\t_\n"
      "6\t's\t's\tPART\tPOS\t_\t5\tcase\t_\t_\n"
      "7\tgovernment\tgovernment\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const int colombia = f.Add("Colombia", ReferentKind::kGpe);
  const int venezuela = f.Add("Venezuela", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {colombia});
  f.Ref(0, 4, 5, {venezuela});
  const auto rels = Run(f);
  const auto recognise = Find(rels, colombia, venezuela, {"recognise"});
  REQUIRE(recognise.size() == 1);
  CHECK(recognise[0].polarity == Polarity::kNegated);
  CHECK(recognise[0].modality == Modality::kIntended);
}

TEST_CASE("RelationExtractor: a possessive nominal event with a demonym target", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tUkraine\tUkraine\tPROPN\tNNP\t_\t4\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tdrone\tdrone\tNOUN\tNN\t_\t4\tcompound\t_\t_\n"
      "4\tstrike\tstrike\tNOUN\tNN\t_\t8\tnsubj\t_\t_\n"
      "5\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "6\tRussian\tRussian\tADJ\tJJ\t_\t7\tamod\t_\t_\n"
      "7\tairfields\tairfield\tNOUN\tNNS\t_\t4\tnmod\t_\t_\n"
      "8\tdestroyed\tdestroy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "9\tbombers\tbomber\tNOUN\tNNS\t_\t8\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n");
  const int ukraine = f.Add("Ukraine", ReferentKind::kGpe);
  const int russia = f.Add("Russia", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {ukraine});
  f.Ref(0, 5, 6, {russia}, ReferenceSource::kDemonym);
  const auto rels = Run(f);
  const auto strike = Find(rels, ukraine, russia, {"strike"});
  REQUIRE(strike.size() == 1);
  CHECK(strike[0].rule == "nominal:via-modifier");
  CHECK(strike[0].category == "ASSAULT");
  for (const auto& r : rels) CHECK(r.predicate != "destroy");  // "the strike" is not an actor
}

TEST_CASE("RelationExtractor: apposition roles and 'through' spokespeople", "[extract][relations]") {
  SECTION("Macron, the French president") {
    RelationFixture f;
    f.Parse(
        "1\tEmmanuel\tEmmanuel\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n"
        "2\tMacron\tMacron\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
        "3\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
        "4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
        "5\tFrench\tFrench\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
        "6\tpresident\tpresident\tNOUN\tNN\t_\t1\tappos\t_\t_\n"
        "7\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
        "8\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "9\tGermany\tGermany\tPROPN\tNNP\t_\t8\tobj\t_\t_\n"
        "10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n");
    const int macron = f.Add("Emmanuel Macron", ReferentKind::kPerson);
    const int france = f.Add("France", ReferentKind::kGpe);
    const int germany = f.Add("Germany", ReferentKind::kGpe);
    f.Ref(0, 0, 2, {macron});
    f.Ref(0, 4, 5, {france}, ReferenceSource::kDemonym);
    f.Ref(0, 8, 9, {germany});
    const auto rels = Run(f);
    CHECK(Find(rels, macron, germany, {"praise"}).size() == 1);
    const auto role = Find(rels, macron, france, {"president_of"});
    REQUIRE(role.size() == 1);
    CHECK(role[0].category == "ROLE");
  }
  SECTION("The White House, through Press Secretary Karoline Leavitt, confirmed that…") {
    RelationFixture f;
    f.Parse(
        "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
        "2\tWhite\tWhite\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
        "3\tHouse\tHouse\tPROPN\tNNP\t_\t11\tnsubj\t_\t_\n"
        "4\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
        "5\tthrough\tthrough\tADP\tIN\t_\t8\tcase\t_\t_\n"
        "6\tPress\tPress\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
        "7\tSecretary\tSecretary\tPROPN\tNNP\t_\t8\tcompound\t_\t_\n"
        "8\tKaroline\tKaroline\tPROPN\tNNP\t_\t11\tobl\t_\t_\n"
        "9\tLeavitt\tLeavitt\tPROPN\tNNP\t_\t8\tflat\t_\t_\n"
        "10\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
        "11\tconfirmed\tconfirm\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "12\tthat\tthat\tSCONJ\tIN\t_\t14\tmark\t_\t_\n"
        "13\tRussia\tRussia\tPROPN\tNNP\t_\t14\tnsubj\t_\t_\n"
        "14\tpresented\tpresent\tVERB\tVBD\t_\t11\tccomp\t_\t_\n"
        "15\ta\ta\tDET\tDT\t_\t16\tdet\t_\t_\n"
        "16\tplan\tplan\tNOUN\tNN\t_\t14\tobj\t_\t_\n"
        "17\tto\tto\tADP\tIN\t_\t18\tcase\t_\t_\n"
        "18\tUkraine\tUkraine\tPROPN\tNNP\t_\t14\tobl\t_\t_\n"
        "19\t.\t.\tPUNCT\t.\t_\t11\tpunct\t_\t_\n\n");
    const int white_house = f.Add("White House", ReferentKind::kOrg);
    const int leavitt = f.Add("Karoline Leavitt", ReferentKind::kPerson);
    f.refs.referents[leavitt].roles = {"press secretary"};
    const int russia = f.Add("Russia", ReferentKind::kGpe);
    const int ukraine = f.Add("Ukraine", ReferentKind::kGpe);
    f.Ref(0, 1, 3, {white_house});
    f.Ref(0, 7, 9, {leavitt});
    f.Ref(0, 12, 13, {russia});
    f.Ref(0, 17, 18, {ukraine});
    const auto rels = Run(f);
    const auto role = Find(rels, leavitt, white_house, {"press_secretary_of"});
    REQUIRE(role.size() == 1);
    CHECK(role[0].rule == "role:through");
    CHECK(Find(rels, leavitt, russia, {"confirm"}).size() == 1);  // the spokesperson speaks
    const auto present = Find(rels, russia, ukraine, {"present"});
    REQUIRE(present.size() == 1);
    CHECK(present[0].attributed_to == leavitt);
  }
}

TEST_CASE("RelationExtractor: 'both sides' acts as the pair it refers to", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tBoth\tboth\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tsides\tside\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tprisoner\tprisoner\tNOUN\tNN\t_\t6\tcompound\t_\t_\n"
      "6\texchanges\texchange\tNOUN\tNNS\t_\t3\tobl\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int russia = f.Add("Russia", ReferentKind::kGpe);
  const int ukraine = f.Add("Ukraine", ReferentKind::kGpe);
  f.Ref(0, 0, 2, {russia, ukraine}, ReferenceSource::kGroup);
  const auto rels = Run(f);
  const auto agree = Find(rels, russia, ukraine, {"agree"});
  REQUIRE(agree.size() == 1);
  CHECK(agree[0].symmetric);
}

TEST_CASE("RelationExtractor: a plain 'said that' makes no statement edge", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "4\tIran\tIran\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\tlied\tlie\tVERB\tVBD\t_\t2\tccomp\t_\t_\n\n");
  const int trump = f.Add("Donald Trump", ReferentKind::kPerson);
  const int iran = f.Add("Iran", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {trump});
  f.Ref(0, 3, 4, {iran});
  CHECK(Find(Run(f), trump, iran, {"say"}).empty());
}

TEST_CASE("RelationExtractor: a verb the lemmatizer got wrong is read from its form", "[extract][relations]") {
  // "An Estonian ship collided with a Finnish boat." with the lemma "collid".
  RelationFixture f;
  f.Parse(
      "1\tAn\ta\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tEstonian\tEstonian\tADJ\tJJ\t_\t3\tamod\t_\t_\n"
      "3\tship\tship\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
      "4\tcollided\tcollid\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\twith\twith\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "6\ta\ta\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "7\tFinnish\tFinnish\tADJ\tJJ\t_\t8\tamod\t_\t_\n"
      "8\tboat\tboat\tNOUN\tNN\t_\t4\tobl\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const int estonia = f.Add("Estonia", ReferentKind::kGpe);
  const int finland = f.Add("Finland", ReferentKind::kGpe);
  f.Ref(0, 1, 2, {estonia}, ReferenceSource::kDemonym);
  f.Ref(0, 6, 7, {finland}, ReferenceSource::kDemonym);
  const auto collide = Find(Run(f), estonia, finland, {"collide"});
  REQUIRE(collide.size() == 1);
  CHECK(collide[0].category == "COERCE");
}

TEST_CASE("RelationExtractor: a chief acts for its owner; possessive actor with an 'of' target; inquiries; roles before an acronym",
          "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tPoland\tPoland\tPROPN\tNNP\t_\t4\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\ttrade\ttrade\tNOUN\tNN\t_\t4\tcompound\t_\t_\n"
      "4\tchief\tchief\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
      "5\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tKyiv\tKyiv\tPROPN\tNNP\t_\t5\tobl\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n\n"
      "1\tSerbia\tSerbia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tblockade\tblockade\tNOUN\tNN\t_\t7\tnsubj\t_\t_\n"
      "4\tof\tof\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tKosovar\tKosovar\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
      "6\tfarms\tfarm\tNOUN\tNNS\t_\t3\tnmod\t_\t_\n"
      "7\tcontinued\tcontinue\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n"
      "1\tVienna\tVienna\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\topened\topen\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tan\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tinquiry\tinquiry\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tinto\tinto\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "6\tSlovak\tSlovak\tADJ\tJJ\t_\t7\tamod\t_\t_\n"
      "7\tbanks\tbank\tNOUN\tNNS\t_\t4\tnmod\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\thead\thead\tNOUN\tNN\t_\t15\tnsubj\t_\t_\n"
      "3\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "5\tBaltic\tBaltic\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
      "6\tRowing\tRowing\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
      "7\tUnion\tUnion\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "8\t(\t(\tPUNCT\t-LRB-\t_\t9\tpunct\t_\t_\n"
      "9\tBRU\tBRU\tPROPN\tNNP\t_\t7\tappos\t_\t_\n"
      "10\t)\t)\tPUNCT\t-RRB-\t_\t9\tpunct\t_\t_\n"
      "11\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_\n"
      "12\tJonas\tJonas\tPROPN\tNNP\t_\t9\tappos\t_\t_\n"
      "13\tPetraitis\tPetraitis\tPROPN\tNNP\t_\t12\tflat\t_\t_\n"
      "14\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_\n"
      "15\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "16\t.\t.\tPUNCT\t.\t_\t15\tpunct\t_\t_\n\n");
  const int poland = f.Add("Poland", ReferentKind::kGpe);
  const int ukraine = f.Add("Ukraine", ReferentKind::kGpe);
  const int serbia = f.Add("Serbia", ReferentKind::kGpe);
  const int kosovo = f.Add("Kosovo", ReferentKind::kGpe);
  const int austria = f.Add("Austria", ReferentKind::kGpe);
  const int slovakia = f.Add("Slovakia", ReferentKind::kGpe);
  const int union_ = f.Add("Baltic Rowing Union", ReferentKind::kOrg);
  const int petraitis = f.Add("Jonas Petraitis", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {poland});
  f.Ref(0, 6, 7, {ukraine});
  f.Ref(1, 0, 1, {serbia});
  f.Ref(1, 4, 5, {kosovo}, ReferenceSource::kDemonym);
  f.Ref(2, 0, 1, {austria});
  f.Ref(2, 5, 6, {slovakia}, ReferenceSource::kDemonym);
  f.Ref(3, 4, 7, {union_});
  f.Ref(3, 8, 9, {union_});
  f.Ref(3, 11, 13, {petraitis});
  const auto rels = Run(f);
  CHECK(Find(rels, poland, ukraine, {"call"}).size() == 1);            // Poland's trade chief called on Kyiv
  CHECK(Find(rels, serbia, kosovo, {"blockade"}).size() == 1);         // Serbia's blockade of Kosovar farms
  CHECK(Find(rels, austria, slovakia, {"investigate"}).size() == 1);   // opened an inquiry into Slovak banks
  const auto role = Find(rels, petraitis, union_, {"head_of"});         // The head of the … Union (BRU), Jonas Petraitis,
  REQUIRE(role.size() == 1);
  CHECK(role[0].category == "ROLE");
}

TEST_CASE("RelationExtractor: 'Its chairman, X' names the body; 'urged X to V' with V as a purpose clause", "[extract][relations]") {
  RelationFixture f;
  f.Parse(
      "1\tIts\tits\tPRON\tPRP$\t_\t2\tnmod:poss\t_\t_\n"
      "2\tchairman\tchairman\tNOUN\tNN\t_\t7\tobl\t_\t_\n"
      "3\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n"
      "4\tIlkka\tIlkka\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "5\tRantanen\tRantanen\tPROPN\tNNP\t_\t4\tflat\t_\t_\n"
      "6\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "7\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n"
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tStockholm\tStockholm\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tcondemn\tcondemn\tVERB\tVB\t_\t2\tadvcl\t_\t_\n"
      "6\tHelsinki\tHelsinki\tPROPN\tNNP\t_\t5\tobj\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int board = f.Add("Nordic Timber Board", ReferentKind::kOrg);
  const int rantanen = f.Add("Ilkka Rantanen", ReferentKind::kPerson);
  const int norway = f.Add("Norway", ReferentKind::kGpe);
  const int sweden = f.Add("Sweden", ReferentKind::kGpe);
  const int finland = f.Add("Finland", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {board}, ReferenceSource::kPronoun);
  f.Ref(0, 3, 5, {rantanen});
  f.Ref(1, 0, 1, {norway});
  f.Ref(1, 2, 3, {sweden});
  f.Ref(1, 5, 6, {finland});
  const auto rels = Run(f);
  CHECK(Find(rels, rantanen, board, {"chairman_of"}).size() == 1);
  CHECK(Find(rels, norway, sweden, {"urge"}).size() == 1);
  CHECK(Find(rels, sweden, finland, {"condemn"}).size() == 1);  // Stockholm is to condemn
  CHECK(Find(rels, norway, finland, {"condemn"}).empty());
}

TEST_CASE("RelationExtractor: who acts under pressure from X is its target; traded insults is mutual", "[extract][relations]") {
  // "Under pressure from Brussels, Norway dropped the levy." "Oslo and Stockholm traded insults."
  RelationFixture f;
  f.Parse(
      "1\tUnder\tunder\tADP\tIN\t_\t2\tcase\t_\t_\n"
      "2\tpressure\tpressure\tNOUN\tNN\t_\t7\tobl\t_\t_\n"
      "3\tfrom\tfrom\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tBrussels\tBrussels\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "6\tNorway\tNorway\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "7\tdropped\tdrop\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\t_\n"
      "9\tlevy\tlevy\tNOUN\tNN\t_\t7\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n"
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tStockholm\tStockholm\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\ttraded\ttrade\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tinsults\tinsult\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const int eu = f.Add("European Union", ReferentKind::kOrg);
  const int norway = f.Add("Norway", ReferentKind::kGpe);
  const int sweden = f.Add("Sweden", ReferentKind::kGpe);
  f.Ref(0, 3, 4, {eu});
  f.Ref(0, 5, 6, {norway});
  f.Ref(1, 0, 1, {norway});
  f.Ref(1, 2, 3, {sweden});
  const auto rels = Run(f);
  const auto pressure = Find(rels, eu, norway, {"pressure"});
  REQUIRE(pressure.size() == 1);
  CHECK(pressure[0].category == "COERCE");
  const auto trade = Find(rels, norway, sweden, {"trade"});
  REQUIRE(trade.size() == 1);
  CHECK(trade[0].category == "ACCUSE");
  CHECK(trade[0].symmetric);
}

TEST_CASE("RelationExtractor: 'The head of X, NAME,' acts as NAME; what one's own body owns is no target", "[extract][relations]") {
  // "The head of the Nordic Council, Ola Berg, met Stubb and praised the council's work."
  // with "Ola Berg" in apposition to "Council".
  RelationFixture f;
  f.Parse(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\thead\thead\tNOUN\tNN\t_\t11\tnsubj\t_\t_\n"
      "3\tof\tof\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "5\tNordic\tNordic\tPROPN\tNNP\t_\t6\tcompound\t_\t_\n"
      "6\tCouncil\tCouncil\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "7\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
      "8\tOla\tOla\tPROPN\tNNP\t_\t6\tappos\t_\t_\n"
      "9\tBerg\tBerg\tPROPN\tNNP\t_\t8\tflat\t_\t_\n"
      "10\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n"
      "11\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "12\tStubb\tStubb\tPROPN\tNNP\t_\t11\tobj\t_\t_\n"
      "13\tand\tand\tCCONJ\tCC\t_\t14\tcc\t_\t_\n"
      "14\tpraised\tpraise\tVERB\tVBD\t_\t11\tconj\t_\t_\n"
      "15\tthe\tthe\tDET\tDT\t_\t16\tdet\t_\t_\n"
      "16\tcouncil\tcouncil\tNOUN\tNN\t_\t18\tnmod:poss\t_\t_\n"
      "17\t's\t's\tPART\tPOS\t_\t16\tcase\t_\t_\n"
      "18\twork\twork\tNOUN\tNN\t_\t14\tobj\t_\t_\n"
      "19\t.\t.\tPUNCT\t.\t_\t11\tpunct\t_\t_\n\n");
  const int council = f.Add("Nordic Council", ReferentKind::kOrg);
  const int berg = f.Add("Ola Berg", ReferentKind::kPerson);
  const int stubb = f.Add("Alexander Stubb", ReferentKind::kPerson);
  f.Ref(0, 4, 6, {council});
  f.Ref(0, 7, 9, {berg});
  f.Ref(0, 11, 12, {stubb});
  f.Ref(0, 14, 16, {council}, ReferenceSource::kDescription);
  const auto rels = Run(f);
  CHECK(Find(rels, berg, council, {"head_of"}).size() == 1);
  CHECK(Find(rels, berg, stubb, {"meet"}).size() == 1);
  CHECK(Find(rels, council, stubb, {"meet"}).empty());
  CHECK(Find(rels, berg, council, {"praise"}).empty());
}

TEST_CASE("RelationExtractor: a name right after a common noun is that noun; role words tagged as adjectives", "[extract][relations]") {
  // "Lisbon fined the Spanish lender Banco Orla." "Orla's chief executive, Rui Mota, resigned."
  RelationFixture f;
  f.Parse(
      "1\tLisbon\tLisbon\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tfined\tfine\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "4\tSpanish\tSpanish\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tlender\tlender\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\tBanco\tBanco\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
      "7\tOrla\tOrla\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tOrla\tOrla\tPROPN\tNNP\t_\t4\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tchief\tchief\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
      "4\texecutive\texecutive\tADJ\tJJ\t_\t9\tamod\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "6\tRui\tRui\tPROPN\tNNP\t_\t4\tappos\t_\t_\n"
      "7\tMota\tMota\tPROPN\tNNP\t_\t6\tflat\t_\t_\n"
      "8\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
      "9\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_\n\n");
  const int portugal = f.Add("Portugal", ReferentKind::kGpe);
  const int spain = f.Add("Spain", ReferentKind::kGpe);
  const int orla = f.Add("Banco Orla", ReferentKind::kOrg);
  const int mota = f.Add("Rui Mota", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {portugal});
  f.Ref(0, 3, 4, {spain}, ReferenceSource::kDemonym);
  f.Ref(0, 5, 7, {orla});
  f.Ref(1, 0, 1, {orla});
  f.Ref(1, 5, 7, {mota});
  const auto rels = Run(f);
  CHECK(Find(rels, portugal, orla, {"fine"}).size() == 1);
  CHECK(Find(rels, portugal, spain, {"fine"}).empty());
  CHECK(Find(rels, mota, orla, {"chief_executive_of"}).size() == 1);
}

TEST_CASE("RelationExtractor: a relative pronoun object stands for the noun the clause modifies", "[extract][relations]") {
  // "Oslo backed Greenland's claim, which Denmark rejects."
  RelationFixture f;
  f.Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tbacked\tback\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tGreenland\tGreenland\tPROPN\tNNP\t_\t5\tnmod:poss\t_\t_\n"
      "4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_\n"
      "5\tclaim\tclaim\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
      "7\twhich\twhich\tPRON\tWDT\t_\t9\tobj\t_\t_\n"
      "8\tDenmark\tDenmark\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
      "9\trejects\treject\tVERB\tVBZ\t_\t5\tacl:relcl\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int norway = f.Add("Norway", ReferentKind::kGpe);
  const int greenland = f.Add("Greenland", ReferentKind::kGpe);
  const int denmark = f.Add("Denmark", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {norway});
  f.Ref(0, 2, 3, {greenland});
  f.Ref(0, 7, 8, {denmark});
  const auto rels = Run(f);
  CHECK(Find(rels, norway, greenland, {"back"}).size() == 1);
  CHECK(Find(rels, denmark, greenland, {"reject"}).size() == 1);
}

TEST_CASE("RelationExtractor: calls for and decisions to act; passive light verbs; destinations", "[extract][relations]") {
  // "Latvia's call for Estonia to expel Russian diplomats surprised Lithuania."
  // "Sweden's decision to expel Russian diplomats angered Moscow."
  // "Tariffs on Chile imposed by Peru remain." "Lula invited Orsi to Brasilia."
  RelationFixture f;
  f.Parse(
      "1\tLatvia\tLatvia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tcall\tcall\tNOUN\tNN\t_\t10\tnsubj\t_\t_\n"
      "4\tfor\tfor\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tEstonia\tEstonia\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_\n"
      "7\texpel\texpel\tVERB\tVB\t_\t3\tacl\t_\t_\n"
      "8\tRussian\tRussian\tADJ\tJJ\t_\t9\tamod\t_\t_\n"
      "9\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t7\tobj\t_\t_\n"
      "10\tsurprised\tsurprise\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "11\tLithuania\tLithuania\tPROPN\tNNP\t_\t10\tobj\t_\t_\n"
      "12\t.\t.\tPUNCT\t.\t_\t10\tpunct\t_\t_\n\n"
      "1\tSweden\tSweden\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tdecision\tdecision\tNOUN\tNN\t_\t8\tnsubj\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\texpel\texpel\tVERB\tVB\t_\t3\tacl\t_\t_\n"
      "6\tRussian\tRussian\tADJ\tJJ\t_\t7\tamod\t_\t_\n"
      "7\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
      "8\tangered\tanger\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "9\tMoscow\tMoscow\tPROPN\tNNP\t_\t8\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n"
      "1\tTariffs\ttariff\tNOUN\tNNS\t_\t7\tnsubj\t_\t_\n"
      "2\ton\ton\tADP\tIN\t_\t3\tcase\t_\t_\n"
      "3\tChile\tChile\tPROPN\tNNP\t_\t1\tnmod\t_\t_\n"
      "4\timposed\timpose\tVERB\tVBN\t_\t1\tacl\t_\t_\n"
      "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tPeru\tPeru\tPROPN\tNNP\t_\t4\tobl:agent\t_\t_\n"
      "7\tremain\tremain\tVERB\tVBP\t_\t0\troot\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n"
      "1\tLula\tLula\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tinvited\tinvite\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tOrsi\tOrsi\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tBrasilia\tBrasilia\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int latvia = f.Add("Latvia", ReferentKind::kGpe);
  const int estonia = f.Add("Estonia", ReferentKind::kGpe);
  const int russia = f.Add("Russia", ReferentKind::kGpe);
  const int lithuania = f.Add("Lithuania", ReferentKind::kGpe);
  const int sweden = f.Add("Sweden", ReferentKind::kGpe);
  const int chile = f.Add("Chile", ReferentKind::kGpe);
  const int peru = f.Add("Peru", ReferentKind::kGpe);
  const int lula = f.Add("Lula", ReferentKind::kPerson);
  const int orsi = f.Add("Yamandu Orsi", ReferentKind::kPerson);
  const int brazil = f.Add("Brazil", ReferentKind::kGpe);
  const int brasilia = f.Add("Brasilia", ReferentKind::kGpe, brazil);
  f.refs.referents[brasilia].subtype = "capital";
  f.Ref(0, 0, 1, {latvia});
  f.Ref(0, 4, 5, {estonia});
  f.Ref(0, 7, 8, {russia}, ReferenceSource::kDemonym);
  f.Ref(0, 10, 11, {lithuania});
  f.Ref(1, 0, 1, {sweden});
  f.Ref(1, 5, 6, {russia}, ReferenceSource::kDemonym);
  f.Ref(1, 8, 9, {russia});
  f.Ref(2, 2, 3, {chile});
  f.Ref(2, 5, 6, {peru});
  f.Ref(3, 0, 1, {lula});
  f.Ref(3, 2, 3, {orsi});
  f.Ref(3, 4, 5, {brasilia});
  const auto rels = Run(f);
  const auto call = Find(rels, latvia, estonia, {"call"});
  REQUIRE(call.size() == 1);
  CHECK(call[0].category == "REQUEST");
  CHECK(Find(rels, estonia, russia, {"expel"}).size() == 1);
  CHECK(Find(rels, latvia, russia, {"expel"}).empty());
  CHECK(Find(rels, sweden, russia, {"expel"}).size() == 1);
  bool tariff = false;
  for (const auto& r : rels) tariff |= r.subject == peru && r.object == chile && r.category == "SANCTION";
  CHECK(tariff);
  CHECK(Find(rels, lula, orsi, {"invite"}).size() == 1);
  CHECK(Find(rels, lula, brazil, {"invite"}).empty());
  CHECK(Find(rels, lula, brasilia, {"invite"}).empty());
}

TEST_CASE("RelationExtractor: a demand that X act is made of X; acquisitions", "[extract][relations]") {
  // "Ankara demanded that Athens withdraw warships." "Orla's acquisition of Varde was costly."
  RelationFixture f;
  f.Parse(
      "1\tAnkara\tAnkara\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tdemanded\tdemand\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "4\tAthens\tAthens\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\twithdraw\twithdraw\tVERB\tVB\t_\t2\tccomp\t_\t_\n"
      "6\twarships\twarship\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tOrla\tOrla\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tacquisition\tacquisition\tNOUN\tNN\t_\t7\tnsubj\t_\t_\n"
      "4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tVarde\tVarde\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\twas\tbe\tAUX\tVBD\t_\t7\tcop\t_\t_\n"
      "7\tcostly\tcostly\tADJ\tJJ\t_\t0\troot\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n");
  const int turkey = f.Add("Turkey", ReferentKind::kGpe);
  const int greece = f.Add("Greece", ReferentKind::kGpe);
  const int orla = f.Add("Orla", ReferentKind::kOrg);
  const int varde = f.Add("Varde", ReferentKind::kOrg);
  f.Ref(0, 0, 1, {turkey});
  f.Ref(0, 3, 4, {greece});
  f.Ref(1, 0, 1, {orla});
  f.Ref(1, 4, 5, {varde});
  const auto rels = Run(f);
  const auto demand = Find(rels, turkey, greece, {"demand"});
  REQUIRE(demand.size() == 1);
  CHECK(demand[0].category == "REQUEST");
  CHECK(Find(rels, orla, varde, {"acquire"}).size() == 1);
}

TEST_CASE("RelationExtractor: an event noun that only dates the clause passes on no participants", "[extract][relations]") {
  // "Norway expelled diplomats after talks with Sweden."
  RelationFixture f;
  f.Parse(
      "1\tNorway\tNorway\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\texpelled\texpel\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\tafter\tafter\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobl\t_\t_\n"
      "6\twith\twith\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tSweden\tSweden\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int norway = f.Add("Norway", ReferentKind::kGpe);
  const int sweden = f.Add("Sweden", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {norway});
  f.Ref(0, 6, 7, {sweden});
  CHECK(Find(Run(f), norway, sweden, {"expel"}).empty());
}

TEST_CASE("RelationExtractor: a place noun with its name is that place, even for verbs the lexicon does not list", "[extract][relations]") {
  // "Oslo sent a team to Troms county." "Riga sent doctors to the city of Tartu."
  RelationFixture f;
  f.Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tteam\tteam\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tto\tto\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "6\tTroms\tTroms\tPROPN\tNNP\t_\t7\tnmod\t_\t_\n"
      "7\tcounty\tcounty\tNOUN\tNN\t_\t2\tobl\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tRiga\tRiga\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tdoctors\tdoctor\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tcity\tcity\tNOUN\tNN\t_\t2\tobl\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tTartu\tTartu\tPROPN\tNNP\t_\t6\tnmod\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int norway = f.Add("Norway", ReferentKind::kGpe);
  const int troms = f.Add("Troms", ReferentKind::kGpe);
  const int latvia = f.Add("Latvia", ReferentKind::kGpe);
  const int tartu = f.Add("Tartu", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {norway});
  f.Ref(0, 5, 6, {troms});
  f.Ref(1, 0, 1, {latvia});
  f.Ref(1, 7, 8, {tartu});
  const auto rels = Run(f);
  CHECK(Find(rels, norway, troms, {"send"}).size() == 1);
  CHECK(Find(rels, latvia, tartu, {"send"}).size() == 1);
}

TEST_CASE("RelationExtractor: 'condemned the attack' is about the attack just told, and so about its actor", "[extract][relations]") {
  // "Serbia attacked Kosovo. Albania condemned the attack. Greece condemned the blockade."
  RelationFixture f;
  f.Parse(
      "1\tSerbia\tSerbia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tKosovo\tKosovo\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tAlbania\tAlbania\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tattack\tattack\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tGreece\tGreece\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tblockade\tblockade\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int serbia = f.Add("Serbia", ReferentKind::kGpe);
  const int kosovo = f.Add("Kosovo", ReferentKind::kGpe);
  const int albania = f.Add("Albania", ReferentKind::kGpe);
  const int greece = f.Add("Greece", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {serbia});
  f.Ref(0, 2, 3, {kosovo});
  f.Ref(1, 0, 1, {albania});
  f.Ref(2, 0, 1, {greece});
  const auto rels = Run(f);
  CHECK(Find(rels, albania, serbia, {"condemn"}).size() == 1);
  CHECK(Find(rels, albania, kosovo, {"condemn"}).empty());
  CHECK(Find(rels, greece, serbia, {"condemn"}).empty());  // no blockade was told
}

TEST_CASE("RelationExtractor: naming something by a proper name is no act on it; calling it names is", "[extract][relations]") {
  // "Riga renamed the street Ukraine Street." "Latvia called Moscow reckless."
  RelationFixture f;
  f.Parse(
      "1\tRiga\tRiga\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\trenamed\trename\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tstreet\tstreet\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "6\tStreet\tStreet\tPROPN\tNNP\t_\t5\tflat\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tLatvia\tLatvia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\treckless\treckless\tADJ\tJJ\t_\t2\txcomp\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int latvia = f.Add("Latvia", ReferentKind::kGpe);
  const int street = f.Add("Ukraine Street", ReferentKind::kLoc);
  const int russia = f.Add("Russia", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {latvia});
  f.Ref(0, 4, 6, {street});
  f.Ref(1, 0, 1, {latvia});
  f.Ref(1, 2, 3, {russia});
  const auto rels = Run(f);
  CHECK(Find(rels, latvia, street, {"rename"}).empty());
  CHECK(Find(rels, latvia, russia, {"call"}).size() == 1);
}

TEST_CASE("RelationExtractor: an attack on something inside a country is an attack on the country", "[extract][relations]") {
  // "Serbian jets bombed a bridge in Kosovo." "Serbian jets bombed a bridge in Pristina."
  RelationFixture f;
  f.Parse(
      "1\tSerbian\tSerbian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
      "2\tjets\tjet\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tbombed\tbomb\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tbridge\tbridge\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tKosovo\tKosovo\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tSerbian\tSerbian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
      "2\tjets\tjet\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tbombed\tbomb\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tbridge\tbridge\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tPristina\tPristina\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int serbia = f.Add("Serbia", ReferentKind::kGpe);
  const int kosovo = f.Add("Kosovo", ReferentKind::kGpe);
  const int pristina = f.Add("Pristina", ReferentKind::kGpe);
  f.refs.referents[kosovo].subtype = "country";
  f.refs.referents[pristina].subtype = "city";
  f.Ref(0, 0, 1, {serbia}, ReferenceSource::kDemonym);
  f.Ref(0, 6, 7, {kosovo});
  f.Ref(1, 0, 1, {serbia}, ReferenceSource::kDemonym);
  f.Ref(1, 6, 7, {pristina});
  const auto rels = Run(f);
  CHECK(Find(rels, serbia, kosovo, {"bomb"}).size() == 1);
  CHECK(Find(rels, serbia, pristina, {"bomb"}).empty());  // a city is where, not whom
}

TEST_CASE("RelationExtractor: joining an event told before does nothing to its actor; neighbours share borders", "[extract][relations]") {
  // "Latvia sanctioned Belarus. Estonia joined the sanctions. Lithuania shares a border with Poland."
  RelationFixture f;
  f.Parse(
      "1\tLatvia\tLatvia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsanctioned\tsanction\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tBelarus\tBelarus\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tEstonia\tEstonia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tjoined\tjoin\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tsanctions\tsanction\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tLithuania\tLithuania\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tshares\tshare\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tborder\tborder\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\twith\twith\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tPoland\tPoland\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int latvia = f.Add("Latvia", ReferentKind::kGpe);
  const int belarus = f.Add("Belarus", ReferentKind::kGpe);
  const int estonia = f.Add("Estonia", ReferentKind::kGpe);
  const int lithuania = f.Add("Lithuania", ReferentKind::kGpe);
  const int poland = f.Add("Poland", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {latvia});
  f.Ref(0, 2, 3, {belarus});
  f.Ref(1, 0, 1, {estonia});
  f.Ref(2, 0, 1, {lithuania});
  f.Ref(2, 5, 6, {poland});
  const auto rels = Run(f);
  CHECK(Find(rels, latvia, belarus, {"sanction"}).size() == 1);
  CHECK(Find(rels, estonia, latvia, {"join"}).empty());
  CHECK(Find(rels, lithuania, poland, {"share"}).empty());
}

TEST_CASE("RelationExtractor: a text that says something says it for whoever issued it", "[extract][relations]") {
  // "The Senate adopted a resolution condemning Hungary."
  RelationFixture f;
  f.Parse(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tSenate\tSenate\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
      "3\tadopted\tadopt\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tresolution\tresolution\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "6\tcondemning\tcondemn\tVERB\tVBG\t_\t5\tacl\t_\t_\n"
      "7\tHungary\tHungary\tPROPN\tNNP\t_\t6\tobj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int senate = f.Add("Senate", ReferentKind::kOrg);
  const int hungary = f.Add("Hungary", ReferentKind::kGpe);
  f.Ref(0, 1, 2, {senate});
  f.Ref(0, 6, 7, {hungary});
  CHECK(Find(Run(f), senate, hungary, {"condemn"}).size() == 1);
}

TEST_CASE("RelationExtractor: rebels and militants act for the group named on them", "[extract][relations]") {
  // "PKK militants attacked a Turkish base."
  RelationFixture f;
  f.Parse(
      "1\tPKK\tPKK\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
      "2\tmilitants\tmilitant\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "5\tTurkish\tTurkish\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
      "6\tbase\tbase\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int pkk = f.Add("PKK", ReferentKind::kOrg);
  const int turkey = f.Add("Turkey", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {pkk});
  f.Ref(0, 4, 5, {turkey}, ReferenceSource::kDemonym);
  CHECK(Find(Run(f), pkk, turkey, {"attack"}).size() == 1);
}

TEST_CASE("RelationExtractor: a one-sided act between two parties is done to both", "[extract][relations]") {
  // "Oman's mediation between Iran and Kuwait succeeded."
  RelationFixture f;
  f.Parse(
      "1\tOman\tOman\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tmediation\tmediation\tNOUN\tNN\t_\t8\tnsubj\t_\t_\n"
      "4\tbetween\tbetween\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tKuwait\tKuwait\tPROPN\tNNP\t_\t5\tconj\t_\t_\n"
      "8\tsucceeded\tsucceed\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n");
  const int oman = f.Add("Oman", ReferentKind::kGpe);
  const int iran = f.Add("Iran", ReferentKind::kGpe);
  const int kuwait = f.Add("Kuwait", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {oman});
  f.Ref(0, 4, 5, {iran});
  f.Ref(0, 6, 7, {kuwait});
  const auto rels = Run(f);
  CHECK(Find(rels, oman, iran, {"mediate"}).size() == 1);
  CHECK(Find(rels, oman, kuwait, {"mediate"}).size() == 1);
  CHECK(Find(rels, iran, kuwait, {"mediate"}).empty());
}

TEST_CASE("RelationExtractor: with the actor named, 'from' says what an act is done to", "[extract][relations]") {
  // "Mali's withdrawal from ECOWAS was completed."
  RelationFixture f;
  f.Parse(
      "1\tMali\tMali\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\twithdrawal\twithdrawal\tNOUN\tNN\t_\t7\tnsubj:pass\t_\t_\n"
      "4\tfrom\tfrom\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tECOWAS\tECOWAS\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\twas\tbe\tAUX\tVBD\t_\t7\taux:pass\t_\t_\n"
      "7\tcompleted\tcomplete\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n");
  const int mali = f.Add("Mali", ReferentKind::kGpe);
  const int ecowas = f.Add("ECOWAS", ReferentKind::kOrg);
  f.Ref(0, 0, 1, {mali});
  f.Ref(0, 4, 5, {ecowas});
  CHECK(Find(Run(f), mali, ecowas, {"withdraw"}).size() == 1);
}

TEST_CASE("RelationExtractor: 'warned X against doing' is X doing it", "[extract][relations]") {
  // "Norway warned Chile against arming Peru."
  RelationFixture f;
  f.Parse(
      "1\tNorway\tNorway\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tChile\tChile\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tagainst\tagainst\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "5\tarming\tarm\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n"
      "6\tPeru\tPeru\tPROPN\tNNP\t_\t5\tobj\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int norway = f.Add("Norway", ReferentKind::kGpe);
  const int chile = f.Add("Chile", ReferentKind::kGpe);
  const int peru = f.Add("Peru", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {norway});
  f.Ref(0, 2, 3, {chile});
  f.Ref(0, 5, 6, {peru});
  const auto rels = Run(f);
  CHECK(Find(rels, norway, chile, {"warn"}).size() == 1);
  CHECK(Find(rels, chile, peru, {"arm"}).size() == 1);
  CHECK(Find(rels, norway, peru, {"arm"}).empty());
}

TEST_CASE("RelationExtractor: a counterpart is not its possessor, and holds the possessor's office", "[extract][relations]") {
  // "Lula met his Chilean counterpart, Ana Soto."
  RelationFixture f;
  f.Parse(
      "1\tLula\tLula\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\this\the\tPRON\tPRP$\t_\t5\tnmod:poss\t_\t_\n"
      "4\tChilean\tChilean\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tcounterpart\tcounterpart\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "7\tAna\tAna\tPROPN\tNNP\t_\t5\tappos\t_\t_\n"
      "8\tSoto\tSoto\tPROPN\tNNP\t_\t7\tflat\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int lula = f.Add("Lula", ReferentKind::kPerson);
  f.refs.referents[lula].roles = {"president"};
  const int chile = f.Add("Chile", ReferentKind::kGpe);
  const int soto = f.Add("Ana Soto", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {lula});
  f.Ref(0, 2, 3, {lula}, ReferenceSource::kPronoun);
  f.Ref(0, 3, 4, {chile}, ReferenceSource::kDemonym);
  f.Ref(0, 6, 8, {soto});
  const auto rels = Run(f);
  CHECK(Find(rels, soto, chile, {"president_of"}).size() == 1);
  CHECK(Find(rels, soto, lula, {"president_of", "counterpart_of"}).empty());
  SECTION("without a name, the counterpart acts for the adjective's country, not for him") {
    // "Lula thanked his Chilean counterpart."
    RelationFixture g;
    g.Parse(
        "1\tLula\tLula\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\this\the\tPRON\tPRP$\t_\t5\tnmod:poss\t_\t_\n"
        "4\tChilean\tChilean\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
        "5\tcounterpart\tcounterpart\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
    const int l = g.Add("Lula", ReferentKind::kPerson);
    const int c = g.Add("Chile", ReferentKind::kGpe);
    g.Ref(0, 0, 1, {l});
    g.Ref(0, 2, 3, {l}, ReferenceSource::kPronoun);
    g.Ref(0, 3, 4, {c}, ReferenceSource::kDemonym);
    const auto r = Run(g);
    CHECK(Find(r, l, c, {"thank"}).size() == 1);
    CHECK(Find(r, l, l, {"thank"}).empty());
  }
}

TEST_CASE("RelationExtractor: a body's panel or committee acts for the body", "[extract][relations]") {
  // "The league's appeals committee suspended Ortega."
  RelationFixture f;
  f.Parse(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tleague\tleague\tNOUN\tNN\t_\t5\tnmod:poss\t_\t_\n"
      "3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\t_\n"
      "4\tappeals\tappeal\tNOUN\tNNS\t_\t5\tcompound\t_\t_\n"
      "5\tcommittee\tcommittee\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n"
      "6\tsuspended\tsuspend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "7\tOrtega\tOrtega\tPROPN\tNNP\t_\t6\tobj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n");
  const int league = f.Add("Andean Football League", ReferentKind::kOrg);
  const int ortega = f.Add("Ortega", ReferentKind::kPerson);
  f.Ref(0, 0, 2, {league}, ReferenceSource::kDescription);
  f.Ref(0, 6, 7, {ortega});
  CHECK(Find(Run(f), league, ortega, {"suspend"}).size() == 1);
}

TEST_CASE("RelationExtractor: where a body is based, and it stays the body when it acts", "[extract][relations]") {
  // "Korvel, which is based in Gdansk, sued Ostra."
  RelationFixture f;
  f.Parse(
      "1\tKorvel\tKorvel\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "3\twhich\twhich\tPRON\tWDT\t_\t5\tnsubj:pass\t_\t_\n"
      "4\tis\tbe\tAUX\tVBZ\t_\t5\taux:pass\t_\t_\n"
      "5\tbased\tbase\tVERB\tVBN\t_\t1\tacl:relcl\t_\t_\n"
      "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tGdansk\tGdansk\tPROPN\tNNP\t_\t5\tobl\t_\t_\n"
      "8\tsued\tsue\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "9\tOstra\tOstra\tPROPN\tNNP\t_\t8\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n");
  const int korvel = f.Add("Korvel", ReferentKind::kOrg);
  const int gdansk = f.Add("Gdansk", ReferentKind::kGpe);
  const int ostra = f.Add("Ostra", ReferentKind::kOrg);
  f.Ref(0, 0, 1, {korvel});
  f.Ref(0, 6, 7, {gdansk});
  f.Ref(0, 8, 9, {ostra});
  const auto rels = Run(f);
  CHECK(Find(rels, korvel, gdansk, {"based_in"}).size() == 1);
  CHECK(Find(rels, korvel, ostra, {"sue"}).size() == 1);
  CHECK(Find(rels, gdansk, ostra, {"sue"}).empty());
  SECTION("a person living in a city has no seat") {
    RelationFixture g;
    g.Parse(
        "1\tNowak\tNowak\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_\n"
        "2\tis\tbe\tAUX\tVBZ\t_\t3\taux:pass\t_\t_\n"
        "3\tbased\tbase\tVERB\tVBN\t_\t0\troot\t_\t_\n"
        "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
        "5\tGdansk\tGdansk\tPROPN\tNNP\t_\t3\tobl\t_\t_\n\n");
    const int nowak = g.Add("Nowak", ReferentKind::kPerson);
    const int city = g.Add("Gdansk", ReferentKind::kGpe);
    g.Ref(0, 0, 1, {nowak});
    g.Ref(0, 4, 5, {city});
    CHECK(Find(Run(g), nowak, city, {"based_in"}).empty());
  }
}

TEST_CASE("RelationExtractor: help sent with no destination goes to the country the article is about", "[extract][relations]") {
  // "Norway sent two planes carrying tents." in an article about Peru.
  auto sentence = [](const std::string& object_noun, const std::string& object_lemma) {
    return "1\tNorway\tNorway\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
           "2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
           "3\ttwo\ttwo\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
           "4\tplanes\tplane\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
           "5\tcarrying\tcarry\tVERB\tVBG\t_\t4\tacl\t_\t_\n"
           "6\t" + object_noun + "\t" + object_lemma + "\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
           "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  };
  auto run = [&](const std::string& noun, const std::string& lemma, int* norway, int* peru) {
    RelationFixture f;
    f.Parse(sentence(noun, lemma));
    *norway = f.Add("Norway", ReferentKind::kGpe);
    *peru = f.Add("Peru", ReferentKind::kGpe);
    f.refs.referents[*peru].subtype = "country";
    f.refs.home_country = *peru;
    f.Ref(0, 0, 1, {*norway});
    return Run(f);
  };
  int norway = -1, peru = -1;
  auto rels = run("tents", "tent", &norway, &peru);
  CHECK(Find(rels, norway, peru, {"send"}).size() == 1);
  SECTION("what is no help has no implied recipient") {
    rels = run("soldiers", "soldier", &norway, &peru);
    CHECK(Find(rels, norway, peru, {"send"}).empty());
  }
}

TEST_CASE("RelationExtractor: whoever hosts talks between others is no party to them", "[extract][relations]") {
  // "Oman hosted talks between Iran and Kuwait."
  RelationFixture f;
  f.Parse(
      "1\tOman\tOman\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\thosted\thost\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\tbetween\tbetween\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tIran\tIran\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tKuwait\tKuwait\tPROPN\tNNP\t_\t5\tconj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int oman = f.Add("Oman", ReferentKind::kGpe);
  const int iran = f.Add("Iran", ReferentKind::kGpe);
  const int kuwait = f.Add("Kuwait", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {oman});
  f.Ref(0, 4, 5, {iran});
  f.Ref(0, 6, 7, {kuwait});
  const auto rels = Run(f);
  CHECK(Find(rels, oman, iran, {"host"}).size() == 1);
  CHECK(Find(rels, oman, kuwait, {"host"}).size() == 1);
  CHECK(Find(rels, oman, iran, {"talk"}).empty());
  CHECK(Find(rels, iran, kuwait, {"talk"}).size() == 1);
}

TEST_CASE("RelationExtractor: bare state agents in what a country says are its own", "[extract][relations]") {
  // "Peru said inspectors had visited Chile."
  auto run = [](const std::string& speaker_kind_subtype, int* peru, int* chile) {
    RelationFixture f;
    f.Parse(
        "1\tPeru\tPeru\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tinspectors\tinspector\tNOUN\tNNS\tNumber=Plur\t5\tnsubj\t_\t_\n"
        "4\thad\thave\tAUX\tVBD\t_\t5\taux\t_\t_\n"
        "5\tvisited\tvisit\tVERB\tVBN\t_\t2\tccomp\t_\t_\n"
        "6\tChile\tChile\tPROPN\tNNP\t_\t5\tobj\t_\t_\n"
        "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
    *peru = f.Add("Peru", ReferentKind::kGpe);
    *chile = f.Add("Chile", ReferentKind::kGpe);
    f.refs.referents[*peru].subtype = speaker_kind_subtype;
    f.Ref(0, 0, 1, {*peru});
    f.Ref(0, 5, 6, {*chile});
    return Run(f);
  };
  int peru = -1, chile = -1;
  auto rels = run("country", &peru, &chile);
  CHECK(Find(rels, peru, chile, {"visit"}).size() == 1);
  SECTION("a city's agents are not assumed") {
    rels = run("city", &peru, &chile);
    CHECK(Find(rels, peru, chile, {"visit"}).empty());
  }
}
