#include "extract/coref/coreference.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "extract/relations/event_lexicon.h"
#include "extract/relations/relation_extractor.h"
#include "tests/extract/relation_fixture.h"
#include "tests/test_util.h"

using namespace kg::extract;
using kg::testing::Find;
using kg::testing::RelationFixture;

namespace {

const Coreference& Coref() {
  static const std::unique_ptr<Coreference> coref = [] {
    auto r = Coreference::LoadFromDir(kg::testing::SourceDir() + "/data");
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *coref;
}

// The referents of the reference added for token span [begin, end) of sentence s.
std::vector<int> Resolved(const RelationFixture& f, int s, int begin, int end) {
  for (const auto& ref : f.refs.references) {
    if (ref.sentence == s && ref.begin == begin && ref.end == end) return ref.referents;
  }
  return {};
}

}  // namespace

TEST_CASE("Coreference: he, him and 'both sides'", "[extract][coref]") {
  RelationFixture f;
  f.Parse(
      "1\tWilliam\tWilliam\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
      "2\tRuto\tRuto\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
      "3\tflew\tfly\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\thome\thome\tADV\tRB\t_\t3\tadvmod\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tAbiy\tAbiy\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\tAhmed\tAhmed\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
      "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
      "6\turged\turge\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
      "7\thim\the\tPRON\tPRP\t_\t6\tobj\t_\t_\n"
      "8\tto\tto\tPART\tTO\t_\t9\tmark\t_\t_\n"
      "9\treopen\treopen\tVERB\tVB\t_\t6\txcomp\t_\t_\n"
      "10\tthe\tthe\tDET\tDT\t_\t11\tdet\t_\t_\n"
      "11\tborder\tborder\tNOUN\tNN\t_\t9\tobj\t_\t_\n"
      "12\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tBoth\tboth\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tsides\tside\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tset\tset\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
      "6\tup\tup\tADP\tRP\t_\t5\tcompound:prt\t_\t_\n"
      "7\ta\ta\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "8\tcommission\tcommission\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int ruto = f.Add("William Ruto", ReferentKind::kPerson);
  const int abiy = f.Add("Abiy Ahmed", ReferentKind::kPerson);
  f.Ref(0, 0, 2, {ruto});
  f.Ref(1, 2, 4, {abiy});
  Coref().AssignGenders(&f.refs);
  CHECK(f.refs.referents[ruto].gender == 'm');
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 0, 1) == std::vector<int>{ruto});  // He
  CHECK(Resolved(f, 1, 6, 7) == std::vector<int>{abiy});  // him: not the clause's own subject
  const auto both = Resolved(f, 2, 0, 2);
  REQUIRE(both.size() == 2);
  CHECK(std::find(both.begin(), both.end(), ruto) != both.end());
  CHECK(std::find(both.begin(), both.end(), abiy) != both.end());

  SECTION("the relations then read through the references") {
    auto lex = EventLexicon::LoadFromDir(kg::testing::SourceDir() + "/data");
    REQUIRE(lex.ok());
    const auto rels = RelationExtractor(*lex).Extract(f.doc, f.refs);
    CHECK(Find(rels, ruto, abiy, {"meet"}).size() == 1);
    CHECK(Find(rels, ruto, abiy, {"urge"}).size() == 1);
    CHECK(Find(rels, ruto, abiy, {"agree"}).size() == 1);
  }
}

TEST_CASE("Coreference: it, pleonastic it, and definite descriptions", "[extract][coref]") {
  RelationFixture f;
  f.Parse(
      "1\tMacron\tMacron\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tRussia\tRussia\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tIt\tit\tPRON\tPRP\t_\t3\texpl\t_\t_\n"
      "2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n"
      "3\tlikely\tlikely\tADJ\tJJ\t_\t0\troot\t_\t_\n"
      "4\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_\n"
      "5\ttalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
      "6\tresume\tresume\tVERB\tVBP\t_\t3\tccomp\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tpresident\tpresident\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\talliance\talliance\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int nato = f.Add("NATO", ReferentKind::kOrg);
  f.refs.referents[nato].subtype = "alliance";
  const int russia = f.Add("Russia", ReferentKind::kGpe);
  const int macron = f.Add("Emmanuel Macron", ReferentKind::kPerson);
  f.refs.referents[macron].roles = {"president"};
  f.Ref(0, 0, 1, {macron});
  f.Ref(1, 0, 1, {nato});
  f.Ref(2, 2, 3, {russia});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 2, 0, 1) == std::vector<int>{nato});  // It warned Russia
  CHECK(Resolved(f, 3, 0, 1).empty());                    // It is likely that…
  CHECK(Resolved(f, 4, 0, 2) == std::vector<int>{macron});  // the president
  CHECK(Resolved(f, 4, 3, 5) == std::vector<int>{nato});    // the alliance
}

