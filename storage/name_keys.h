#pragma once
// The name arithmetic of cross-article entity resolution: title stripping, the keys two
// names must share to be one entity, surnames and acronym initials. Depends only on its
// arguments (base::FoldName underneath), so every database computes the same keys.
// Pure functions; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace kg::storage {

// The words of base::FoldName(name): "The U.S. Navy" -> {"us", "navy"}.
std::vector<std::string> FoldedWords(std::string_view name);

// A person's name without leading honorifics and office titles, keeping at least one
// word: "President Donald Trump" -> "Donald Trump", "Mr. Hegseth" -> "Hegseth".
std::string StripPersonTitles(std::string_view name);

// The key two names must share to denote one entity: base::Slug ("u-s" never occurs:
// "U.S." -> "us") with doubled letters made single, so that transliteration variants
// meet ("Zelenskyy" / "Zelensky"). Empty when the name has no letter or digit.
std::string NameKey(std::string_view name);

// A person's surname: the last folded word, skipping suffixes (Jr, Sr, II, III, IV),
// doubled letters made single as in NameKey.
// Empty when the name has fewer than two words ("Trump" has no surname: it is one).
std::string Surname(std::string_view stripped_person_name);

// True for one-word all-capital names of 2..6 letters, dots allowed: "NATO", "U.S.", "EU".
bool IsAcronym(std::string_view name);

// The initials of a name of two or more words, skipping function words ("of", "the",
// "and", ...): "North Atlantic Treaty Organization" -> "nato",
// "United States of America" -> "usa". Empty for shorter names.
std::string Initials(std::string_view name);

}  // namespace kg::storage
