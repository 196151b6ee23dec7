#include <catch2/catch.hpp>

#include "extract/article_reader.h"
#include "tests/test_util.h"

using kg::base::StatusCode;
using namespace kg::extract;
using kg::testing::TempDir;
using kg::testing::WriteFile;

TEST_CASE("ArticleReader: date line, title and id", "[extract]") {
  TempDir dir;
  WriteFile(dir / "a.txt", " date 2025-06-08\n\nHeadline Without A Stop\n\nBody text here.\n");
  auto a = ReadArticleFile(dir / "a.txt");
  REQUIRE(a.ok());
  CHECK(a->date == "2025-06-08");
  CHECK(a->title == "Headline Without A Stop");
  CHECK(a->text.find("date") == std::string::npos);
  CHECK(a->id.size() == 16);
  SECTION("re-wrapped text keeps its id") {
    WriteFile(dir / "b.txt", " date 2025-06-08\nHeadline Without A Stop\nBody   text\nhere.");
    auto b = ReadArticleFile(dir / "b.txt");
    REQUIRE(b.ok());
    CHECK(b->id == a->id);
  }
}

TEST_CASE("ArticleReader: bad inputs get one clear message", "[extract]") {
  TempDir dir;
  SECTION("missing file") {
    auto r = ReadArticleFile(dir / "nope.txt");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kNotFound);
    CHECK(r.status().message().find("nope.txt") != std::string::npos);
  }
  SECTION("empty file") {
    WriteFile(dir / "e.txt", "  \n\n ");
    auto r = ReadArticleFile(dir / "e.txt");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("empty") != std::string::npos);
  }
  SECTION("binary file") {
    WriteFile(dir / "b.txt", std::string("PK\x03\x04\0\0binary", 12));
    auto r = ReadArticleFile(dir / "b.txt");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("binary") != std::string::npos);
  }
  SECTION("invalid UTF-8 names the byte and line") {
    WriteFile(dir / "u.txt", "Line one.\nCaf\xE9 au lait.\n");
    auto r = ReadArticleFile(dir / "u.txt");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("invalid UTF-8 at byte 13, line 2") != std::string::npos);
  }
  SECTION("too large") {
    ReadOptions opts;
    opts.max_article_bytes = 10;
    WriteFile(dir / "big.txt", "This article is longer than ten bytes.");
    auto r = ReadArticleFile(dir / "big.txt", opts);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("limit") != std::string::npos);
  }
  SECTION("a directory with no articles") {
    std::filesystem::create_directory(dir / "emptydir");
    auto r = ExpandInputs({dir / "emptydir"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("no article files") != std::string::npos);
  }
}

TEST_CASE("ArticleReader: .jsonl files", "[extract]") {
  TempDir dir;
  WriteFile(dir / "a.jsonl",
            R"({"id":"x1","date":"2025-06-09","title":"T","source":"S","text":"One sentence."})"
            "\n\n"
            R"({"text":"Another one."})"
            "\n");
  auto r = ReadJsonl(dir / "a.jsonl");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  CHECK((*r)[0].id == "x1");
  CHECK((*r)[0].date == "2025-06-09");
  CHECK((*r)[0].source == "S");
  CHECK((*r)[1].id.size() == 16);
  CHECK((*r)[1].path == dir / "a.jsonl:3");
  SECTION("a truncated line fails the file, naming the line") {
    WriteFile(dir / "t.jsonl", R"({"text":"ok"})" "\n" R"({"text":"cut sho)");
    auto t = ReadJsonl(dir / "t.jsonl");
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message().find("t.jsonl:2") != std::string::npos);
    CHECK(t.status().message().find("not valid JSON") != std::string::npos);
  }
  SECTION("directories expand recursively in sorted order") {
    std::filesystem::create_directories(dir / "d/sub");
    WriteFile(dir / "d/sub/b.txt", "B text.");
    WriteFile(dir / "d/a.txt", "A text.");
    WriteFile(dir / "d/notes.md", "ignored");
    auto files = ExpandInputs({dir / "d"});
    REQUIRE(files.ok());
    REQUIRE(files->size() == 2);
    CHECK((*files)[0] == dir / "d/a.txt");
  }
}
