// Syntax highlighting as Jekyll's Rouge 3.30 writes it: the token <span>s of
// Rouge::Formatters::HTML, for the languages Folio lexes exactly as Rouge does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::highlight {

class Language;

// The language Rouge's Lexer.find returns for a tag or alias (exact, case
// matters), if Folio implements it; null otherwise.
const Language *findLanguage(std::string_view name);

// Whether Rouge 3.30's Lexer.find knows `name` (exact, case matters), whether
// or not Folio lexes it: kramdown writes code in a language Rouge does not
// know without the highlighter's wrappers.
bool rougeKnows(std::string_view name);

// Rouge's HTML for `code` lexed as `lang` (a Lexer.find_fancy name; one with
// lexer options after '?' is not highlighted).
// nullopt when Folio has no exact lexer for it or the code is not UTF-8: the
// caller then writes the code escaped but unhighlighted.
std::optional<std::string> highlightHtml(std::string_view lang, std::string_view code);

// Rouge::Formatters::HTMLTable's options: Jekyll's `{% highlight X linenos %}`
// and kramdown's `line_numbers` give it different classes.
struct LineTable final {
    long long startLine = 1;
    std::string tableClass = "rouge-table", gutterClass = "rouge-gutter", codeClass = "rouge-code";
};

// `formatted` (Rouge's HTML for `code`) in HTMLTable's two-cell table, the
// line numbers in the first cell.
std::string lineTable(std::string formatted, std::string_view code, const LineTable &table = {});

// The tags of the languages Folio lexes (each also found by its aliases).
std::vector<std::string> languageTags();

// Rouge's HTML formatter escaping: only & < >.
void appendEscaped(std::string &out, std::string_view text);

} // namespace folio::site::highlight
