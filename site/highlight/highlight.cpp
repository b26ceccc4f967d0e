#include "site/highlight/highlight.h"

#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

#include <algorithm>


namespace folio::site::highlight {

const Language *findLanguage(std::string_view name) { return languageNamed(name); }

bool rougeKnows(std::string_view name)
{
    static const WordSet names(
#include "site/highlight/rouge_names.inc"
    );
    return names.contains(name);
}

std::vector<std::string> languageTags() { return registeredTags(); }

void appendEscaped(std::string &out, std::string_view text)
{
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char *rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : nullptr;
        if (!rep)
            continue;
        out.append(text.substr(from, i - from));
        out += rep;
        from = i + 1;
    }
    out.append(text.substr(from));
}

std::string lineTable(std::string formatted, std::string_view code, const LineTable &table)
{
    // HTMLTable counts the newlines of the tokens and adds a line (and a
    // newline) when the last token does not end one.
    long long lines = std::count(code.begin(), code.end(), '\n');
    if (code.empty() || code.back() != '\n') {
        ++lines;
        formatted += '\n';
    }
    std::string numbers;
    for (long long i = table.startLine; i < table.startLine + lines; ++i) {
        numbers += std::to_string(i);
        numbers += '\n';
    }
    return "<table class=\"" + table.tableClass + "\"><tbody><tr><td class=\"" + table.gutterClass
           + " gl\"><pre class=\"lineno\">" + numbers + "</pre></td><td class=\"" + table.codeClass + "\"><pre>"
           + formatted + "</pre></td></tr></tbody></table>";
}

std::optional<std::string> highlightHtml(std::string_view lang, std::string_view code)
{
    // Lexer options (`console?lang=python`) change what some lexers do; Folio
    // implements the defaults only, so a name with options stays plain.
    const std::size_t q = lang.find('?');
    if (q != std::string_view::npos && q + 1 < lang.size())
        return std::nullopt;
    const Language *language = findLanguage(lang.substr(0, q));
    if (!language || !isValidUtf8(code))
        return std::nullopt;
    TokenList tokens;
    Run run(*language, tokens);
    if (!run.lex(code))
        return std::nullopt; // Rouge would have raised: Jekyll fails the page; we leave it plain
    std::string html;
    html.reserve(code.size() * 2);
    for (const auto &[token, value] : tokens) {
        if (token.empty()) {
            appendEscaped(html, value);
            continue;
        }
        html += "<span class=\"";
        html += token;
        html += "\">";
        appendEscaped(html, value);
        html += "</span>";
    }
    return html;
}

} // namespace folio::site::highlight