TEST_CASE("Coreference: an institution's description takes the entity whose name holds it", "[extract][coref]") {
  // "The Supreme Court barred the Ministry of Finance from selling the bonds to Orlan Bank.
  //  The ministry appealed. The court ..."  with an entity for each.
  RelationFixture f;
  f.Parse(
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tSupreme\tSupreme\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tCourt\tCourt\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\tbarred\tbar\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tMinistry\tMinistry\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tFinance\tFinance\tPROPN\tNNP\t_\t6\tnmod\t_\t_\n"
      "9\tfrom\tfrom\tSCONJ\tIN\t_\t10\tmark\t_\t_\n"
      "10\tselling\tsell\tVERB\tVBG\t_\t4\tadvcl\t_\t_\n"
      "11\tbonds\tbond\tNOUN\tNNS\t_\t10\tobj\t_\t_\n"
      "12\tto\tto\tADP\tIN\t_\t13\tcase\t_\t_\n"
      "13\tOrlan\tOrlan\tPROPN\tNNP\t_\t10\tobl\t_\t_\n"
      "14\tBank\tBank\tPROPN\tNNP\t_\t13\tflat\t_\t_\n"
      "15\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tministry\tministry\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tappealed\tappeal\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tcourt\tcourt\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tcommission\tcommission\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tobjected\tobject\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int court = f.Add("Supreme Court", ReferentKind::kOrg);
  const int ministry = f.Add("Ministry of Finance", ReferentKind::kOrg);
  const int bank = f.Add("Orlan Bank", ReferentKind::kOrg);
  f.Ref(0, 1, 3, {court});
  f.Ref(0, 5, 8, {ministry});
  f.Ref(0, 12, 14, {bank});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 0, 2) == std::vector<int>{ministry});  // not the bank named last
  CHECK(Resolved(f, 2, 0, 2) == std::vector<int>{court});
  CHECK(Resolved(f, 3, 0, 2).empty());  // no commission was named: not some other body
}

TEST_CASE("Coreference: a bare institution noun qualifying a title is the institution", "[extract][coref]") {
  // "Lindqvist joined the Audit Commission. Commission chair Eva Lund resigned. Ministry
  //  officials left."
  RelationFixture f;
  f.Parse(
      "1\tLindqvist\tLindqvist\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tjoined\tjoin\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "4\tAudit\tAudit\tPROPN\tNNP\t_\t5\tcompound\t_\t_\n"
      "5\tCommission\tCommission\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tCommission\tcommission\tNOUN\tNN\t_\t2\tcompound\t_\t_\n"
      "2\tchair\tchair\tNOUN\tNN\t_\t3\tcompound\t_\t_\n"
      "3\tEva\tEva\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "4\tLund\tLund\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
      "5\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n\n"
      "1\tMinistry\tministry\tNOUN\tNN\t_\t2\tcompound\t_\t_\n"
      "2\tofficials\tofficial\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int lindqvist = f.Add("Lindqvist", ReferentKind::kPerson);
  const int commission = f.Add("Audit Commission", ReferentKind::kOrg);
  const int lund = f.Add("Eva Lund", ReferentKind::kPerson);
  f.Ref(0, 0, 1, {lindqvist});
  f.Ref(0, 3, 5, {commission});
  f.Ref(1, 2, 4, {lund});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 0, 1) == std::vector<int>{commission});
  CHECK(Resolved(f, 2, 0, 1).empty());  // no ministry was named
}

