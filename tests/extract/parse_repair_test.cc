#include "extract/relations/parse_repair.h"

#include <catch2/catch.hpp>

#include "extract/syntax/conllu.h"

using namespace kg::extract;

namespace {
Sentence Parse(const std::string& conllu) {
  auto parsed = ParseConllu(conllu, "test");
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 1);
  return (*parsed)[0].sentence;
}
bool Reporting(const std::string& lemma) { return lemma == "stress" || lemma == "claim" || lemma == "say"; }
}  // namespace

TEST_CASE("ParseRepair: the noun before a subjectless -ing verb after 'with' is its subject", "[extract][relations]") {
  // "… efforts, with Hegseth skipping a meeting." parsed with "skipping" on "efforts".
  Sentence s = Parse(
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tkept\tkeep\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tefforts\teffort\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\twith\twith\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tHegseth\tHegseth\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tskipping\tskip\tVERB\tVBG\t_\t3\tacl\t_\t_\n"
      "7\ta\ta\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "8\tmeeting\tmeeting\tNOUN\tNN\t_\t6\tobj\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[4].head == 5);
  CHECK(s.tokens[4].deprel == "nsubj");
  CHECK(s.tokens[5].head == 1);  // the clause now hangs on the verb
  CHECK(s.tokens[5].deprel == "advcl");
  SECTION("an object of a perception verb is left alone") {
    Sentence t = Parse(
        "1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
        "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tTrump\tTrump\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
        "4\tleaving\tleave\tVERB\tVBG\t_\t2\txcomp\t_\t_\n\n");
    RepairParse(&t, Reporting);
    CHECK(t.tokens[2].head == 1);
    CHECK(t.tokens[2].deprel == "obj");
  }
}

