#include "extract/article_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/utf8.h"

namespace kg::extract {

namespace fs = std::filesystem;
using base::Result;
using base::Status;

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

size_t LineOf(std::string_view s, size_t byte) {
  return 1 + std::count(s.begin(), s.begin() + std::min(byte, s.size()), '\n');
}

bool ValidDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  const int month = (d[5] - '0') * 10 + (d[6] - '0');
  const int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Recognises the optional first line " date YYYY-MM-DD"; returns the date or "".
std::string DateLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  if (line.substr(i, 4) != "date") return "";
  i += 4;
  if (i >= line.size() || !IsSpace(line[i])) return "";
  while (i < line.size() && IsSpace(line[i])) ++i;
  std::string_view rest = line.substr(i);
  while (!rest.empty() && IsSpace(rest.back())) rest.remove_suffix(1);
  return ValidDate(rest) ? std::string(rest) : "";
}

Status CheckContent(const std::string& content, const std::string& origin, const ReadOptions& opts) {
  if (content.size() > opts.max_article_bytes) {
    return Status::InvalidArgument(origin + ": the article is " + std::to_string(content.size()) +
                                   " bytes, more than the limit of " +
                                   std::to_string(opts.max_article_bytes) + " bytes");
  }
  if (std::all_of(content.begin(), content.end(), IsSpace)) {
    return Status::InvalidArgument(origin + ": the article is empty");
  }
  for (size_t i = 0; i < content.size(); ++i) {
    const auto c = static_cast<unsigned char>(content[i]);
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')) {
      return Status::InvalidArgument(origin + ": binary data (control byte 0x" +
                                     (c < 16 ? "0" : "") + [&] {
                                       std::ostringstream h;
                                       h << std::hex << static_cast<int>(c);
                                       return h.str();
                                     }() + ") at byte " + std::to_string(i) + ", line " +
                                     std::to_string(LineOf(content, i)) +
                                     "; expected UTF-8 text");
    }
  }
  if (auto bad = base::FindInvalidUtf8(content)) {
    return Status::InvalidArgument(origin + ": invalid UTF-8 at byte " + std::to_string(*bad) +
                                   ", line " + std::to_string(LineOf(content, *bad)) +
                                   "; expected UTF-8 text");
  }
  return Status::Ok();
}

}  // namespace

Result<ArticleText> ParseArticleText(std::string content, const std::string& origin,
                                     const ReadOptions& opts) {
  KG_RETURN_IF_ERROR(CheckContent(content, origin, opts));
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);  // byte-order mark
  ArticleText article;
  article.path = origin;
  const size_t eol = content.find('\n');
  const std::string first_line = content.substr(0, eol);
  if (std::string date = DateLine(first_line); !date.empty()) {
    article.date = std::move(date);
    content.erase(0, eol == std::string::npos ? content.size() : eol + 1);
    if (std::all_of(content.begin(), content.end(), IsSpace)) {
      return Status::InvalidArgument(origin + ": the article has a date line but no text");
    }
  }
  // A short first line without final punctuation is the title.
  size_t start = 0;
  while (start < content.size() && IsSpace(content[start])) ++start;
  const size_t end = content.find('\n', start);
  std::string line = content.substr(start, end == std::string::npos ? std::string::npos : end - start);
  while (!line.empty() && IsSpace(line.back())) line.pop_back();
  if (!line.empty() && line.size() <= 200 && std::string_view(".!?:;\"”’").find(line.back()) == std::string_view::npos) {
    article.title = line;
  }
  article.text = std::move(content);
  article.id = ArticleId(article.text);
  return article;
}