TEST_CASE("Coreference: 'its' in an object is the clause's subject", "[extract][coref]") {
  // "Ankara protested. Ankara said Athens withdrew its ships."
  RelationFixture f;
  f.Parse(
      "1\tAnkara\tAnkara\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tAnkara\tAnkara\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tAthens\tAthens\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\twithdrew\twithdraw\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
      "5\tits\tits\tPRON\tPRP$\t_\t6\tnmod:poss\t_\t_\n"
      "6\tships\tship\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int turkey = f.Add("Turkey", ReferentKind::kGpe);
  const int greece = f.Add("Greece", ReferentKind::kGpe);
  f.Ref(0, 0, 1, {turkey});
  f.Ref(1, 0, 1, {turkey});
  f.Ref(1, 2, 3, {greece});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 4, 5) == std::vector<int>{greece});  // not the more salient Turkey
}

TEST_CASE("Coreference: a subject that names its actor through a modifier pairs with its object", "[extract][coref]") {
  // "Chinese officials urged Ottawa. Both governments met."
  RelationFixture f;
  f.Parse(
      "1\tChinese\tChinese\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
      "2\tofficials\tofficial\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tOttawa\tOttawa\tPROPN\tNNP\t_\t3\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tBoth\tboth\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tgovernments\tgovernment\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int china = f.Add("China", ReferentKind::kGpe);
  const int canada = f.Add("Canada", ReferentKind::kGpe);
  f.refs.referents[canada].subtype = "country";
  f.Ref(0, 0, 1, {china}, ReferenceSource::kDemonym);
  f.Ref(0, 3, 4, {canada});
  Coref().Resolve(f.doc, &f.refs);
  auto both = Resolved(f, 1, 0, 2);
  std::sort(both.begin(), both.end());
  CHECK(both == std::vector<int>{china, canada});
}

TEST_CASE("Coreference: a description with its name is no anaphor; names deep in subordinate clauses are less salient",
          "[extract][coref]") {
  // "NATO met. The alliance AUKUS spoke. The march was led by Orlan, which grew after
  //  Sigma left Vasa. Its chief spoke."
  RelationFixture f;
  f.Parse(
      "1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\talliance\talliance\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
      "3\tAUKUS\tAUKUS\tPROPN\tNNP\t_\t2\tappos\t_\t_\n"
      "4\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tmarch\tmarch\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_\n"
      "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
      "4\tled\tlead\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tOrlan\tOrlan\tPROPN\tNNP\t_\t4\tobl:agent\t_\t_\n"
      "7\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
      "8\twhich\twhich\tPRON\tWDT\t_\t9\tnsubj\t_\t_\n"
      "9\tgrew\tgrow\tVERB\tVBD\t_\t6\tacl:relcl\t_\t_\n"
      "10\tafter\tafter\tSCONJ\tIN\t_\t12\tmark\t_\t_\n"
      "11\tSigma\tSigma\tPROPN\tNNP\t_\t12\tnsubj\t_\t_\n"
      "12\tleft\tleave\tVERB\tVBD\t_\t9\tadvcl\t_\t_\n"
      "13\tVasa\tVasa\tPROPN\tNNP\t_\t12\tobj\t_\t_\n"
      "14\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
      "1\tIts\tits\tPRON\tPRP$\t_\t2\tnmod:poss\t_\t_\n"
      "2\tchief\tchief\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int nato = f.Add("NATO", ReferentKind::kOrg);
  const int orlan = f.Add("Orlan", ReferentKind::kOrg);
  const int sigma = f.Add("Sigma", ReferentKind::kOrg);
  const int vasa = f.Add("Vasa", ReferentKind::kOrg);
  f.refs.referents[nato].subtype = "alliance";
  f.Ref(0, 0, 1, {nato});
  f.Ref(2, 5, 6, {orlan});
  f.Ref(2, 9, 10, {sigma});
  f.Ref(2, 11, 12, {vasa});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 0, 2).empty());                    // "The alliance AUKUS" is AUKUS, not NATO
  CHECK(Resolved(f, 3, 0, 1) == std::vector<int>{orlan});  // not Vasa, two clauses down
}

