// Markdown as Jekyll renders it with kramdown (input: GFM), produced by parsing
// with cmark-gfm and writing kramdown's HTML; plus Folio's math protection.
#pragma once

#include <string>
#include <string_view>

namespace folio::site::markdown {

// The `kramdown:` options of _config.yml that change the output.
struct Options final {
    bool autoIds = true;
    std::string autoIdPrefix;
    bool hardWrap = false;
    int footnoteNr = 1;
    std::string footnoteBacklink = "&#8617;";
    // smart_quotes: lsquo,rsquo,ldquo,rdquo (entity names or numbers)
    std::string smartQuotes = "lsquo,rsquo,ldquo,rdquo";
    int tocLevelMin = 1, tocLevelMax = 6;
    // Folio's improvement over kramdown: $…$, \(…\), \[…\], \begin{env}…\end{env}
    // reach MathJax intact. Off = kramdown's own $$-only behaviour.
    bool protectMath = true;
};

class Converter final
{
public:
    explicit Converter(Options options = {});

    // Markdown -> HTML body, as kramdown writes it (block separation, 2-space
    // indentation of nested blocks, trailing "\n"). Thread-safe.
    std::string toHtml(std::string_view markdown) const;

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

// kramdown's typographic conversion alone (Jekyll's `smartify` filter).
std::string smartify(std::string_view text, const Options &options = {});

} // namespace folio::site::markdown
