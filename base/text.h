#pragma once
// Name folding shared by extraction and storage, so that "U.S.", "US" and "the US" meet
// under one key and entity ids are the same in every database.
// Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace kg::base {

// Lowercase, Latin diacritics folded to ASCII (é -> e, ø -> o), curly quotes to
// straight, dots removed, any other punctuation or space run -> one space, trimmed,
// and a leading "the " dropped. "The U.S." -> "us"; "Zelenskyy’s" -> "zelenskyy's".
std::string FoldName(std::string_view name);

// A stable id-safe form of a name: FoldName with apostrophes dropped and spaces as '-'.
// "Donald Trump" -> "donald-trump".
std::string Slug(std::string_view name);

// The stable entity id for a type name ("PERSON") and canonical name:
// "person:donald-trump". Depends on nothing but its arguments.
std::string MakeEntityId(std::string_view type_name, std::string_view canonical_name);

// Lowercase of ASCII letters only; other bytes unchanged.
std::string AsciiLower(std::string_view s);
// The same into `out` (replacing its content), reusing its capacity: for hot loops.
void AsciiLowerInto(std::string_view s, std::string* out);

// A name written in capitals as a name is usually written: the first letter of each word
// (after a space, hyphen or apostrophe) kept, the rest lower case, Latin-1 letters
// included ("BRASÍLIA" -> "Brasília", "N'DJAMENA" -> "N'Djamena").
std::string NameCase(std::string_view s);

// 64-bit FNV-1a of `s`: stable across platforms and releases.
uint64_t StableHash64(std::string_view s);

// 16 lowercase hex digits of `v`.
std::string Hex64(uint64_t v);

}  // namespace kg::base