TEST_CASE("Coreference: a description takes the entity the text described with that noun", "[extract][coref]") {
  // "Orlan bought the shipping firm Varde. Sigma praised Nokka. Kestrel also bid for the firm."
  RelationFixture f;
  f.Parse(
      "1\tOrlan\tOrlan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "4\tshipping\tshipping\tNOUN\tNN\t_\t5\tcompound\t_\t_\n"
      "5\tfirm\tfirm\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\tVarde\tVarde\tPROPN\tNNP\t_\t5\tappos\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tSigma\tSigma\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tNokka\tNokka\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tKestrel\tKestrel\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
      "2\talso\talso\tADV\tRB\t_\t3\tadvmod\t_\t_\n"
      "3\tbid\tbid\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tfor\tfor\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tfirm\tfirm\tNOUN\tNN\t_\t3\tobl\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int orlan = f.Add("Orlan", ReferentKind::kOrg);
  const int varde = f.Add("Varde", ReferentKind::kOrg);
  const int sigma = f.Add("Sigma", ReferentKind::kOrg);
  const int nokka = f.Add("Nokka", ReferentKind::kOrg);
  const int kestrel = f.Add("Kestrel", ReferentKind::kOrg);
  f.Ref(0, 0, 1, {orlan});
  f.Ref(0, 5, 6, {varde});
  f.Ref(1, 0, 1, {sigma});
  f.Ref(1, 2, 3, {nokka});
  f.Ref(2, 0, 1, {kestrel});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 2, 4, 6) == std::vector<int>{varde});  // not Nokka, named last
}

TEST_CASE("Coreference: countries of a pair are the countries its people serve", "[extract][coref]") {
  // "Rubio warned Mexico. Both neighbours talked."
  RelationFixture f;
  f.Parse(
      "1\tRubio\tRubio\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tMexico\tMexico\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tBoth\tboth\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tneighbours\tneighbour\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\ttalked\ttalk\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int us = f.Add("United States", ReferentKind::kGpe);
  const int mexico = f.Add("Mexico", ReferentKind::kGpe);
  const int rubio = f.Add("Marco Rubio", ReferentKind::kPerson, us);
  f.Ref(0, 0, 1, {rubio});
  f.Ref(0, 2, 3, {mexico});
  Coref().Resolve(f.doc, &f.refs);
  auto both = Resolved(f, 1, 0, 2);
  std::sort(both.begin(), both.end());
  CHECK(both == std::vector<int>{us, mexico});
}

TEST_CASE("Coreference: 'his Japanese counterpart' is the person named before who serves Japan", "[extract][coref]") {
  // "Tanaka hosted Park. Park invited his Japanese counterpart."
  RelationFixture f;
  f.Parse(
      "1\tTanaka\tTanaka\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\thosted\thost\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tPark\tPark\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tPark\tPark\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tinvited\tinvite\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\this\the\tPRON\tPRP$\t_\t5\tnmod:poss\t_\t_\n"
      "4\tJapanese\tJapanese\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tcounterpart\tcounterpart\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int japan = f.Add("Japan", ReferentKind::kGpe);
  const int korea = f.Add("South Korea", ReferentKind::kGpe);
  const int tanaka = f.Add("Kenji Tanaka", ReferentKind::kPerson, japan);
  const int park = f.Add("Park Min-ho", ReferentKind::kPerson, korea);
  f.Ref(0, 0, 1, {tanaka});
  f.Ref(0, 2, 3, {park});
  f.Ref(1, 0, 1, {park});
  f.Ref(1, 3, 4, {japan}, ReferenceSource::kDemonym);
  Coref().AssignGenders(&f.refs);
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 4, 5) == std::vector<int>{tanaka});
  SECTION("no one serving that country: no reference") {
    f.refs.referents[tanaka].country = -1;
    f.refs.references.resize(4);
    Coref().Resolve(f.doc, &f.refs);
    CHECK(Resolved(f, 1, 4, 5).empty());
  }
}

