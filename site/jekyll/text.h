// Jekyll's string filters as pure functions (slugify, xml_escape,
// normalize_whitespace, number_of_words, array_to_sentence_string), matching the
// Ruby code in jekyll/filters.rb and jekyll/utils.rb byte for byte.
#pragma once

#include "site/liquid/value.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace folio::site::jekyll {

// Jekyll::Utils.slugify with a `mode` as the filter receives it: "" (nil) or
// "default", "raw", "pretty", "ascii", "latin"; "none" and any unknown mode only
// downcase. One leading and one trailing '-' are removed, then the slug is
// downcased (Jekyll's filter never passes `cased`).
// `cased` keeps the letter case (Utils.slugify's cased: option, which the
// filter never passes but permalinks' :title placeholder does).
std::string slugify(std::string_view input, std::string_view mode = {}, bool cased = false);

// I18n.transliterate with I18n's default approximations: Latin-1 and Latin
// Extended-A letters become ASCII ("ö" -> "o", "ß" -> "ss"), every other
// non-ASCII character becomes '?'.
std::string transliterateLatin(std::string_view input);

// `xml_escape`: & < > " ' -> &amp; &lt; &gt; &quot; &apos;
std::string xmlEscape(std::string_view input);

// `normalize_whitespace`: runs of ASCII whitespace -> one space, then stripped.
std::string normalizeWhitespace(std::string_view input);

// `number_of_words`: mode "" = whitespace-separated words; "cjk" counts every
// Han/Katakana/Hiragana/Hangul character plus runs of other non-space text;
// "auto" uses the cjk rule only if the text has CJK characters.
std::int64_t numberOfWords(std::string_view input, std::string_view mode = {});

// `array_to_sentence_string`: "a", "a and b", "a, b, and c" (Oxford comma).
std::string arrayToSentence(const liquid::Array &items, std::string_view connector = "and");

// Ruby's Array#join(separator): nested arrays flattened with the same
// separator, nil -> "", hashes in inspect form.
std::string rubyJoin(const liquid::Array &items, std::string_view separator);

// Ruby's "#{x}" (to_s): nil -> "", arrays and hashes in inspect form.
std::string rubyInterpolate(const liquid::Value &v);

// Ruby's `inspect` as Jekyll's `inspect` filter sees values: strings quoted with
// Ruby's escapes (\#{ included), Jekyll drops as JSON.pretty_generate of their hash.
std::string rubyInspect(const liquid::Value &v);

// JSON.pretty_generate (2-space indent, "key": value) as Ruby 3.1's json 2.6
// writes it (empty containers included).
std::string prettyJson(const liquid::Value &v);

// `date_to_string`'s ordinal suffix: 1st 2nd 3rd 4th 11th 12th 13th 21st...
const char *ordinalSuffix(int day);

} // namespace folio::site::jekyll