Result<ArticleText> ReadArticleFile(const std::string& path, const ReadOptions& opts) {
  if (path == "-") {  // standard input, read up to one byte past the limit
    std::string content;
    char chunk[1 << 16];
    while (content.size() <= opts.max_article_bytes && std::cin.read(chunk, sizeof chunk).gcount() > 0) {
      content.append(chunk, static_cast<size_t>(std::cin.gcount()));
    }
    if (std::cin.bad()) return Status::IOError("standard input: read failed");
    if (content.size() > opts.max_article_bytes) {
      return Status::InvalidArgument("standard input: the article is more than the limit of " +
                                     std::to_string(opts.max_article_bytes) + " bytes");
    }
    return ParseArticleText(std::move(content), "standard input", opts);
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) return Status::NotFound(path + ": no such file");
  if (fs::is_directory(status)) return Status::InvalidArgument(path + ": is a directory, not an article file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > opts.max_article_bytes) {
    return Status::InvalidArgument(path + ": the article is " + std::to_string(size) +
                                   " bytes, more than the limit of " +
                                   std::to_string(opts.max_article_bytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed: " + std::strerror(errno));
  return ParseArticleText(buf.str(), path, opts);
}

Result<std::vector<ArticleText>> ReadJsonl(const std::string& path, const ReadOptions& opts) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > opts.max_file_bytes) {
    return Status::InvalidArgument(path + ": " + std::to_string(size) +
                                   " bytes is more than the limit of " +
                                   std::to_string(opts.max_file_bytes) + " bytes for a .jsonl file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::vector<ArticleText> articles;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string origin = path + ":" + std::to_string(line_no);
    if (std::all_of(line.begin(), line.end(), IsSpace)) continue;
    if (auto bad = base::FindInvalidUtf8(line)) {
      return Status::InvalidArgument(origin + ": invalid UTF-8 at byte " + std::to_string(*bad) + " of the line");
    }
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      return Status::InvalidArgument(origin + ": not valid JSON (a truncated line?); expected one object {\"id\",\"date\",\"title\",\"source\",\"text\"} per line");
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      return Status::InvalidArgument(origin + ": expected an object with a string field \"text\"");
    }
    auto field = [&](const char* name) -> Result<std::string> {
      if (!j.contains(name) || j[name].is_null()) return std::string();
      if (!j[name].is_string()) return Status::InvalidArgument(origin + ": field \"" + name + "\" must be a string");
      return j[name].get<std::string>();
    };
    auto text = ParseArticleText(j["text"].get<std::string>(), origin, opts);
    if (!text.ok()) return text.status();
    ArticleText article = std::move(text).value();
    for (const char* name : {"id", "date", "title", "source"}) {
      auto value = field(name);
      if (!value.ok()) return value.status();
      if (value->empty()) continue;
      if (std::string_view(name) == "date") {
        if (!ValidDate(*value)) return Status::InvalidArgument(origin + ": date \"" + *value + "\" is not YYYY-MM-DD");
        article.date = *value;
      } else if (std::string_view(name) == "id") {
        article.id = *value;
      } else if (std::string_view(name) == "title") {
        article.title = *value;
      } else {
        article.source = *value;
      }
    }
    articles.push_back(std::move(article));
  }
  if (in.bad()) return Status::IOError(path + ": read failed: " + std::strerror(errno));
  if (articles.empty()) return Status::InvalidArgument(path + ": no articles in this .jsonl file");
  return articles;
}

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    if (input == "-") {  // standard input: one .txt article
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (!fs::exists(status)) return Status::NotFound(input + ": no such file or directory");
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const auto& p = it->path();
      if (!p.filename().empty() && p.filename().string()[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      const std::string ext = p.extension().string();
      if (ext == ".txt" || ext == ".jsonl") found.push_back(p.string());
    }
    if (ec) return Status::IOError(input + ": cannot list directory: " + ec.message());
    if (found.empty()) {
      return Status::InvalidArgument(input + ": no article files (*.txt, *.jsonl) in this directory");
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Result<std::vector<ArticleText>> ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& opts) {
  auto files = ExpandInputs(inputs);
  if (!files.ok()) return files.status();
  std::vector<ArticleText> articles;
  for (const auto& file : *files) {
    if (fs::path(file).extension() == ".jsonl") {
      auto batch = ReadJsonl(file, opts);
      if (!batch.ok()) return batch.status();
      for (auto& a : *batch) articles.push_back(std::move(a));
    } else {
      auto article = ReadArticleFile(file, opts);
      if (!article.ok()) return article.status();
      articles.push_back(std::move(article).value());
    }
  }
  return articles;
}

}  // namespace kg::extract