TEST_CASE("Coreference: a group phrase after the verb is not the clause's own subjects", "[extract][coref]") {
  // "Quito accused Bogota. Peru and Brazil offered to mediate between the two neighbours."
  RelationFixture f;
  f.Parse(
      "1\tEcuador\tEcuador\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tColombia\tColombia\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tPeru\tPeru\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tBrazil\tBrazil\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\toffered\toffer\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tto\tto\tPART\tTO\t_\t6\tmark\t_\t_\n"
      "6\tmediate\tmediate\tVERB\tVB\t_\t4\txcomp\t_\t_\n"
      "7\tbetween\tbetween\tADP\tIN\t_\t10\tcase\t_\t_\n"
      "8\tthe\tthe\tDET\tDT\t_\t10\tdet\t_\t_\n"
      "9\ttwo\ttwo\tNUM\tCD\t_\t10\tnummod\t_\t_\n"
      "10\tneighbours\tneighbour\tNOUN\tNNS\t_\t6\tobl\t_\t_\n"
      "11\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const int ecuador = f.Add("Ecuador", ReferentKind::kGpe);
  const int colombia = f.Add("Colombia", ReferentKind::kGpe);
  const int peru = f.Add("Peru", ReferentKind::kGpe);
  const int brazil = f.Add("Brazil", ReferentKind::kGpe);
  for (int r : {ecuador, colombia, peru, brazil}) f.refs.referents[r].subtype = "country";
  f.Ref(0, 0, 1, {ecuador});
  f.Ref(0, 2, 3, {colombia});
  f.Ref(1, 0, 1, {peru});
  f.Ref(1, 2, 3, {brazil});
  Coref().Resolve(f.doc, &f.refs);
  auto two = Resolved(f, 1, 7, 10);
  std::sort(two.begin(), two.end());
  CHECK(two == std::vector<int>{ecuador, colombia});
}

TEST_CASE("Coreference: 'the government' with no word saying whose is the country named most", "[extract][coref]") {
  // "Kenyan police met Ugandan officers in Nairobi. A union sued the government."
  RelationFixture f;
  f.Parse(
      "1\tKenyan\tKenyan\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
      "2\tpolice\tpolice\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tUgandan\tUgandan\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tofficers\tofficer\tNOUN\tNNS\t_\t3\tobj\t_\t_\n"
      "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tNairobi\tNairobi\tPROPN\tNNP\t_\t3\tobl\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
      "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tunion\tunion\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tsued\tsue\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tgovernment\tgovernment\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  const int kenya = f.Add("Kenya", ReferentKind::kGpe);
  const int uganda = f.Add("Uganda", ReferentKind::kGpe);
  const int nairobi = f.Add("Nairobi", ReferentKind::kGpe, kenya);
  f.refs.referents[kenya].subtype = f.refs.referents[uganda].subtype = "country";
  f.refs.referents[nairobi].subtype = "capital";
  f.Ref(0, 0, 1, {kenya}, ReferenceSource::kDemonym);
  f.Ref(0, 3, 4, {uganda}, ReferenceSource::kDemonym);
  f.Ref(0, 6, 7, {nairobi});
  Coref().Resolve(f.doc, &f.refs);
  CHECK(Resolved(f, 1, 3, 5) == std::vector<int>{kenya});  // Uganda is named last, Kenya most
  SECTION("'the Ugandan government' is no reference back") {
    RelationFixture g;
    g.Parse(
        "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
        "2\tUgandan\tUgandan\tADJ\tJJ\t_\t3\tamod\t_\t_\n"
        "3\tgovernment\tgovernment\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
        "4\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
    const int k = g.Add("Kenya", ReferentKind::kGpe);
    const int u = g.Add("Uganda", ReferentKind::kGpe);
    g.refs.referents[k].subtype = g.refs.referents[u].subtype = "country";
    g.Ref(0, 1, 2, {u}, ReferenceSource::kDemonym);
    Coref().Resolve(g.doc, &g.refs);
    CHECK(Resolved(g, 0, 0, 3).empty());
  }
}

TEST_CASE("Coreference: 'it' opening an adverbial clause is the unnamed subject it modifies", "[extract][coref]") {
  // "Varde sued Ostra. The agency waited until it received the report."
  auto make = [](const std::string& subject, const std::string& upos) {
    RelationFixture f;
    f.Parse(
        "1\tVarde\tVarde\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tsued\tsue\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\t" + subject + "\t" + subject + "\t" + upos + "\tNN\tNumber=Sing\t3\tnsubj\t_\t_\n"
        "3\twaited\twait\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\tuntil\tuntil\tSCONJ\tIN\t_\t6\tmark\t_\t_\n"
        "5\tit\tit\tPRON\tPRP\t_\t6\tnsubj\t_\t_\n"
        "6\treceived\treceive\tVERB\tVBD\t_\t3\tadvcl\t_\t_\n"
        "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
        "8\treport\treport\tNOUN\tNN\t_\t6\tobj\t_\t_\n"
        "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
    const int varde = f.Add("Varde", ReferentKind::kOrg);
    const int ostra = f.Add("Ostra", ReferentKind::kOrg);
    f.Ref(0, 0, 1, {varde});
    f.Ref(0, 2, 3, {ostra});
    Coref().Resolve(f.doc, &f.refs);
    return Resolved(f, 1, 4, 5);
  };
  CHECK(make("ministry", "NOUN").empty());   // the ministry, which no name here names
  CHECK(make("ministry", "PROPN").empty());  // whatever the tagger called it
  CHECK(!make("Varde", "PROPN").empty());    // a name: ordinary resolution
}

TEST_CASE("Coreference: subjects of coordinated clauses are a pair; 'both' as a pre-conjunction", "[extract][coref]") {
  // "Chile sent doctors, and Peru pledged money. Lima thanked both countries."
  RelationFixture f;
  f.Parse(
      "1\tChile\tChile\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tdoctors\tdoctor\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "5\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "6\tPeru\tPeru\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "7\tpledged\tpledge\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
      "8\tmoney\tmoney\tNOUN\tNN\t_\t7\tobj\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "1\tBolivia\tBolivia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tboth\tboth\tCCONJ\tCC\t_\t4\tcc:preconj\t_\t_\n"
      "4\tcountries\tcountry\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int chile = f.Add("Chile", ReferentKind::kGpe);
  const int peru = f.Add("Peru", ReferentKind::kGpe);
  const int bolivia = f.Add("Bolivia", ReferentKind::kGpe);
  for (int r : {chile, peru, bolivia}) f.refs.referents[r].subtype = "country";
  f.Ref(0, 0, 1, {chile});
  f.Ref(0, 5, 6, {peru});
  f.Ref(1, 0, 1, {bolivia});
  Coref().Resolve(f.doc, &f.refs);
  auto both = Resolved(f, 1, 2, 4);
  std::sort(both.begin(), both.end());
  CHECK(both == std::vector<int>{chile, peru});
}

TEST_CASE("Coreference: 'the ministry' with no ministry named is the home country's", "[extract][coref]") {
  // "FIFA urged the ministry." in an article about Ghana.
  RelationFixture f;
  f.Parse(
      "1\tFIFA\tFIFA\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tministry\tministry\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const int fifa = f.Add("FIFA", ReferentKind::kOrg);
  const int ghana = f.Add("Ghana", ReferentKind::kGpe);
  f.refs.referents[ghana].subtype = "country";
  f.refs.home_country = ghana;
  f.Ref(0, 0, 1, {fifa});
  SECTION("no ministry named: the home country") {
    Coref().Resolve(f.doc, &f.refs);
    CHECK(Resolved(f, 0, 2, 4) == std::vector<int>{ghana});
  }
  SECTION("a ministry named before: that ministry") {
    const int moh = f.Add("Ministry of Youth and Sports", ReferentKind::kOrg);
    RelationFixture g = f;
    g.Parse(
        "1\tThe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
        "2\tMinistry\tMinistry\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
        "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
        "4\tSports\tSports\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
        "5\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
    // The named ministry comes first in the text: move the FIFA sentence after it.
    std::swap(g.doc.sentences[0], g.doc.sentences[1]);
    g.refs.references.clear();
    g.Ref(0, 1, 4, {moh});
    g.Ref(1, 0, 1, {fifa});
    Coref().Resolve(g.doc, &g.refs);
    CHECK(Resolved(g, 1, 2, 4) == std::vector<int>{moh});
  }
}

TEST_CASE("Coreference: lexicon files are versioned", "[extract][coref]") {
  std::istringstream names("# kg-coref given-names v9\n");
  std::istringstream desc("# kg-coref descriptions v1\n");
  auto r = Coreference::Load(names, desc, "t");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("version 9 is not supported") != std::string::npos);
}