TEST_CASE("ParseRepair: a coordinated verb of saying joins the first one", "[extract][relations]") {
  // "Trump stressed that Iran must stop and claimed that Putin agreed", with "claimed"
  // coordinated to "stop" inside the first reported clause.
  Sentence s = Parse(
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tstressed\tstress\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "4\tIran\tIran\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\tstop\tstop\tVERB\tVB\t_\t2\tccomp\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tclaimed\tclaim\tVERB\tVBD\t_\t5\tconj\t_\t_\n"
      "8\tthat\tthat\tSCONJ\tIN\t_\t10\tmark\t_\t_\n"
      "9\tPutin\tPutin\tPROPN\tNNP\t_\t10\tnsubj\t_\t_\n"
      "10\tagreed\tagree\tVERB\tVBD\t_\t7\tccomp\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[6].head == 1);
  CHECK(s.tokens[6].deprel == "conj");
}

TEST_CASE("ParseRepair: duplicate subjects, punctuation heads, misplaced obliques, orphan subjects", "[extract][relations]") {
  SECTION("a title taken for a second subject becomes the name's compound") {
    Sentence s = Parse(
        "1\tOpposition\topposition\tNOUN\tNN\t_\t2\tcompound\t_\t_\n"
        "2\tleader\tleader\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
        "3\tTomasz\tTomasz\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
        "4\tWielgosz\tWielgosz\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
        "5\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
    RepairParse(&s, Reporting);
    CHECK(s.tokens[1].head == 2);
    CHECK(s.tokens[1].deprel == "compound");
    CHECK(s.tokens[2].deprel == "nsubj");
  }
  SECTION("two subjects with 'and' between them become a coordination") {
    Sentence s = Parse(
        "1\tTrump\tTrump\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
        "2\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_\n"
        "3\tPutin\tPutin\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
        "4\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
    RepairParse(&s, Reporting);
    CHECK(s.tokens[2].head == 0);
    CHECK(s.tokens[2].deprel == "conj");
    CHECK(s.tokens[1].head == 2);
  }
  SECTION("a name hung on a comma goes to the comma's head") {
    Sentence s = Parse(
        "1\tleader\tleader\tNOUN\tNN\t_\t0\troot\t_\t_\n"
        "2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_\n"
        "3\tZelenskyy\tZelenskyy\tPROPN\tNNP\t_\t2\tappos\t_\t_\n\n");
    RepairParse(&s, Reporting);
    CHECK(s.tokens[2].head == 0);
  }
  SECTION("an oblique before the 'and' of another conjunct returns to the verb before it") {
    Sentence s = Parse(
        "1\tEU\tEU\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\timposed\timpose\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\ttariffs\ttariff\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
        "5\tcars\tcar\tNOUN\tNNS\t_\t9\tobl\t_\t_\n"
        "6\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
        "7\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_\n"
        "8\tChina\tChina\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
        "9\tretaliated\tretaliate\tVERB\tVBD\t_\t2\tconj\t_\t_\n\n");
    RepairParse(&s, Reporting);
    CHECK(s.tokens[4].head == 1);
  }
  SECTION("a coordinated name opening a conjunct before a subjectless verb is its subject") {
    Sentence s = Parse(
        "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
        "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\ton\ton\tADP\tIN\t_\t4\tcase\t_\t_\n"
        "4\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
        "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
        "6\tSarabia\tSarabia\tPROPN\tNNP\t_\t4\tconj\t_\t_\n"
        "7\tsaid\tsay\tVERB\tVBD\t_\t2\tadvcl\t_\t_\n\n");
    RepairParse(&s, Reporting);
    CHECK(s.tokens[5].head == 6);
    CHECK(s.tokens[5].deprel == "nsubj");
    CHECK(s.tokens[4].head == 6);
  }
}

TEST_CASE("ParseRepair: a non-restrictive relative clause ends at its comma", "[extract][relations]") {
  // "Wielgosz, who heads the Front, told reporters." with "Front" taken as the subject of "told".
  Sentence s = Parse(
      "1\tWielgosz\tWielgosz\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_\n"
      "3\twho\twho\tPRON\tWP\t_\t4\tnsubj\t_\t_\n"
      "4\theads\thead\tVERB\tVBZ\t_\t1\tacl:relcl\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tFront\tFront\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n"
      "7\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "8\ttold\ttell\tVERB\tVBD\t_\t4\tccomp\t_\t_\n"
      "9\treporters\treporter\tNOUN\tNNS\t_\t8\tobj\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[5].head == 3);
  CHECK(s.tokens[5].deprel == "obj");
  CHECK(s.tokens[7].head == -1);
  CHECK(s.tokens[0].head == 7);
  CHECK(s.tokens[0].deprel == "nsubj");
}

TEST_CASE("ParseRepair: a root noun with a transitive participle is a main clause", "[extract][relations]") {
  Sentence s = Parse(
      "1\tRebels\trebel\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "2\tattacked\tattack\tVERB\tVBN\t_\t1\tacl\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[1].head == -1);
  CHECK(s.tokens[0].head == 1);
  CHECK(s.tokens[0].deprel == "nsubj");
  CHECK(s.tokens[4].head == 1);
  SECTION("a real reduced relative without an object stays") {
    Sentence t = Parse(
        "1\tTroops\ttroop\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
        "2\tsent\tsend\tVERB\tVBN\t_\t1\tacl\t_\t_\n"
        "3\tthere\tthere\tADV\tRB\t_\t2\tadvmod\t_\t_\n\n");
    RepairParse(&t, Reporting);
    CHECK(t.tokens[0].head == -1);
  }
}

TEST_CASE("ParseRepair: be + past-participle adjective is a passive, its by-phrase the agent", "[extract][relations]") {
  Sentence s = Parse(
      "1\tSoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\t_\t3\tcop\t_\t_\n"
      "3\twounded\twounded\tADJ\tJJ\t_\t8\tccomp\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\ttroops\ttroop\tNOUN\tNNS\t_\t8\tobl\t_\t_\n"
      "6\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
      "7\tofficials\tofficial\tNOUN\tNNS\t_\t8\tnsubj\t_\t_\n"
      "8\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[2].upos == "VERB");
  CHECK(s.tokens[0].deprel == "nsubj:pass");
  CHECK(s.tokens[1].deprel == "aux:pass");
  CHECK(s.tokens[4].head == 2);
  CHECK(s.tokens[4].deprel == "obl:agent");
}

TEST_CASE("ParseRepair: side-by-side objects are a thing and its name; a bare nmod after 'and' is a conjunct", "[extract][relations]") {
  Sentence s = Parse(
      "1\tMicrosoft\tMicrosoft\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tstudio\tstudio\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tKivilinna\tKivilinna\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[4].head == 3);
  CHECK(s.tokens[4].deprel == "appos");
  Sentence t = Parse(
      "1\tMr\tMr\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "2\tTrump\tTrump\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
      "3\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_\n"
      "4\tPutin\tPutin\tPROPN\tNNP\t_\t1\tnmod\t_\t_\n"
      "5\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  RepairParse(&t, Reporting);
  CHECK(t.tokens[3].deprel == "conj");
  CHECK(t.tokens[2].head == 3);
}

TEST_CASE("ParseRepair: a name subject right before a common-noun subject qualifies it", "[extract][relations]") {
  // "A Baltic Navy (BN) frigate struck a Danish ferry." with two subjects on "struck".
  Sentence s = Parse(
      "1\tA\ta\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tBaltic\tBaltic\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tNavy\tNavy\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n"
      "4\t(\t(\tPUNCT\t-LRB-\t_\t5\tpunct\t_\t_\n"
      "5\tBN\tBN\tPROPN\tNNP\t_\t3\tappos\t_\t_\n"
      "6\t)\t)\tPUNCT\t-RRB-\t_\t5\tpunct\t_\t_\n"
      "7\tfrigate\tfrigate\tNOUN\tNN\t_\t8\tnsubj\t_\t_\n"
      "8\tstruck\tstrike\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "9\ta\ta\tDET\tDT\t_\t11\tdet\t_\t_\n"
      "10\tDanish\tDanish\tADJ\tJJ\t_\t11\tamod\t_\t_\n"
      "11\tferry\tferry\tNOUN\tNN\t_\t8\tobj\t_\t_\n"
      "12\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[2].head == 6);
  CHECK(s.tokens[2].deprel == "compound");
  CHECK(s.tokens[0].head == 6);  // "A" goes with "frigate"
  CHECK(s.tokens[6].deprel == "nsubj");
}

TEST_CASE("ParseRepair: a participle with a caseless object heads the clause; a verb coordinated with a noun joins its verb",
          "[extract][relations]") {
  // "Poland's trade chief criticised the ban on grain and called on Kyiv." parsed as a
  // noun with a participle, the object as an agent, and "called" coordinated with "ban".
  Sentence s = Parse(
      "1\tPoland\tPoland\tPROPN\tNNP\t_\t4\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\ttrade\ttrade\tNOUN\tNN\t_\t4\tcompound\t_\t_\n"
      "4\tchief\tchief\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "5\tcriticised\tcriticise\tVERB\tVBN\t_\t4\tacl\t_\t_\n"
      "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "7\tban\tban\tNOUN\tNN\t_\t5\tobl:agent\t_\t_\n"
      "8\ton\ton\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tgrain\tgrain\tNOUN\tNN\t_\t7\tnmod\t_\t_\n"
      "10\tand\tand\tCCONJ\tCC\t_\t11\tcc\t_\t_\n"
      "11\tcalled\tcall\tVERB\tVBD\t_\t7\tconj\t_\t_\n"
      "12\ton\ton\tADP\tIN\t_\t13\tcase\t_\t_\n"
      "13\tKyiv\tKyiv\tPROPN\tNNP\t_\t11\tobl\t_\t_\n"
      "14\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[4].head == -1);
  CHECK(s.tokens[3].head == 4);
  CHECK(s.tokens[3].deprel == "nsubj");
  CHECK(s.tokens[6].deprel == "obj");
  CHECK(s.tokens[10].head == 4);
  CHECK(s.tokens[10].deprel == "conj");
}

TEST_CASE("ParseRepair: ', which' right after a name opens a clause about that name", "[extract][relations]") {
  // "Days after the vote, Orlan Mining, which made a bid, sued Kestrel." with the
  // relative clause hung on "Days".
  Sentence s = Parse(
      "1\tDays\tday\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "2\tafter\tafter\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tvote\tvote\tNOUN\tNN\t_\t1\tnmod\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "6\tOrlan\tOrlan\tPROPN\tNNP\t_\t4\tappos\t_\t_\n"
      "7\tMining\tMining\tPROPN\tNNP\t_\t6\tflat\t_\t_\n"
      "8\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_\n"
      "9\twhich\twhich\tPRON\tWDT\t_\t10\tnsubj\t_\t_\n"
      "10\tmade\tmake\tVERB\tVBD\t_\t1\tacl:relcl\t_\t_\n"
      "11\ta\ta\tDET\tDT\t_\t12\tdet\t_\t_\n"
      "12\tbid\tbid\tNOUN\tNN\t_\t10\tobj\t_\t_\n"
      "13\t,\t,\tPUNCT\t,\t_\t14\tpunct\t_\t_\n"
      "14\tsued\tsue\tVERB\tVBD\t_\t10\tconj\t_\t_\n"
      "15\tKestrel\tKestrel\tPROPN\tNNP\t_\t14\tobj\t_\t_\n"
      "16\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[9].head == 5);
  CHECK(s.tokens[9].deprel == "acl:relcl");
  SECTION("a name completing the noun the clause is on leaves it there") {
    // "They met the head of the Union, who resigned."
    Sentence t = Parse(
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\thead\thead\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "7\tUnion\tUnion\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n"
      "8\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_\n"
      "9\twho\twho\tPRON\tWP\t_\t10\tnsubj\t_\t_\n"
      "10\tresigned\tresign\tVERB\tVBD\t_\t4\tacl:relcl\t_\t_\n"
      "11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
    RepairParse(&t, Reporting);
    CHECK(t.tokens[9].head == 3);
  }
}

TEST_CASE("ParseRepair: a clause ends at a semicolon", "[extract][relations]") {
  // "Lazard advised Orlan; Kestrel was advised by Barclays." with "Lazard advised Orlan"
  // parsed as a noun and its participle, the noun a second subject of the passive.
  Sentence s = Parse(
      "1\tLazard\tLazard\tPROPN\tNNP\t_\t7\tnsubj:pass\t_\t_\n"
      "2\tadvised\tadvise\tVERB\tVBN\t_\t1\tacl\t_\t_\n"
      "3\tOrlan\tOrlan\tPROPN\tNNP\t_\t2\tobl:unmarked\t_\t_\n"
      "4\t;\t;\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "5\tKestrel\tKestrel\tPROPN\tNNP\t_\t7\tnsubj:pass\t_\t_\n"
      "6\twas\tbe\tAUX\tVBD\t_\t7\taux:pass\t_\t_\n"
      "7\tadvised\tadvise\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "8\tby\tby\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tBarclays\tBarclays\tPROPN\tNNP\t_\t7\tobl:agent\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[1].head == 6);
  CHECK(s.tokens[1].deprel == "parataxis");
  CHECK(s.tokens[0].head == 1);
  CHECK(s.tokens[0].deprel == "nsubj");
  CHECK(s.tokens[2].deprel == "obj");
  CHECK(s.tokens[4].deprel == "nsubj:pass");  // the passive keeps its own subject
}

TEST_CASE("ParseRepair: an article taken for an object gives its place to its noun", "[extract][relations]") {
  // "Oslo pledged a $5 million to UNICEF." with "a" as the object and "$" below it.
  Sentence s = Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tpledged\tpledge\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t2\tobj\t_\t_\n"
      "4\t$\t$\tSYM\t$\t_\t3\tobj\t_\t_\n"
      "5\t5\t5\tNUM\tCD\t_\t6\tcompound\t_\t_\n"
      "6\tmillion\tmillion\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
      "7\tto\tto\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tUNICEF\tUNICEF\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[3].head == 1);
  CHECK(s.tokens[3].deprel == "obj");
  CHECK(s.tokens[2].head == 3);
  CHECK(s.tokens[2].deprel == "det");
  CHECK(s.tokens[7].head == 3);  // "to UNICEF" stays on the amount
}

TEST_CASE("ParseRepair: an -ing clause after an apposition belongs to the main verb", "[extract][relations]") {
  // "Oslo sold shares to Varde, a fund based in Bergen, without asking Parliament." with
  // "asking" hung on "based".
  Sentence s = Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tshares\tshare\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tVarde\tVarde\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "6\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
      "7\ta\ta\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "8\tfund\tfund\tNOUN\tNN\t_\t5\tappos\t_\t_\n"
      "9\tbased\tbase\tVERB\tVBN\t_\t8\tacl\t_\t_\n"
      "10\tin\tin\tADP\tIN\t_\t11\tcase\t_\t_\n"
      "11\tBergen\tBergen\tPROPN\tNNP\t_\t9\tobl\t_\t_\n"
      "12\t,\t,\tPUNCT\t,\t_\t13\tpunct\t_\t_\n"
      "13\twithout\twithout\tSCONJ\tIN\t_\t14\tmark\t_\t_\n"
      "14\tasking\task\tVERB\tVBG\t_\t9\tadvcl\t_\t_\n"
      "15\tParliament\tparliament\tNOUN\tNN\t_\t14\tobj\t_\t_\n"
      "16\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[13].head == 1);
  CHECK(s.tokens[13].deprel == "advcl");
}

TEST_CASE("ParseRepair: a preposition taken for a noun becomes its noun's case marker", "[extract][relations]") {
  // "Oslo signed a deal with Varde Bank." with "with" as an nmod and the name below it.
  Sentence s = Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tdeal\tdeal\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\twith\twith\tADP\tIN\t_\t4\tnmod\t_\t_\n"
      "6\tVarde\tVarde\tPROPN\tNNP\t_\t5\tappos\t_\t_\n"
      "7\tBank\tBank\tPROPN\tNNP\t_\t6\tflat\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[5].head == 3);
  CHECK(s.tokens[5].deprel == "nmod");
  CHECK(s.tokens[4].head == 5);
  CHECK(s.tokens[4].deprel == "case");
}

TEST_CASE("ParseRepair: a bare name right after an oblique names it", "[extract][relations]") {
  // "Orla is owned by the investor Karst Capital." with the name a second oblique.
  Sentence s = Parse(
      "1\tOrla\tOrla\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_\n"
      "2\tis\tbe\tAUX\tVBZ\t_\t3\taux:pass\t_\t_\n"
      "3\towned\town\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tinvestor\tinvestor\tNOUN\tNN\t_\t3\tobl:agent\t_\t_\n"
      "7\tKarst\tKarst\tPROPN\tNNP\t_\t8\tcompound\t_\t_\n"
      "8\tCapital\tCapital\tPROPN\tNNP\t_\t3\tobl:unmarked\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[7].head == 5);
  CHECK(s.tokens[7].deprel == "appos");
}

TEST_CASE("ParseRepair: after a relative clause on a root noun, a past-tense verb is the main verb", "[extract][relations]") {
  // "The Nordic Council, which represents five states, voiced support for Iceland." with
  // "voiced" an adjective of "support".
  Sentence s = Parse(
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tNordic\tNordic\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tCouncil\tCouncil\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "5\twhich\twhich\tPRON\tWDT\t_\t6\tnsubj\t_\t_\n"
      "6\trepresents\trepresent\tVERB\tVBZ\t_\t3\tacl:relcl\t_\t_\n"
      "7\tfive\tfive\tNUM\tCD\t_\t8\tnummod\t_\t_\n"
      "8\tstates\tstate\tNOUN\tNNS\t_\t6\tobj\t_\t_\n"
      "9\t,\t,\tPUNCT\t,\t_\t11\tpunct\t_\t_\n"
      "10\tvoiced\tvoice\tVERB\tVBN\t_\t11\tamod\t_\t_\n"
      "11\tsupport\tsupport\tNOUN\tNN\t_\t8\tappos\t_\t_\n"
      "12\tfor\tfor\tADP\tIN\t_\t13\tcase\t_\t_\n"
      "13\tIceland\tIceland\tPROPN\tNNP\t_\t11\tnmod\t_\t_\n"
      "14\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[9].head == -1);
  CHECK(s.tokens[2].head == 9);
  CHECK(s.tokens[2].deprel == "nsubj");
  CHECK(s.tokens[10].head == 9);
  CHECK(s.tokens[10].deprel == "obj");
}

TEST_CASE("ParseRepair: after a relative clause on a root name, an unjoined verb is the main verb", "[extract][relations]") {
  // "Lula, who hosted the summit, praised Chile." with "praised" coordinated with "hosted".
  Sentence s = Parse(
      "1\tLula\tLula\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_\n"
      "3\twho\twho\tPRON\tWP\t_\t4\tnsubj\t_\t_\n"
      "4\thosted\thost\tVERB\tVBD\t_\t1\tacl:relcl\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tsummit\tsummit\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
      "7\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
      "8\tpraised\tpraise\tVERB\tVBD\t_\t4\tconj\t_\t_\n"
      "9\tChile\tChile\tPROPN\tNNP\t_\t8\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[7].head == -1);
  CHECK(s.tokens[0].head == 7);
  CHECK(s.tokens[0].deprel == "nsubj");
  CHECK(s.tokens[3].head == 0);  // the relative clause stays on the name
}

TEST_CASE("ConsolidatePhrases: a conjunct hung inside a name is coordinated with the whole name", "[extract][relations]") {
  // "The Republic of Congo and Rwanda signed a truce." with "Rwanda" coordinated with "Congo".
  Sentence s = Parse(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tRepublic\tRepublic\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tCongo\tCongo\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
      "6\tRwanda\tRwanda\tPROPN\tNNP\t_\t4\tconj\t_\t_\n"
      "7\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "8\ta\ta\tDET\tDT\t_\t9\tdet\t_\t_\n"
      "9\ttruce\ttruce\tNOUN\tNN\t_\t7\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n");
  ConsolidatePhrases(&s, {{1, 4}}, {1});
  CHECK(s.tokens[3].head == 1);  // "Congo" is part of the name
  CHECK(s.tokens[5].head == 1);
  CHECK(s.tokens[5].deprel == "conj");
  CHECK(s.tokens[1].deprel == "nsubj");
}

TEST_CASE("ParseRepair: the noun after 'between X and' is X's conjunct", "[extract][relations]") {
  // "Oman's offer of talks between Iran and Kuwait was praised by Egypt." with "Kuwait"
  // the subject of "was praised".
  Sentence s = Parse(
      "1\tOman\tOman\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\toffer\toffer\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnmod\t_\t_\n"
      "6\tbetween\tbetween\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tIran\tIran\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
      "8\tand\tand\tCCONJ\tCC\t_\t11\tcc\t_\t_\n"
      "9\tKuwait\tKuwait\tPROPN\tNNP\t_\t11\tnsubj:pass\t_\t_\n"
      "10\twas\tbe\tAUX\tVBD\t_\t11\taux:pass\t_\t_\n"
      "11\tpraised\tpraise\tVERB\tVBN\t_\t3\tconj\t_\t_\n"
      "12\tby\tby\tADP\tIN\t_\t13\tcase\t_\t_\n"
      "13\tEgypt\tEgypt\tPROPN\tNNP\t_\t11\tobl:agent\t_\t_\n"
      "14\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[8].head == 6);
  CHECK(s.tokens[8].deprel == "conj");
  CHECK(s.tokens[7].head == 8);
  CHECK(s.tokens[10].head == -1);  // "praised" is the main verb
  CHECK(s.tokens[2].head == 10);
  CHECK(s.tokens[2].deprel == "nsubj:pass");
}

TEST_CASE("ParseRepair: a verb of saying tagged as a plural noun at the root is the verb", "[extract][relations]") {
  // "Orlan claims that Varde lied." with "claims" a noun and "Orlan" its compound.
  Sentence s = Parse(
      "1\tOrlan\tOrlan\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
      "2\tclaims\tclaim\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "4\tVarde\tVarde\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\tlied\tlie\tVERB\tVBD\t_\t2\tacl\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[1].upos == "VERB");
  CHECK(s.tokens[0].deprel == "nsubj");
  CHECK(s.tokens[4].deprel == "ccomp");
}

TEST_CASE("ParseRepair: a participle after 'TITLE, NAME,' is the main verb", "[extract][relations]") {
  // "Chile's president, Ana Rojas, praised Peru." with "praised" a participle on the name.
  Sentence s = Parse(
      "1\tChile\tChile\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tpresident\tpresident\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_\n"
      "5\tAna\tAna\tPROPN\tNNP\t_\t3\tappos\t_\t_\n"
      "6\tRojas\tRojas\tPROPN\tNNP\t_\t5\tflat\t_\t_\n"
      "7\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
      "8\tpraised\tpraise\tVERB\tVBN\t_\t5\tacl\t_\t_\n"
      "9\tPeru\tPeru\tPROPN\tNNP\t_\t8\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[7].head == -1);
  CHECK(s.tokens[2].head == 7);
  CHECK(s.tokens[2].deprel == "nsubj");
}

TEST_CASE("ParseRepair: a comma participle hung on an infinitive in a noun phrase joins the finite verb", "[extract][relations]") {
  // "Lima called on the courts to annul the vote, accusing Quito." with "accusing" on "annul".
  Sentence s = Parse(
      "1\tLima\tLima\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tcourts\tcourt\tNOUN\tNNS\t_\t2\tobl\t_\t_\n"
      "6\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_\n"
      "7\tannul\tannul\tVERB\tVB\t_\t5\tacl\t_\t_\n"
      "8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\t_\n"
      "9\tvote\tvote\tNOUN\tNN\t_\t7\tobj\t_\t_\n"
      "10\t,\t,\tPUNCT\t,\t_\t11\tpunct\t_\t_\n"
      "11\taccusing\taccuse\tVERB\tVBG\t_\t7\tadvcl\t_\t_\n"
      "12\tQuito\tQuito\tPROPN\tNNP\t_\t11\tobj\t_\t_\n"
      "13\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[10].head == 1);
}

TEST_CASE("ParseRepair: a finite verb coordinated with an adjective joins the verb above it", "[extract][relations]") {
  // "Oslo described the ban as unfair and summoned Latvia's envoy." with "summoned"
  // coordinated with "unfair".
  Sentence s = Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tdescribed\tdescribe\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tban\tban\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tas\tas\tADP\tIN\t_\t4\tadvmod\t_\t_\n"
      "6\tunfair\tunfair\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "7\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_\n"
      "8\tsummoned\tsummon\tVERB\tVBD\t_\t6\tconj\t_\t_\n"
      "9\tLatvia\tLatvia\tPROPN\tNNP\t_\t10\tnmod:poss\t_\t_\n"
      "10\tenvoy\tenvoy\tNOUN\tNN\t_\t8\tobj\t_\t_\n"
      "11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[7].head == 1);
  CHECK(s.tokens[7].deprel == "conj");
}

TEST_CASE("ParseRepair: a participle hung inside a relative clause after its comma is the main verb", "[extract][relations]") {
  // "The Faroes, which claim the waters, backed Iceland." with "backed" on "waters".
  Sentence s = Parse(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tFaroes\tFaroes\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "3\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_\n"
      "4\twhich\twhich\tPRON\tWDT\t_\t5\tnsubj\t_\t_\n"
      "5\tclaim\tclaim\tVERB\tVBP\t_\t2\tacl:relcl\t_\t_\n"
      "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "7\twaters\twater\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
      "8\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
      "9\tbacked\tback\tVERB\tVBN\t_\t7\tacl\t_\t_\n"
      "10\tIceland\tIceland\tPROPN\tNNP\t_\t9\tobj\t_\t_\n"
      "11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[8].head == -1);
  CHECK(s.tokens[1].head == 8);
  CHECK(s.tokens[1].deprel == "nsubj");
  CHECK(s.tokens[9].head == 8);
}

TEST_CASE("ParseRepair: a noun with a preposition is no subject; an apposition renames the noun before its comma",
          "[extract][relations]") {
  // "Berg met his counterpart, Ana Lind, in Riga and pledged help." with "Riga" as the
  // subject of "pledged" and the name hung on it.
  Sentence s = Parse(
      "1\tBerg\tBerg\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\this\this\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_\n"
      "4\tcounterpart\tcounterpart\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_\n"
      "6\tAna\tAna\tPROPN\tNNP\t_\t10\tappos\t_\t_\n"
      "7\tLind\tLind\tPROPN\tNNP\t_\t6\tflat\t_\t_\n"
      "8\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_\n"
      "9\tin\tin\tADP\tIN\t_\t10\tcase\t_\t_\n"
      "10\tRiga\tRiga\tPROPN\tNNP\t_\t12\tnsubj\t_\t_\n"
      "11\tand\tand\tCCONJ\tCC\t_\t12\tcc\t_\t_\n"
      "12\tpledged\tpledge\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
      "13\thelp\thelp\tNOUN\tNN\t_\t12\tobj\t_\t_\n"
      "14\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[9].deprel == "obl");
  CHECK(s.tokens[5].head == 3);
  CHECK(s.tokens[5].deprel == "appos");
}

TEST_CASE("ParseRepair: a finite verb coordinated with an adjective in apposition joins the verb above", "[extract][relations]") {
  // "Oslo called the ban unfair and asked Riga." with "unfair" in apposition to "ban".
  Sentence s = Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tcalled\tcall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tban\tban\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tunfair\tunfair\tADJ\tJJ\t_\t4\tappos\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "7\tasked\task\tVERB\tVBD\t_\t5\tconj\t_\t_\n"
      "8\tRiga\tRiga\tPROPN\tNNP\t_\t7\tiobj\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[6].head == 1);
}

TEST_CASE("ParseRepair: a name compounded onto a time noun is the argument", "[extract][relations]") {
  // "Orlan was fined by the FCA last year." with "FCA" a compound of "year".
  Sentence s = Parse(
      "1\tOrlan\tOrlan\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_\n"
      "2\twas\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
      "3\tfined\tfine\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "6\tFCA\tFCA\tPROPN\tNNP\t_\t8\tcompound\t_\t_\n"
      "7\tlast\tlast\tADJ\tJJ\t_\t8\tamod\t_\t_\n"
      "8\tyear\tyear\tNOUN\tNN\t_\t3\tobl:agent\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[5].head == 2);
  CHECK(s.tokens[5].deprel == "obl:agent");
  CHECK(s.tokens[3].head == 5);  // "by" goes with the name
  CHECK(s.tokens[7].deprel == "obl:tmod");
}

TEST_CASE("ParseRepair: 'after X did Y' with 'after' taken for X's preposition", "[extract][relations]") {
  // "Talks stalled after Riga recalled its envoy." with "after Riga" an oblique.
  Sentence s = Parse(
      "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tstalled\tstall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tafter\tafter\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tRiga\tRiga\tPROPN\tNNP\t_\t5\tobl\t_\t_\n"
      "5\trecalled\trecall\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
      "6\tits\tits\tPRON\tPRP$\t_\t7\tnmod:poss\t_\t_\n"
      "7\tenvoy\tenvoy\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[3].head == 4);
  CHECK(s.tokens[3].deprel == "nsubj");
  CHECK(s.tokens[2].head == 4);
  CHECK(s.tokens[2].deprel == "mark");
  CHECK(s.tokens[4].deprel == "advcl");
}

TEST_CASE("ParseRepair: a root noun whose participle takes a to-infinitive is the subject", "[extract][relations]") {
  // "Nordvik Shipping agreed on Monday to sell Baltic Ferries." with "agreed" taken for a
  // participle on the name.
  const std::string conllu =
      "1\tNordvik\tNordvik\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
      "2\tShipping\tshipping\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "3\tagreed\tagree\tVERB\tVBN\t_\t2\tacl\t_\t_\n"
      "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\t_\n"
      "6\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_\n"
      "7\tsell\tsell\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
      "8\tBaltic\tBaltic\tPROPN\tNNP\t_\t9\tcompound\t_\t_\n"
      "9\tFerries\tFerries\tPROPN\tNNPS\t_\t7\tobj\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  Sentence s = Parse(conllu);
  RepairParse(&s, Reporting);
  CHECK(s.tokens[2].head == -1);
  CHECK(s.tokens[2].deprel == "root");
  CHECK(s.tokens[1].head == 2);
  CHECK(s.tokens[1].deprel == "nsubj");
  CHECK(s.tokens[9].head == 2);  // the full stop follows the new root
  SECTION("a heading stays a noun phrase") {
    Sentence h = Parse(conllu);
    h.heading = true;
    RepairParse(&h, Reporting);
    CHECK(h.tokens[1].head == -1);
    CHECK(h.tokens[2].deprel == "acl");
  }
}

TEST_CASE("ParseRepair: a noun before the marker of a clause is the object of the verb above", "[extract][relations]") {
  // "Oslo accused Stockholm of hiding the report." with "Stockholm" taken for the subject
  // of "hiding".
  Sentence s = Parse(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tStockholm\tStockholm\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "4\tof\tof\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
      "5\thiding\thide\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n"
      "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "7\treport\treport\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[2].head == 1);
  CHECK(s.tokens[2].deprel == "obj");
  SECTION("a subject after the marker stays") {
    // "Oslo left because Stockholm hid the report."
    Sentence t = Parse(
        "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tbecause\tbecause\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
        "4\tStockholm\tStockholm\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
        "5\thiding\thide\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n\n");
    RepairParse(&t, Reporting);
    CHECK(t.tokens[3].head == 4);
    CHECK(t.tokens[3].deprel == "nsubj");
  }
}

TEST_CASE("ParseRepair: after 'the', a pronoun in capitals is a name heading the main clause", "[extract][relations]") {
  // "The WHO praised Ghana." with "WHO" tagged as a relative pronoun.
  Sentence s = Parse(
      "1\tThe\tthe\tDET\tDT\t_\t0\troot\t_\t_\n"
      "2\tWHO\twho\tPRON\tWP\t_\t3\tnsubj\t_\t_\n"
      "3\tpraised\tpraise\tVERB\tVBD\t_\t1\tacl:relcl\t_\t_\n"
      "4\tGhana\tGhana\tPROPN\tNNP\t_\t3\tobj\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[1].upos == "PROPN");
  CHECK(s.tokens[2].head == -1);
  CHECK(s.tokens[2].deprel == "root");
  CHECK(s.tokens[0].head == 1);
  CHECK(s.tokens[0].deprel == "det");
  CHECK(s.tokens[4].head == 2);
  SECTION("a name that the parser hung its article over takes the article's place") {
    // "Ghana wrote to the WHO."
    Sentence t = Parse(
        "1\tGhana\tGhana\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\twrote\twrite\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tto\tto\tADP\tIN\t_\t4\tcase\t_\t_\n"
        "4\tthe\tthe\tDET\tDT\t_\t2\tobl\t_\t_\n"
        "5\tWHO\twho\tPRON\tWP\t_\t4\tnmod\t_\t_\n\n");
    RepairParse(&t, Reporting);
    CHECK(t.tokens[4].head == 1);
    CHECK(t.tokens[4].deprel == "obl");
    CHECK(t.tokens[3].head == 4);
    CHECK(t.tokens[2].head == 4);
  }
  SECTION("a lower-case relative pronoun is left alone") {
    // "the one who praised Ghana"
    Sentence t = Parse(
        "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\tone\tone\tNOUN\tNN\t_\t0\troot\t_\t_\n"
        "3\twho\twho\tPRON\tWP\t_\t4\tnsubj\t_\t_\n"
        "4\tpraised\tpraise\tVERB\tVBD\t_\t2\tacl:relcl\t_\t_\n\n");
    RepairParse(&t, Reporting);
    CHECK(t.tokens[2].upos == "PRON");
    CHECK(t.tokens[3].deprel == "acl:relcl");
  }
}

TEST_CASE("ParseRepair: ', which' after a name opens a clause about it, even when hung on a verb", "[extract][relations]") {
  // "Talks were called by the Dockers Union, which blamed Maersk."
  Sentence s = Parse(
      "1\tTalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj:pass\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
      "3\tcalled\tcall\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
      "6\tDockers\tDockers\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
      "7\tUnion\tUnion\tPROPN\tNNP\t_\t3\tobl:agent\t_\t_\n"
      "8\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_\n"
      "9\twhich\twhich\tPRON\tWDT\t_\t10\tnsubj\t_\t_\n"
      "10\tblamed\tblame\tVERB\tVBD\t_\t3\tadvcl:relcl\t_\t_\n"
      "11\tMaersk\tMaersk\tPROPN\tNNP\t_\t10\tobj\t_\t_\n"
      "12\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  RepairParse(&s, Reporting);
  CHECK(s.tokens[9].head == 6);
  CHECK(s.tokens[9].deprel == "acl:relcl");
}
