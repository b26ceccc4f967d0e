// Converter: pre-pass (prepass.cpp) -> cmark-gfm parse -> kramdown-style HTML
// written here by walking the cmark AST (cmark's own HTML renderer differs
// from kramdown in nearly every block: see shared/docs/kramdown-vs-gfm.md).
#include "site/markdown/markdown.h"

#include "site/highlight/highlight.h"

#include "site/markdown/prepass.h"
#include "site/markdown/text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
// Internal header, installed by Debian's libcmark-gfm-dev: the public API of
// 0.29.0.gfm.6 gives a footnote reference only its number, not its label or
// definition (needed for kramdown's fn:label ids).
extern "C" {
#include <cmark-gfm/node.h>
}

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <mutex>
#include <unordered_map>

namespace folio::site::markdown {

using namespace detail;

namespace {

// Parsing is serialised: cmark_parser_finish() in 0.29.0.gfm.6 calls
// cmark_manage_extensions_special_characters(), which adds the extensions'
// characters to a process-wide table and removes them again afterwards, so a
// concurrent parse can miss `~~` or race on the table. ThreadSanitizer cannot
// see this (Debian's libcmark-gfm is not instrumented): tst_markdown's
// concurrency test run under TSan (FOLIO_SANITIZE=thread) reports no race
// with or without the lock, which proves nothing about the library, so the
// lock stays. Rendering, most of the work, runs outside it.
std::mutex &parseMutex()
{
    static std::mutex m;
    return m;
}

void ensureExtensions()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};

// One parsed text (the document, or the content of a markdown="1" element or
// of a definition) with per-line facts for kramdown's blank-line handling.
struct Doc final {
    std::string text;
    std::unique_ptr<cmark_node, NodeDeleter> root;
    std::vector<char> blank;   // 1-based line -> whitespace (and '>') only
    std::vector<char> removed; // 1-based line -> emits nothing in kramdown (IAL, footnote/link defs)
    bool basicIds = false;     // inside HTML elements kramdown uses its own id rule
    int contentLines = -1;     // lines before appended definitions (-1: all)
    std::vector<size_t> lineStart; // 1-based line -> offset in text
    int lineCount() const { return int(blank.size()) - 1; }
    std::string_view line(int l) const
    {
        if (l < 1 || l > lineCount()) return {};
        const size_t s = lineStart[size_t(l)];
        size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        return std::string_view(text).substr(s, e - s);
    }
};

std::unique_ptr<Doc> parseDoc(std::string text)
{
    ensureExtensions();
    auto doc = std::make_unique<Doc>();
    doc->text = std::move(text);
    {
        std::lock_guard lock(parseMutex());
        const int opts = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
        cmark_parser *parser = cmark_parser_new(opts);
        // No "table": kramdown's table rules (table.rb) differ from GFM's, so
        // tables are cut out by the pre-pass; no "autolink": kramdown makes no
        // bare-URL links.
        for (const char *name : {"strikethrough", "tasklist"})
            if (cmark_syntax_extension *ext = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser, ext);
        cmark_parser_feed(parser, doc->text.data(), doc->text.size());
        doc->root.reset(cmark_parser_finish(parser));
        cmark_parser_free(parser);
    }
    cmark_consolidate_text_nodes(doc->root.get());

    doc->blank.push_back(0);
    doc->removed.push_back(0);
    doc->lineStart.push_back(0);
    bool inFootnote = false;
    size_t start = 0;
    const std::string &t = doc->text;
    while (start < t.size()) {
        size_t nl = t.find('\n', start);
        if (nl == std::string::npos) nl = t.size();
        const std::string_view line(t.data() + start, nl - start);
        const size_t first = line.find_first_not_of(" \t>");
        const bool blank = first == std::string_view::npos;
        const size_t indent = line.find_first_not_of(' ');
        const std::string_view body = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
        const size_t marker = line.find("<!--folio:");
        bool removed = marker != std::string_view::npos && line.find_first_not_of(" >") == marker &&
                       (line.compare(marker, 11, "<!--folio:I") == 0 || line.compare(marker, 11, "<!--folio:X") == 0);
        if (indent != std::string_view::npos && indent <= 3 && body.starts_with("[^") && body.find("]:") != std::string_view::npos)
            inFootnote = true, removed = true;
        else if (inFootnote && !blank && indent >= 4)
            removed = true;
        else if (!blank)
            inFootnote = false;
        if (indent != std::string_view::npos && indent <= 3 && body.starts_with("[") && !body.starts_with("[^")) {
            const size_t close = body.find("]:");
            if (close != std::string_view::npos && body.find(']') == close)
                removed = true;
        }
        doc->lineStart.push_back(start);
        doc->blank.push_back(blank);
        doc->removed.push_back(removed);
        start = nl + 1;
    }
    return doc;
}

std::string typeString(cmark_node *n)
{
    const char *s = cmark_node_get_type_string(n);
    return s ? s : "";
}

std::string literal(cmark_node *n)
{
    const char *s = cmark_node_get_literal(n);
    return s ? s : "";
}

// Maps private-use escape characters and math placeholders back to source
// text (URLs, titles, alt text are not typographically converted).
std::string unescapeSource(std::string_view s, const Extracted &ex)
{
    std::string tmp;
    for (char32_t c : toU32(s))
        appendUtf8(tmp, (c >= kEscQuote && c <= kKeptBom) ? escapeOriginal(c, false) : c);
    return restoreOriginalMath(tmp, ex);
}

int markerIndex(std::string_view lit, char kind)
{
    const std::string prefix = std::string("<!--folio:") + kind;
    const size_t p = lit.find(prefix);
    if (p == std::string_view::npos) return -1;
    return std::atoi(std::string(lit.substr(p + prefix.size())).c_str());
}

std::string footnoteLabel(cmark_node *def)
{
    const cmark_chunk &c = def->as.literal;
    return c.data ? std::string(reinterpret_cast<const char *>(c.data), size_t(c.len)) : std::string();
}

std::string spaces(int n) { return std::string(size_t(std::max(0, n)), ' '); }

// kramdown converter/base.rb basic_generate_id (used for headers that the GFM
// parser does not see: inside markdown="1" HTML elements).
std::string basicId(std::string_view raw)
{
    size_t p = 0;
    while (p < raw.size() && !std::isalpha(static_cast<unsigned char>(raw[p]))) ++p;
    std::string out;
    for (; p < raw.size(); ++p) {
        const char c = raw[p];
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
        else if (c == ' ') out.push_back('-');
    }
    return out;
}

class Renderer final {
public:
    Renderer(const Options &options, Extracted &ex)
        : m_opt(options), m_ex(ex), m_quotes(parseSmartQuotes(options.smartQuotes)), m_footnoteNumber(options.footnoteNr)
    {
    }

    // `source`: the text before the pre-pass, for data-source-line.
    std::string render(std::string prepared, std::string_view source = {})
    {
        m_docs.push_back(parseDoc(std::move(prepared)));
        Doc &doc = *m_docs.back();
        if (m_opt.sourceLines) {
            m_topDoc = &doc;
            m_sourceLines = splitLines(source);
        }
        std::string out;
        blocks(doc, doc.root.get(), 0, out, true);
        out += footnotes();
        if (m_tocRequested) {
            const size_t p = out.find(kTocToken);
            if (p != std::string::npos) out.replace(p, kTocToken.size(), tocHtml());
        }
        return restoreMath(out);
    }

private:
    inline static const std::string kTocToken = "\x02" "folio-toc" "\x03";

    static std::vector<std::string_view> splitLines(std::string_view text)
    {
        std::vector<std::string_view> lines;
        size_t start = 0;
        while (start < text.size()) {
            size_t nl = text.find('\n', start);
            if (nl == std::string_view::npos) nl = text.size();
            lines.push_back(text.substr(start, nl - start));
            start = nl + 1;
        }
        return lines;
    }
    static std::string_view trimmed(std::string_view s)
    {
        const size_t b = s.find_first_not_of(" \t>");
        if (b == std::string_view::npos) return {};
        const size_t e = s.find_last_not_of(" \t");
        return s.substr(b, e + 1 - b);
    }

    // The source line of a top-level block starting at `preparedLine`. The
    // pre-pass folds math, HTML blocks, tables and definition lists into
    // single lines, so lines are matched by text, moving forward only: the
    // block's first line up to its first placeholder or marker is looked for
    // from the line after the previous block's start; a line that starts with
    // one takes the next non-blank source line.
    // What the source line of a folded block starts with: the first line of
    // the math or HTML a placeholder or marker at the start of `line` stands
    // for; "|" for a table; empty when unknown.
    std::string foldedKey(std::string_view line, int *extraLines) const
    {
        std::string open;
        appendUtf8(open, kMathOpen);
        std::string close;
        appendUtf8(close, kMathClose);
        size_t index = 0;
        if (line.starts_with(open)) {
            const size_t end = line.find(close);
            if (end != std::string_view::npos && parseIndex(line.substr(open.size(), end - open.size()), index) &&
                index < m_ex.math.size()) {
                *extraLines = newlines(m_ex.math[index].original);
                return firstLine(m_ex.math[index].original);
            }
            return {};
        }
        if (const int h = markerIndex(line, 'H'); line.starts_with("<!--folio:H") && h >= 0 && size_t(h) < m_ex.html.size()) {
            *extraLines = newlines(m_ex.html[size_t(h)].raw);
            return firstLine(m_ex.html[size_t(h)].raw);
        }
        if (line.starts_with("<!--folio:T"))
            return "|";
        return {};
    }
    static int newlines(std::string_view text)
    {
        return int(std::count(text.begin(), text.end(), '\n'));
    }
    static std::string firstLine(std::string_view text)
    {
        return std::string(trimmed(text.substr(0, text.find('\n'))));
    }

    // The source line of a top-level block starting at `preparedLine`. The
    // pre-pass folds math, HTML blocks, tables and definition lists into
    // single lines, so lines are matched by text, moving forward only: the
    // block's first line up to its first placeholder or marker (or what a
    // leading one stands for) is looked for from the line after the previous
    // block's start; when nothing matches, the next non-blank source line.
    int sourceLineOf(const Doc &doc, int preparedLine)
    {
        const std::string_view prepared = trimmed(doc.line(preparedLine));
        std::string key(prepared);
        int extraLines = 0; // lines a folded block spans after its first
        for (size_t i = 0; i < prepared.size(); ++i) {
            if (static_cast<unsigned char>(prepared[i]) == 0xF3 || prepared.compare(i, 10, "<!--folio:") == 0) {
                key = i == 0 ? foldedKey(prepared, &extraLines) : std::string(trimmed(prepared.substr(0, i)));
                break;
            }
        }
        const size_t from = size_t(m_sourceCursor);
        size_t found = std::string_view::npos;
        for (size_t l = from; l < m_sourceLines.size(); ++l) {
            const std::string_view line = trimmed(m_sourceLines[l]);
            const bool match = key == "|" ? line.find('|') != std::string_view::npos
                                          : key.empty() ? !line.empty() : line.starts_with(key);
            if (match) {
                found = l;
                break;
            }
        }
        if (found == std::string_view::npos) {
            found = from;
            while (found < m_sourceLines.size() && trimmed(m_sourceLines[found]).empty()) ++found;
            if (found >= m_sourceLines.size()) return preparedLine;
        }
        m_sourceCursor = int(found) + 1 + extraLines;
        return int(found) + 1;
    }

    const Doc *m_topDoc = nullptr;
    std::vector<std::string_view> m_sourceLines;
    int m_sourceCursor = 0;

    struct Footnote {
        std::string name;
        cmark_node *def = nullptr;
        const Doc *doc = nullptr; // the document holding def
        int number = 0;
        int repeat = 0;
    };
    struct TocEntry {
        int level;
        std::string id;
        std::string html;
    };
    struct InlineCtx {
        std::string *plain = nullptr; // header raw text
        bool toc = false;             // links unwrapped, footnotes dropped
    };

    // ---- blocks ---------------------------------------------------------------

    bool blankBefore(const Doc &doc, int line) const
    {
        for (int k = line - 1; k >= 1 && k <= doc.lineCount(); --k) {
            if (doc.removed[size_t(k)]) continue;
            return doc.blank[size_t(k)];
        }
        return false;
    }

    bool blankAfter(const Doc &doc, int line) const
    {
        const int end = doc.contentLines >= 0 ? std::min(doc.contentLines, doc.lineCount()) : doc.lineCount();
        for (int k = line + 1; k <= end; ++k) {
            if (doc.removed[size_t(k)]) continue;
            return doc.blank[size_t(k)];
        }
        // Only removed lines follow: kramdown saw the blank line before them.
        for (int k = line + 1; k <= end; ++k)
            if (doc.blank[size_t(k)]) return true;
        return false;
    }

    bool isScriptOrStyle(cmark_node *n) const
    {
        if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) return false;
        const int h = markerIndex(literal(n), 'H');
        if (h < 0) return false;
        const HtmlBlock &b = m_ex.html[size_t(h)];
        return b.mode == HtmlBlock::Mode::Raw && (b.tagName == "script" || b.tagName == "style");
    }

    static bool isIalMarker(cmark_node *n)
    {
        return cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK && markerIndex(literal(n), 'I') >= 0;
    }

    // <!--folio:X-->: only there to end a CommonMark construct; emits nothing.
    static bool isNoOpMarker(cmark_node *n)
    {
        return cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK && literal(n).starts_with("<!--folio:X");
    }

    std::vector<cmark_node *> renderableChildren(cmark_node *container)
    {
        std::vector<cmark_node *> out;
        for (cmark_node *c = cmark_node_first_child(container); c; c = cmark_node_next(c))
            if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION && !isNoOpMarker(c))
                out.push_back(c);
        return out;
    }

    // Renders the children of `container`. `root`: leading and trailing blank
    // lines emit "\n" as kramdown's :blank elements do at the top level.
    void blocks(const Doc &doc, cmark_node *container, int indent, std::string &out, bool root,
                size_t from = 0)
    {
        const Doc *saved = m_currentDoc;
        m_currentDoc = &doc;
        blocksIn(doc, container, indent, out, root, from);
        m_currentDoc = saved;
    }

    void blocksIn(const Doc &doc, cmark_node *container, int indent, std::string &out, bool root, size_t from)
    {
        const auto children = renderableChildren(container);
        Attributes pending;
        bool renderedAny = false, blankEmitted = false;
        int lastLine = 0;
        for (size_t i = from; i < children.size(); ++i) {
            cmark_node *c = children[i];
            if (isIalMarker(c)) {
                const BlockIal &ial = m_ex.ials[size_t(markerIndex(literal(c), 'I'))];
                if (!ial.toPrevious || !renderedAny)
                    pending.merge(parseAttributeList(ial.text, &m_ex.alds));
                continue;
            }
            Attributes attrs = pending;
            pending = {};
            for (size_t k = i + 1; k < children.size() && isIalMarker(children[k]); ++k) {
                const BlockIal &ial = m_ex.ials[size_t(markerIndex(literal(children[k]), 'I'))];
                if (ial.toPrevious) attrs.merge(parseAttributeList(ial.text, &m_ex.alds));
            }
            const int start = cmark_node_get_start_line(c);
            if ((renderedAny || (root && start > 1)) && blankBefore(doc, start) && !blankEmitted)
                out += "\n";
            if (m_topDoc == &doc && container == doc.root.get()) {
                // Block math is written bare (no element to carry it); its
                // line is still consumed so later blocks match after it.
                const MathSpan *span = nullptr;
                const bool bareMath = cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH && attrs.list.empty() && isBlockMath(c, &span);
                const int line = sourceLineOf(doc, start);
                if (!bareMath)
                    attrs.set("data-source-line", std::to_string(line));
            }
            block(doc, c, indent, out, attrs);
            renderedAny = true;
            // kramdown always follows a block <script> or <style> with a
            // blank, whether or not the source has one.
            blankEmitted = isScriptOrStyle(c);
            if (blankEmitted) out += "\n";
            lastLine = cmark_node_get_end_line(c);
            for (size_t k = i + 1; k < children.size() && isIalMarker(children[k]); ++k)
                lastLine = cmark_node_get_end_line(children[k]);
        }
        if (root && renderedAny && !blankEmitted && blankAfter(doc, lastLine))
            out += "\n";
        if (root && !renderedAny && doc.lineCount() > 0 && doc.blank[1])
            out += "\n";
    }

    void block(const Doc &doc, cmark_node *n, int indent, std::string &out, Attributes attrs)
    {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH: paragraph(n, indent, out, attrs); return;
        case CMARK_NODE_HEADING: heading(doc, n, indent, out, attrs); return;
        case CMARK_NODE_THEMATIC_BREAK: out += spaces(indent) + "<hr" + attrs.html() + " />\n"; return;
        case CMARK_NODE_CODE_BLOCK: codeBlock(n, indent, out, attrs); return;
        case CMARK_NODE_BLOCK_QUOTE:
            out += spaces(indent) + "<blockquote" + attrs.html() + ">\n";
            blocks(doc, n, indent + 2, out, false);
            out += spaces(indent) + "</blockquote>\n";
            return;
        case CMARK_NODE_LIST: list(doc, n, indent, out, attrs); return;
        case CMARK_NODE_HTML_BLOCK: htmlBlock(n, indent, out, attrs); return;
        default: break;
        }
        if (typeString(n) == "table") {
            table(n, indent, out, attrs);
            return;
        }
        // Unknown block: render its children.
        blocks(doc, n, indent, out, false);
    }

    bool isBlockMath(cmark_node *para, const MathSpan **span)
    {
        cmark_node *only = cmark_node_first_child(para);
        if (!only || cmark_node_next(only) || cmark_node_get_type(only) != CMARK_NODE_TEXT) return false;
        std::u32string t = toU32(literal(only));
        while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.pop_back();
        if (t.size() < 3 || t.front() != kMathOpen || t.back() != kMathClose) return false;
        size_t index = 0;
        for (size_t i = 1; i + 1 < t.size(); ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            index = index * 10 + (t[i] - '0');
        }
        if (index >= m_ex.math.size()) return false;
        const MathSpan &m = m_ex.math[index];
        const bool block = (m.kind == MathSpan::Kind::DoubleDollar && m.blockEligible) || m.kind == MathSpan::Kind::Bracket;
        if (!block) return false;
        *span = &m;
        return true;
    }

    void paragraph(cmark_node *n, int indent, std::string &out, const Attributes &attrs, const std::string &prefix = {})
    {
        const MathSpan *math = nullptr;
        if (prefix.empty() && isBlockMath(n, &math)) {
            if (attrs.list.empty())
                out += spaces(indent) + math->html(true) + "\n";
            else
                out += spaces(indent) + "<div" + attrs.html() + ">" + math->html(true) + "\n</div>\n";
            return;
        }
        out += spaces(indent) + "<p" + attrs.html() + ">" + prefix;
        InlineCtx ctx;
        inlines(n, out, ctx, 0);
        if (n == m_appendTarget) out += m_appendText;
        out += "</p>\n";
    }

    void heading(const Doc &doc, cmark_node *n, int indent, std::string &out, Attributes attrs)
    {
        const int level = cmark_node_get_heading_level(n);
        // `{#id}` at the end of the header text (kramdown HEADER_ID).
        std::string explicitId;
        if (cmark_node *last = cmark_node_last_child(n); last && cmark_node_get_type(last) == CMARK_NODE_TEXT) {
            std::string lit = literal(last);
            while (!lit.empty() && (lit.back() == ' ' || lit.back() == '\t')) lit.pop_back();
            const size_t open = lit.rfind("{#");
            if (open != std::string::npos && lit.back() == '}' && open + 3 < lit.size() &&
                std::isalpha(static_cast<unsigned char>(lit[open + 2])) &&
                (open == 0 || lit[open - 1] == ' ' || lit[open - 1] == '\t')) {
                explicitId = lit.substr(open + 2, lit.size() - open - 3);
                std::string rest = lit.substr(0, open);
                while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.pop_back();
                cmark_node_set_literal(last, rest.c_str());
            }
        }
        std::string html, plain;
        InlineCtx ctx;
        ctx.plain = &plain;
        inlines(n, html, ctx, 0);
        plain = restoreIdMath(plain);
        Attributes a;
        if (!explicitId.empty()) a.set("id", explicitId);
        a.merge(attrs);
        if (m_opt.autoIds && !a.get("id")) {
            std::string id;
            if (doc.basicIds) {
                id = basicId(plain);
                if (id.empty()) id = "section";
                auto [it, inserted] = m_basicIds.try_emplace(id, 0);
                if (!inserted) id += "-" + std::to_string(++it->second);
            } else {
                id = gfmHeaderId(plain);
                const int count = ++m_idCounter.try_emplace(id, -1).first->second;
                if (count > 0) id += "-" + std::to_string(count);
            }
            a.set("id", m_opt.autoIdPrefix + id);
        }
        const std::string *cls = a.get("class");
        const bool noToc = cls && (" " + *cls + " ").find(" no_toc ") != std::string::npos;
        if (level >= m_opt.tocLevelMin && level <= m_opt.tocLevelMax && !noToc && a.get("id") && tocPossible()) {
            std::string tocHtml;
            InlineCtx tctx;
            tctx.toc = true;
            inlines(n, tocHtml, tctx, 0);
            m_toc.push_back({level, *a.get("id"), tocHtml});
        }
        out += spaces(indent) + "<h" + std::to_string(level) + a.html() + ">" + html + "</h" + std::to_string(level) + ">\n";
    }

    // kramdown add_syntax_highlighter_to_class_attr: " highlighter-rouge" is
    // appended, then "language-X" replaces an existing language class or is
    // put in front.
    static void addHighlighterClass(Attributes &attrs, const std::string &lang)
    {
        std::string cls = attrs.get("class") ? *attrs.get("class") + " highlighter-rouge" : "highlighter-rouge";
        while (!cls.empty() && cls.front() == ' ') cls.erase(0, 1);
        const size_t lp = cls.find("language-");
        if (lp != std::string::npos && (lp == 0 || cls[lp - 1] == ' ')) {
            const size_t e = cls.find(' ', lp);
            cls.replace(lp, e - lp, "language-" + lang);
        } else {
            cls = "language-" + lang + " " + cls;
        }
        attrs.set("class", cls);
    }

    // kramdown extract_code_language: X of the first class matching
    // /\blanguage-(\S+)/, or "".
    static std::string classLanguage(const Attributes &attrs)
    {
        const std::string *cls = attrs.get("class");
        if (!cls) return {};
        const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
        const auto isWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        for (size_t p = cls->find("language-"); p != std::string::npos; p = cls->find("language-", p + 1)) {
            if (p > 0 && isWord((*cls)[p - 1])) continue;
            size_t e = p + 9;
            while (e < cls->size() && !isSpace((*cls)[e])) ++e;
            if (e > p + 9) return cls->substr(p + 9, e - p - 9);
        }
        return {};
    }

    static void removeClassLanguage(Attributes &attrs)
    {
        std::string cls = *attrs.get("class");
        const std::string lang = "language-" + classLanguage(attrs);
        size_t p = cls.find(lang);
        while (p != std::string::npos && p > 0 && (std::isalnum(static_cast<unsigned char>(cls[p - 1])) || cls[p - 1] == '_'))
            p = cls.find(lang, p + 1);
        cls.erase(p, lang.size());
        // Ruby's strip
        cls.erase(0, cls.find_first_not_of(" \t\n\r\f\v"));
        cls.erase(cls.find_last_not_of(" \t\n\r\f\v") + 1);
        if (cls.empty()) attrs.remove("class");
        else attrs.set("class", cls);
    }

    // Whether some block IAL could request a TOC (saves rendering every
    // header twice).
    bool tocPossible() const
    {
        return std::any_of(m_ex.ials.begin(), m_ex.ials.end(),
                           [](const BlockIal &ial) { return ial.text.find("toc") != std::string::npos; }) ||
               std::any_of(m_ex.alds.begin(), m_ex.alds.end(), [](const auto &ald) { return ald.second.hasRef("toc"); });
    }

    void codeBlock(cmark_node *n, int indent, std::string &out, Attributes attrs)
    {
        std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
        // kramdown FENCED_CODEBLOCK_MATCH: the language is the first word, up to '?'.
        std::string lang = info.substr(0, info.find_first_of(" \t?"));
        const std::string classLang = classLanguage(attrs);
        if (lang.empty()) lang = classLang;
        const bool showsWhitespace = hasShowWhitespaces(attrs);
        // kramdown extract_code_language!: the class's language-X goes (the
        // highlighter's class puts it back in front).
        if (!classLang.empty()) removeClassLanguage(attrs);
        std::string code = literal(n);
        if (code.empty() || code.back() != '\n') code += '\n';
        const std::string source = unescapeSource(code, m_ex);
        std::string highlightedAs;
        if (std::optional<std::string> html = rougeHtml(lang, source, m_opt.highlighting.block, highlightedAs)) {
            addHighlighterClass(attrs, highlightedAs);
            out += spaces(indent) + "<div" + attrs.html() + ">" + *html + spaces(indent) + "</div>\n";
            return;
        }
        // No highlighter: kramdown's plain <pre><code>, the language (if the
        // block names one) as the code's class.
        const std::string codeLang = classLang.empty() ? lang : classLang;
        std::string text = escaped(source);
        text.pop_back(); // chomp
        if (showsWhitespace) text = markWhitespace(text);
        out += spaces(indent) + "<pre" + attrs.html() + "><code"
               + (codeLang.empty() ? std::string() : " class=\"language-" + codeLang + "\"") + ">" + text + "\n</code></pre>\n";
    }

    // kramdown's SyntaxHighlighter::Rouge.call: Rouge's HTML for `code` (in
    // `lang`, "" when it names none) under the site's options, with
    // `highlightedAs` set to the language the class names; nullopt when
    // kramdown writes the code without a highlighter.
    std::optional<std::string> rougeHtml(const std::string &lang, const std::string &code, const RougeOptions &o,
                                         std::string &highlightedAs) const
    {
        if (!m_opt.highlighting.rouge || o.disable) return std::nullopt;
        const std::string name = lang.empty() ? o.defaultLang : lang;
        const std::string lexer = name.substr(0, name.find('?'));
        if (name.empty() || !highlight::rougeKnows(lexer)) return std::nullopt;
        // Rouge's PlainText lexer (tag plaintext, alias text) only with guess_lang.
        if (!o.guessLang && (lexer == "plaintext" || lexer == "text")) return std::nullopt;
        std::string html;
        // Rouge's token spans when Folio lexes the language exactly, else plain.
        if (std::optional<std::string> tokens = highlight::highlightHtml(name, code))
            html = std::move(*tokens);
        else
            appendEscaped(html, code);
        if (o.lineNumbers)
            html = highlight::lineTable(std::move(html), code, {o.startLine, o.tableClass, o.gutterClass, o.codeClass});
        if (o.wrap)
            html = "<div class=\"highlight\"><pre class=\"" + o.cssClass + "\"><code>" + html + "</code></pre></div>";
        highlightedAs = name;
        return html;
    }

    // kramdown's show-whitespaces class on unhighlighted code: each blank
    // becomes a span, classed -l when it leads its line, -r when it trails it.
    static std::string markWhitespace(const std::string &text)
    {
        std::string out;
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] != ' ' && text[i] != '\t') {
                out += text[i++];
                continue;
            }
            const std::size_t start = i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
            const char *suffix = start == 0 || text[start - 1] == '\n' ? "-l" : i == text.size() || text[i] == '\n' ? "-r" : "";
            for (std::size_t k = start; k < i; ++k)
                out += text[k] == '\t' ? std::string("<span class=\"ws-tab") + suffix + "\">\t</span>"
                                        : std::string("<span class=\"ws-space") + suffix + "\">&#8901;</span>";
        }
        return out;
    }

    // \bshow-whitespaces\b in the block's class attribute as written.
    static bool hasShowWhitespaces(const Attributes &attrs)
    {
        const std::string *cls = attrs.get("class");
        if (!cls) return false;
        const std::string word = "show-whitespaces";
        const auto isWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        for (std::size_t p = cls->find(word); p != std::string::npos; p = cls->find(word, p + 1))
            if ((p == 0 || !isWord((*cls)[p - 1])) && (p + word.size() == cls->size() || !isWord((*cls)[p + word.size()])))
                return true;
        return false;
    }

    // ---- lists ----------------------------------------------------------------

    void list(const Doc &doc, cmark_node *n, int indent, std::string &out, Attributes attrs)
    {
        const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        const std::string tag = ordered ? "ol" : "ul";
        if (!m_tocRequested && attrs.hasRef("toc")) {
            m_tocRequested = true;
            m_tocTag = tag;
            m_tocAttrs = attrs;
            out += kTocToken;
            return;
        }
        std::vector<cmark_node *> items;
        for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) items.push_back(c);
        bool isTaskList = false;
        for (cmark_node *item : items)
            if (typeString(item) == "tasklist") isTaskList = true;
        if (isTaskList) attrs.set("class", "task-list");
        out += spaces(indent) + "<" + tag + attrs.html() + ">\n";

        // kramdown parse_list: which items keep their first paragraph bare.
        std::vector<char> wrapped(items.size(), 0), firstIsPara(items.size(), 0);
        bool taskSeen = false;
        for (size_t i = 0; i < items.size(); ++i) {
            cmark_node *item = items[i];
            auto kids = itemChildren(item);
            const bool last = i + 1 == items.size();
            firstIsPara[i] = !kids.empty() && cmark_node_get_type(kids[0]) == CMARK_NODE_PARAGRAPH;
            bool secondBlank = false;
            if (kids.size() >= 2)
                secondBlank = blankBefore(doc, cmark_node_get_start_line(kids[1]));
            else if (!last && !kids.empty())
                secondBlank = blankBefore(doc, cmark_node_get_start_line(items[i + 1]));
            bool previousAllowBare = false;
            for (size_t k = 0; k < i; ++k)
                if (!firstIsPara[k] || !wrapped[k]) previousAllowBare = true;
            const bool transparent = firstIsPara[i] && !secondBlank && (!last || items.size() == 1 || previousAllowBare);
            wrapped[i] = firstIsPara[i] && !transparent;

            Attributes liAttrs;
            const bool task = typeString(item) == "tasklist";
            taskSeen = taskSeen || task;
            if (taskSeen) liAttrs.set("class", "task-list-item");
            std::string checkbox;
            if (task)
                checkbox = cmark_gfm_extensions_get_tasklist_item_checked(item)
                    ? "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />"
                    : "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";

            out += spaces(indent + 2) + "<li" + liAttrs.html() + ">";
            if (kids.empty()) {
                out += "</li>\n";
                continue;
            }
            if (transparent) {
                std::string res = checkbox;
                InlineCtx ctx;
                inlines(kids[0], res, ctx, 0);
                if (kids.size() >= 2) {
                    res += "\n";
                    blocks(doc, item, indent + 4, res, false, 1);
                }
                out += res;
                if (!res.empty() && res.back() == '\n') out += spaces(indent + 2);
            } else {
                out += "\n";
                if (!checkbox.empty() && firstIsPara[i]) {
                    std::string first;
                    paragraph(kids[0], indent + 4, first, {}, checkbox);
                    out += first;
                    blocks(doc, item, indent + 4, out, false, 1);
                } else {
                    blocks(doc, item, indent + 4, out, false);
                }
                out += spaces(indent + 2);
            }
            out += "</li>\n";
        }
        out += spaces(indent) + "</" + tag + ">\n";
    }

    std::vector<cmark_node *> itemChildren(cmark_node *item)
    {
        std::vector<cmark_node *> out;
        for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c))
            if (!isIalMarker(c)) out.push_back(c);
        return out;
    }

    // ---- tables ---------------------------------------------------------------

    void table(cmark_node *n, int indent, std::string &out, const Attributes &attrs)
    {
        const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t *align = cmark_gfm_extensions_get_table_alignments(n);
        out += spaces(indent) + "<table" + attrs.html() + ">\n";
        bool inBody = false, headDone = false;
        for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
            if (header && !headDone) {
                out += spaces(indent + 2) + "<thead>\n";
            } else if (!header && !inBody) {
                if (headDone) out += spaces(indent + 2) + "</thead>\n";
                out += spaces(indent + 2) + "<tbody>\n";
                inBody = true;
            }
            out += spaces(indent + 4) + "<tr>\n";
            int col = 0;
            for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++col) {
                const char *tag = header ? "th" : "td";
                Attributes ca;
                if (align && col < columns) {
                    switch (align[col]) {
                    case 'l': ca.set("style", "text-align: left"); break;
                    case 'c': ca.set("style", "text-align: center"); break;
                    case 'r': ca.set("style", "text-align: right"); break;
                    default: break;
                    }
                }
                std::string body;
                InlineCtx ctx;
                inlines(cell, body, ctx, 0);
                if (body.empty()) body = "\u00A0";
                out += spaces(indent + 6) + "<" + tag + ca.html() + ">" + body + "</" + tag + ">\n";
            }
            out += spaces(indent + 4) + "</tr>\n";
            if (header) headDone = true;
        }
        if (inBody) out += spaces(indent + 2) + "</tbody>\n";
        else if (headDone) out += spaces(indent + 2) + "</thead>\n";
        out += spaces(indent) + "</table>\n";
    }

    // The cells of all tables known so far, parsed as one cmark document (one
    // paragraph per non-empty cell; see renderSpanSources for the guard).
    // Parsing has no side effects; the cells are rendered when their table is
    // reached, so footnote numbers keep document order.
    const std::vector<cmark_node *> &tableCells(size_t tableIndex)
    {
        if (tableIndex < m_tableCells.size()) return m_tableCells[tableIndex];
        std::string guard;
        appendUtf8(guard, kSpanGuard);
        std::string text;
        for (size_t t = m_tableCells.size(); t < m_ex.tables.size(); ++t)
            for (const auto &section : m_ex.tables[t].sections)
                for (const auto &row : section.rows)
                    for (const auto &cell : row)
                        if (!cell.empty()) text += guard + " " + cell + "\n\n";
        text = processSpanEscapes(text, m_opt) + "\n\n" + definitionsForSubDocuments();
        m_docs.push_back(parseDoc(std::move(text)));
        m_tableCellDoc = m_docs.back().get();
        cmark_node *para = cmark_node_first_child(m_tableCellDoc->root.get());
        for (size_t t = m_tableCells.size(); t < m_ex.tables.size(); ++t) {
            std::vector<cmark_node *> nodes;
            for (const auto &section : m_ex.tables[t].sections)
                for (const auto &row : section.rows)
                    for (const auto &cell : row) {
                        if (cell.empty()) { nodes.push_back(nullptr); continue; }
                        while (para && cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) para = cmark_node_next(para);
                        nodes.push_back(para);
                        if (!para) continue;
                        if (cmark_node *first = cmark_node_first_child(para); first && cmark_node_get_type(first) == CMARK_NODE_TEXT) {
                            std::string lit = literal(first);
                            if (lit.starts_with(guard)) lit.erase(0, guard.size());
                            if (lit.starts_with(" ")) lit.erase(0, 1);
                            cmark_node_set_literal(first, lit.c_str());
                        }
                        para = cmark_node_next(para);
                    }
            m_tableCells.push_back(std::move(nodes));
        }
        return m_tableCells[tableIndex];
    }

    void kramdownTable(size_t tableIndex, int indent, std::string &out, const Attributes &attrs)
    {
        const std::vector<cmark_node *> cellNodes = tableCells(tableIndex);
        const Table table = m_ex.tables[tableIndex];
        std::vector<std::string> rendered;
        {
            const Doc *saved = m_currentDoc;
            m_currentDoc = m_tableCellDoc;
            for (cmark_node *cell : cellNodes) {
                rendered.emplace_back();
                if (!cell) continue;
                InlineCtx ctx;
                inlines(cell, rendered.back(), ctx, 0);
            }
            m_currentDoc = saved;
        }
        size_t next = 0;
        out += spaces(indent) + "<table" + attrs.html() + ">\n";
        for (const auto &section : table.sections) {
            out += spaces(indent + 2) + "<" + section.tag + ">\n";
            for (const auto &row : section.rows) {
                out += spaces(indent + 4) + "<tr>\n";
                for (size_t col = 0; col < table.columns; ++col) {
                    const char *tag = section.tag == "thead" ? "th" : "td";
                    Attributes ca;
                    switch (col < table.alignment.size() ? table.alignment[col] : Table::Align::Default) {
                    case Table::Align::Left: ca.set("style", "text-align: left"); break;
                    case Table::Align::Center: ca.set("style", "text-align: center"); break;
                    case Table::Align::Right: ca.set("style", "text-align: right"); break;
                    default: break;
                    }
                    std::string body = col < row.size() ? rendered[next++] : std::string();
                    if (body.empty()) body = "\u00A0";
                    out += spaces(indent + 6) + "<" + tag + ca.html() + ">" + body + "</" + tag + ">\n";
                }
                out += spaces(indent + 4) + "</tr>\n";
            }
            out += spaces(indent + 2) + "</" + section.tag + ">\n";
        }
        out += spaces(indent) + "</table>\n";
    }

    // Span-level Markdown (table cells, a term): each piece is parsed by cmark
    // as the text of one paragraph, all pieces in one document (one parse per
    // table). A private-use character and a space in front keep cmark from
    // reading "1." or "# x" as block syntax; they are removed again. The
    // document's link definitions are appended so reference links resolve.
    std::vector<std::string> renderSpanSources(const std::vector<std::string> &prepared)
    {
        std::vector<std::string> html(prepared.size());
        std::string guard;
        appendUtf8(guard, kSpanGuard);
        std::string text;
        for (const auto &piece : prepared)
            if (!piece.empty()) text += guard + " " + piece + "\n\n";
        if (text.empty()) return html;
        text += definitionsForSubDocuments();
        m_docs.push_back(parseDoc(std::move(text)));
        Doc &doc = *m_docs.back();
        const Doc *saved = m_currentDoc;
        m_currentDoc = &doc;
        struct Restore { const Doc *&ref; const Doc *value; ~Restore() { ref = value; } } restore{m_currentDoc, saved};
        cmark_node *para = cmark_node_first_child(doc.root.get());
        for (size_t i = 0; i < prepared.size(); ++i) {
            if (prepared[i].empty()) continue;
            while (para && cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) para = cmark_node_next(para);
            if (!para) {
                html[i] = escaped(prepared[i]);
                continue;
            }
            if (cmark_node *first = cmark_node_first_child(para); first && cmark_node_get_type(first) == CMARK_NODE_TEXT) {
                std::string lit = literal(first);
                if (lit.starts_with(guard)) lit.erase(0, guard.size());
                if (lit.starts_with(" ")) lit.erase(0, 1);
                cmark_node_set_literal(first, lit.c_str());
            }
            InlineCtx ctx;
            inlines(para, html[i], ctx, 0);
            para = cmark_node_next(para);
        }
        return html;
    }

    void renderSpanSource(const std::string &prepared, std::string &out)
    {
        out += renderSpanSources({prepared}).front();
    }

    // ---- HTML, definition lists -----------------------------------------------

    void htmlBlock(cmark_node *n, int indent, std::string &out, const Attributes &attrs)
    {
        const std::string lit = literal(n);
        if (int h = markerIndex(lit, 'H'); h >= 0) {
            const HtmlBlock b = m_ex.html[size_t(h)]; // a copy: sub-documents append to m_ex.html
            switch (b.mode) {
            case HtmlBlock::Mode::Raw:
                out += spaces(indent) + restoreOriginalMath(expandNestedMarkdown(b.raw, indent), m_ex) + "\n";
                return;
            case HtmlBlock::Mode::Span: {
                out += spaces(indent) + b.openTag;
                renderSpanSource(processSpanEscapes(b.inner, m_opt), out);
                out += "</" + b.tagName + ">\n";
                return;
            }
            case HtmlBlock::Mode::Block: {
                std::string inner = subDocument(b.inner, indent + 2, true);
                while (!inner.empty() && inner.back() == '\n') { inner.pop_back(); break; }
                if (inner.empty())
                    out += spaces(indent) + b.openTag + "</" + b.tagName + ">\n";
                else
                    out += spaces(indent) + b.openTag + "\n" + inner + "\n" + spaces(indent) + "</" + b.tagName + ">\n";
                return;
            }
            }
        }
        if (int t = markerIndex(lit, 'T'); t >= 0) {
            kramdownTable(size_t(t), indent, out, attrs);
            return;
        }
        if (int d = markerIndex(lit, 'D'); d >= 0) {
            definitionList(DefList(m_ex.deflists[size_t(d)]), indent, out, attrs);
            return;
        }
        // A CommonMark HTML block kramdown did not take as block HTML (e.g. a
        // line with only a span-level tag): kramdown makes it a paragraph.
        std::string text = lit;
        while (!text.empty() && text.back() == '\n') text.pop_back();
        out += spaces(indent) + "<p" + attrs.html() + ">";
        renderSpanSource(text, out);
        out += "</p>\n";
    }

    // kramdown parses the HTML inside a raw block element too, and a child
    // carrying markdown="1" (academicpages' toc include: <aside><nav
    // markdown="1">) has its content converted although its parent is raw.
    std::string expandNestedMarkdown(const std::string &raw, int indent)
    {
        static const std::regex open(
            R"re(<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^>]*?)?)\s+markdown\s*=\s*(?:"(1|block|span|0)"|'(1|block|span|0)')([^>]*)>)re");
        // std::regex is slow; most raw blocks have no markdown attribute at all.
        if (raw.size() < 2 || raw.find("markdown", 1) == std::string::npos)
            return raw;
        std::smatch m;
        if (!std::regex_search(raw.begin() + 1, raw.end(), m, open))
            return raw;
        const std::string name = m[1].str();
        const std::string mode = m[3].matched ? m[3].str() : m[4].str();
        const std::size_t openStart = std::size_t(m.position(0)) + 1;
        const std::size_t openEnd = openStart + std::size_t(m.length(0));
        // The matching close tag, counting nested elements of the same name.
        std::size_t depth = 1, pos = openEnd, closeStart = std::string::npos;
        while (depth > 0) {
            const std::size_t nextOpen = raw.find("<" + name, pos);
            const std::size_t nextClose = raw.find("</" + name, pos);
            if (nextClose == std::string::npos)
                return raw;
            if (nextOpen != std::string::npos && nextOpen < nextClose) {
                ++depth;
                pos = nextOpen + name.size() + 1;
            } else {
                --depth;
                closeStart = nextClose;
                pos = nextClose + name.size() + 2;
            }
        }
        const std::size_t closeEnd = raw.find('>', closeStart);
        if (closeEnd == std::string::npos)
            return raw;
        std::string inner = raw.substr(openEnd, closeStart - openEnd);
        const std::string tag = "<" + name + m[2].str() + m[5].str() + ">";
        std::string converted;
        const HtmlBlock::Mode model = mode == "span" ? HtmlBlock::Mode::Span
                                      : mode == "1" ? contentModel(name)
                                      : mode == "block" ? HtmlBlock::Mode::Block : HtmlBlock::Mode::Raw;
        if (model == HtmlBlock::Mode::Block) {
            if (inner.starts_with("\n"))
                inner.erase(0, 1);
            std::string body = subDocument(inner, indent + 2, true);
            while (!body.empty() && body.back() == '\n')
                body.pop_back();
            converted = tag + "\n" + body + "\n" + spaces(indent) + "</" + name + ">";
        } else if (model == HtmlBlock::Mode::Span) {
            converted = tag;
            renderSpanSource(processSpanEscapes(inner, m_opt), converted);
            converted += "</" + name + ">";
        } else {
            converted = tag + inner + "</" + name + ">";
        }
        return raw.substr(0, openStart) + converted
               + expandNestedMarkdown(raw.substr(closeEnd + 1), indent);
    }

    void definitionList(const DefList &dl, int indent, std::string &out, const Attributes &attrs)
    {
        out += spaces(indent) + "<dl" + attrs.html() + ">\n";
        for (const auto &item : dl.items) {
            if (item.term) {
                out += spaces(indent + 2) + "<dt>";
                renderSpanSource(processSpanEscapes(item.text, m_opt), out);
                out += "</dt>\n";
                continue;
            }
            std::string sub = prepareBlocks(item.text + "\n", m_opt, m_ex);
            m_docs.push_back(parseDoc(sub));
            Doc &doc = *m_docs.back();
            auto kids = renderableChildren(doc.root.get());
            // list.rb: the first paragraph is bare unless a blank line came
            // before the definition; more content follows on new lines.
            if (!item.blankBefore && !kids.empty() && cmark_node_get_type(kids[0]) == CMARK_NODE_PARAGRAPH) {
                std::string res;
                {
                    const Doc *saved = m_currentDoc;
                    m_currentDoc = &doc;
                    InlineCtx ctx;
                    inlines(kids[0], res, ctx, 0);
                    m_currentDoc = saved;
                }
                if (kids.size() > 1) {
                    res += "\n";
                    if (blankBefore(doc, cmark_node_get_start_line(kids[1]))) res += "\n";
                    blocks(doc, doc.root.get(), indent + 4, res, false, 1);
                }
                out += spaces(indent + 2) + "<dd>" + res;
                if (!res.empty() && res.back() == '\n') out += spaces(indent + 2);
                out += "</dd>\n";
            } else {
                out += spaces(indent + 2) + "<dd>\n";
                blocks(doc, doc.root.get(), indent + 4, out, false);
                out += spaces(indent + 2) + "</dd>\n";
            }
        }
        out += spaces(indent) + "</dl>\n";
    }

    // The document's link and footnote definitions, prepared once, appended
    // to every separately parsed piece (cells, terms, markdown="1" content)
    // so that references inside resolve.
    const std::string &definitionsForSubDocuments()
    {
        const size_t key = m_ex.linkDefinitions.size() + m_ex.footnoteDefinitions.size();
        if (!m_definitionsReady || key != m_definitionsKey) {
            // Preparing them would record them a second time: restore.
            const std::string links = m_ex.linkDefinitions, notes = m_ex.footnoteDefinitions;
            m_definitions = prepareBlocks(links + notes, m_opt, m_ex);
            m_ex.linkDefinitions = links;
            m_ex.footnoteDefinitions = notes;
            m_definitionsKey = key;
            m_definitionsReady = true;
        }
        return m_definitions;
    }

    std::string subDocument(const std::string &source, int indent, bool basicIds)
    {
        std::string text = source;
        if (!text.empty() && text.back() != '\n') text += '\n';
        // The document's link and footnote definitions are appended so that
        // references inside resolve; blank-line handling ignores them.
        std::string sub = prepareBlocks(text, m_opt, m_ex);
        const int contentLines = int(std::count(sub.begin(), sub.end(), '\n'));
        sub += "\n" + definitionsForSubDocuments(); // a definition cannot interrupt a paragraph
        m_docs.push_back(parseDoc(sub));
        Doc &doc = *m_docs.back();
        doc.contentLines = contentLines;
        doc.basicIds = basicIds;
        std::string out;
        blocks(doc, doc.root.get(), indent, out, true);
        return out;
    }

    // ---- inlines --------------------------------------------------------------

    // The source text an inline node starts with, as far as kramdown's
    // quote rules look ahead (a few characters).
    static std::u32string lookahead(cmark_node *n)
    {
        if (!n) return {};
        std::u32string out;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: out = toU32(literal(n)); break;
        case CMARK_NODE_SOFTBREAK: out = U"\n"; break;
        case CMARK_NODE_LINEBREAK: out = U"  \n"; break;
        case CMARK_NODE_EMPH: out = U"*" + lookahead(cmark_node_first_child(n)); break;
        case CMARK_NODE_STRONG: out = U"**" + lookahead(cmark_node_first_child(n)); break;
        case CMARK_NODE_LINK: out = U"[" + lookahead(cmark_node_first_child(n)); break;
        case CMARK_NODE_FOOTNOTE_REFERENCE: out = U"[^"; break;
        case CMARK_NODE_IMAGE: out = U"!["; break;
        case CMARK_NODE_CODE: out = U"`" + toU32(literal(n)); break;
        case CMARK_NODE_HTML_INLINE: out = toU32(literal(n)); break;
        default: out = U"~~" + lookahead(cmark_node_first_child(n)); break;
        }
        if (out.size() > 8) out.resize(8);
        return out;
    }

    static std::u32string closingOf(cmark_node *parent)
    {
        switch (cmark_node_get_type(parent)) {
        case CMARK_NODE_EMPH: return U"*";
        case CMARK_NODE_STRONG: return U"**";
        case CMARK_NODE_LINK: case CMARK_NODE_IMAGE: return U"]";
        default: return typeString(parent) == "strikethrough" ? U"~~" : U"";
        }
    }

    // Span IAL `{: …}` right after an element: returns its attributes and
    // removes it from the following text node.
    Attributes spanIal(cmark_node *element)
    {
        Attributes attrs;
        cmark_node *next = cmark_node_next(element);
        if (!next || cmark_node_get_type(next) != CMARK_NODE_TEXT) return attrs;
        const std::string lit = literal(next);
        if (!lit.starts_with("{:")) return attrs;
        const size_t close = lit.find('}');
        if (close == std::string::npos || lit.find('\n') < close) return attrs;
        attrs = parseAttributeList(std::string_view(lit).substr(2, close - 2), &m_ex.alds);
        cmark_node_set_literal(next, lit.substr(close + 1).c_str());
        return attrs;
    }

    // kramdown keeps the leading whitespace of a paragraph's continuation
    // lines (after the container's own indentation); CommonMark drops it.
    std::vector<std::u32string> continuationIndents(cmark_node *para) const
    {
        std::vector<std::u32string> indents;
        if (!m_currentDoc || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return indents;
        std::vector<cmark_node *> chain;
        for (cmark_node *a = cmark_node_parent(para); a && cmark_node_get_type(a) != CMARK_NODE_DOCUMENT; a = cmark_node_parent(a))
            chain.insert(chain.begin(), a);
        const int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
        for (int l = first + 1; l <= last; ++l) {
            // kramdown expands leading tabs (4 columns) before stripping indentation.
            std::string expanded;
            std::string_view raw = m_currentDoc->line(l);
            size_t k0 = 0;
            for (; k0 < raw.size() && (raw[k0] == ' ' || raw[k0] == '\t'); ++k0) {
                if (raw[k0] == '\t') expanded.append(4 - expanded.size() % 4, ' ');
                else expanded.push_back(' ');
            }
            expanded.append(raw.substr(k0));
            std::string_view line = expanded;
            for (cmark_node *a : chain) {
                const auto type = cmark_node_get_type(a);
                if (type == CMARK_NODE_BLOCK_QUOTE) {
                    size_t k = 0;
                    while (k < line.size() && k < 3 && line[k] == ' ') ++k;
                    if (k < line.size() && line[k] == '>') {
                        ++k;
                        if (k < line.size() && line[k] == ' ') ++k;
                        line.remove_prefix(k);
                    }
                } else if (type == CMARK_NODE_ITEM || type == CMARK_NODE_FOOTNOTE_DEFINITION) {
                    const size_t width = type == CMARK_NODE_ITEM ? size_t(a->as.list.marker_offset + a->as.list.padding) : 4;
                    size_t k = 0;
                    while (k < line.size() && k < width && line[k] == ' ') ++k;
                    line.remove_prefix(k);
                }
            }
            const size_t ws = line.find_first_not_of(" \t");
            indents.push_back(toU32(line.substr(0, ws == std::string_view::npos ? 0 : ws)));
        }
        return indents;
    }

    void inlines(cmark_node *parent, std::string &out, InlineCtx &ctx, int depth)
    {
        if (depth == 0) {
            m_lineIndents = continuationIndents(parent);
            m_lineCursor = 0;
        }
        auto nextIndent = [&]() -> std::u32string {
            return m_lineCursor < m_lineIndents.size() ? m_lineIndents[m_lineCursor++] : std::u32string();
        };
        const std::u32string closing = depth == 0 ? std::u32string() : closingOf(parent);
        bool newlinePending = false;
        for (cmark_node *c = cmark_node_first_child(parent); c;) {
            const auto type = cmark_node_get_type(c);
            const bool softAsText = !m_opt.hardWrap;
            if (type == CMARK_NODE_TEXT || (type == CMARK_NODE_SOFTBREAK && softAsText)) {
                std::u32string run;
                if (newlinePending) run += U"\n" + nextIndent();
                newlinePending = false;
                for (; c && (cmark_node_get_type(c) == CMARK_NODE_TEXT || (softAsText && cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK));
                     c = cmark_node_next(c)) {
                    if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK) run += U"\n" + nextIndent();
                    else run += toU32(literal(c));
                }
                const std::u32string after = c ? lookahead(c) : closing;
                // gfm.rb update_text_type: a backslash (from `\\`) at the end of a
                // line still makes a <br /> in kramdown.
                for (size_t k = run.find(U"\\\n"); k != std::u32string::npos; k = run.find(U"\\\n", k)) {
                    std::u32string head = run.substr(0, k);
                    appendTypographic(out, head, U"\\", m_quotes, m_opt.protectMath, ctx.plain);
                    out += "<br />";
                    run.erase(0, k + 1);
                    k = 0;
                }
                if (m_ex.abbreviations.empty()) {
                    appendTypographic(out, run, after, m_quotes, m_opt.protectMath, ctx.plain);
                } else {
                    std::string chunk;
                    appendTypographic(chunk, run, after, m_quotes, m_opt.protectMath, ctx.plain);
                    out += abbreviate(chunk);
                }
                continue;
            }
            if (newlinePending) {
                out += "\n" + toUtf8(nextIndent());
                if (ctx.plain) *ctx.plain += "\n";
                newlinePending = false;
            }
            inlineElement(c, out, ctx, depth);
            // hard_wrap: true (kramdown-parser-gfm's own default) makes every
            // line break a <br />.
            if (type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_SOFTBREAK) newlinePending = true;
            c = cmark_node_next(c);
        }
        if (newlinePending) out += "\n";
    }

    // abbreviation.rb: an abbreviation preceded by a non-word character (or
    // the start) and not followed by a word character.
    std::string abbreviate(const std::string &html) const
    {
        std::string result = html;
        for (const auto &[abbr, title] : m_ex.abbreviations) {
            const std::string key = escaped(abbr);
            std::string out;
            size_t p = 0;
            while (true) {
                const size_t a = result.find(key, p);
                if (a == std::string::npos) break;
                const auto isWordAt = [&](size_t i) {
                    return std::isalnum(static_cast<unsigned char>(result[i])) || result[i] == '_';
                };
                const bool okBefore = a == 0 || !isWordAt(a - 1);
                const bool okAfter = a + key.size() >= result.size() || !isWordAt(a + key.size());
                out.append(result, p, a - p);
                if (okBefore && okAfter)
                    out += "<abbr" + std::string(title.empty() ? "" : " title=\"" + escapedAttribute(title) + "\"") + ">" + key + "</abbr>";
                else
                    out += key;
                p = a + key.size();
            }
            out.append(result, p);
            result = std::move(out);
        }
        return result;
    }

    void inlineElement(cmark_node *c, std::string &out, InlineCtx &ctx, int depth)
    {
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_SOFTBREAK: // only reaches here with hardWrap
            out += "<br />";
            return;
        case CMARK_NODE_CODE: {
            Attributes a = spanIal(c);
            const std::string code = unescapeSource(literal(c), m_ex);
            // kramdown highlights spans as blocks, with the span options;
            // one it does not highlight stays as it is.
            std::string highlightedAs;
            const std::optional<std::string> html = rougeHtml(classLanguage(a), code, m_opt.highlighting.span, highlightedAs);
            if (html) addHighlighterClass(a, highlightedAs);
            out += "<code" + a.html() + ">" + (html ? *html : escaped(code)) + "</code>";
            if (ctx.plain) *ctx.plain += code;
            return;
        }
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG: {
            Attributes a = spanIal(c);
            const bool em = cmark_node_get_type(c) == CMARK_NODE_EMPH;
            cmark_node *only = cmark_node_first_child(c);
            // ***x***: cmark nests <em><strong>, kramdown <strong><em>.
            if (em && only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_STRONG) {
                out += "<strong" + a.html() + "><em>";
                inlines(only, out, ctx, depth + 1);
                out += "</em></strong>";
                return;
            }
            const char *tag = em ? "em" : "strong";
            out += std::string("<") + tag + a.html() + ">";
            inlines(c, out, ctx, depth + 1);
            out += std::string("</") + tag + ">";
            return;
        }
        case CMARK_NODE_LINK: {
            Attributes a;
            a.set("href", unescapeSource(cmark_node_get_url(c) ? cmark_node_get_url(c) : "", m_ex));
            const std::string title = cmark_node_get_title(c) ? cmark_node_get_title(c) : "";
            if (!title.empty()) a.set("title", unescapeSource(title, m_ex));
            a.merge(spanIal(c));
            if (ctx.toc) {
                inlines(c, out, ctx, depth + 1);
                return;
            }
            // <mailto:x@y> autolink: kramdown shows the address without the scheme.
            if (cmark_node *only = cmark_node_first_child(c); only && !cmark_node_next(only) &&
                cmark_node_get_type(only) == CMARK_NODE_TEXT && literal(only).starts_with("mailto:") &&
                literal(only) == *a.get("href")) {
                out += "<a" + a.html() + ">" + escaped(literal(only).substr(7)) + "</a>";
                return;
            }
            out += "<a" + a.html() + ">";
            inlines(c, out, ctx, depth + 1);
            out += "</a>";
            return;
        }
        case CMARK_NODE_IMAGE: {
            Attributes a;
            a.set("src", unescapeSource(cmark_node_get_url(c) ? cmark_node_get_url(c) : "", m_ex));
            a.set("alt", unescapeSource(plainText(c), m_ex));
            const std::string title = cmark_node_get_title(c) ? cmark_node_get_title(c) : "";
            if (!title.empty()) a.set("title", unescapeSource(title, m_ex));
            a.merge(spanIal(c));
            out += "<img" + a.html() + " />";
            return;
        }
        case CMARK_NODE_HTML_INLINE:
            out += normalizeTag(restoreOriginalMath(literal(c), m_ex));
            return;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            if (!ctx.toc) out += footnoteReference(c);
            return;
        default:
            break;
        }
        if (typeString(c) == "strikethrough") {
            out += "<del>";
            inlines(c, out, ctx, depth + 1);
            out += "</del>";
            return;
        }
        inlines(c, out, ctx, depth + 1);
    }

    static std::string plainText(cmark_node *n)
    {
        std::string out;
        for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            switch (cmark_node_get_type(c)) {
            case CMARK_NODE_TEXT: case CMARK_NODE_CODE: out += literal(c); break;
            case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK: out += "\n"; break;
            default: out += plainText(c); break;
            }
        }
        return out;
    }

    // ---- footnotes ------------------------------------------------------------

    std::string footnoteReference(cmark_node *ref)
    {
        cmark_node *def = ref->parent_footnote_def;
        const std::string name = def ? footnoteLabel(def) : literal(ref);
        std::string repeat;
        int number;
        if (auto it = m_footnoteIndex.find(name); it != m_footnoteIndex.end()) {
            Footnote &f = m_footnotes[it->second];
            number = f.number;
            repeat = ":" + std::to_string(++f.repeat);
        } else {
            Footnote f;
            f.name = name;
            f.def = def;
            f.doc = m_currentDoc;
            f.number = number = m_footnoteNumber++;
            m_footnoteIndex.emplace(name, m_footnotes.size());
            m_footnotes.push_back(f);
        }
        const std::string esc = escapedAttribute(name);
        return "<sup id=\"fnref:" + esc + repeat + "\" role=\"doc-noteref\"><a href=\"#fn:" + esc +
               "\" class=\"footnote\" rel=\"footnote\">" + std::to_string(number) + "</a></sup>";
    }

    std::string footnotes()
    {
        if (m_footnotes.empty()) return {};
        std::string items;
        const std::string backlinkText = m_opt.footnoteBacklink; // :text escaping keeps entities
        for (size_t i = 0; i < m_footnotes.size(); ++i) {
            const Footnote f = m_footnotes[i];
            const Doc &doc = f.doc ? *f.doc : *m_docs.front();
            const std::string esc = escapedAttribute(f.name);
            std::string backlinks;
            if (!m_opt.footnoteBacklink.empty()) {
                backlinks = "<a href=\"#fnref:" + esc + "\" class=\"reversefootnote\" role=\"doc-backlink\">" + backlinkText + "</a>";
                for (int k = 1; k <= f.repeat; ++k)
                    backlinks += "\u00A0<a href=\"#fnref:" + esc + ":" + std::to_string(k) +
                                 "\" class=\"reversefootnote\" role=\"doc-backlink\">" + backlinkText + "<sup>" +
                                 std::to_string(k + 1) + "</sup></a>";
            }
            items += "    <li id=\"fn:" + esc + "\" role=\"doc-endnote\">\n";
            cmark_node *last = f.def ? cmark_node_last_child(f.def) : nullptr;
            if (last && cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH) {
                m_appendTarget = last;
                m_appendText = "\u00A0" + backlinks;
                blocks(doc, f.def, 6, items, false);
                m_appendTarget = nullptr;
            } else {
                if (f.def) blocks(doc, f.def, 6, items, false);
                items += "      <p>" + backlinks + "</p>\n";
            }
            items += "    </li>\n";
        }
        const std::string start = m_opt.footnoteNr != 1 ? " start=\"" + std::to_string(m_opt.footnoteNr) + "\"" : "";
        return "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol" + start + ">\n" + items + "  </ol>\n</div>\n";
    }

    // ---- TOC and math ---------------------------------------------------------

    std::string tocHtml()
    {
        // kramdown generate_toc_tree + convert: nested lists, first paragraph
        // transparent, so a sub-list follows the link on the same line.
        struct Node { int level; std::string id, html; std::vector<Node> children; };
        std::vector<Node> top;
        std::vector<Node *> stack;
        for (const auto &e : m_toc) {
            while (!stack.empty() && stack.back()->level >= e.level) stack.pop_back();
            auto &siblings = stack.empty() ? top : stack.back()->children;
            siblings.push_back({e.level, e.id, e.html, {}});
            stack.push_back(&siblings.back());
        }
        if (top.empty()) return {};
        Attributes attrs = m_tocAttrs;
        if (!attrs.get("id")) attrs.set("id", "markdown-toc");
        const std::string listId = *attrs.get("id");
        std::function<void(const std::vector<Node> &, int, std::string &, const Attributes &)> emit;
        emit = [&](const std::vector<Node> &nodes, int indent, std::string &out, const Attributes &a) {
            out += spaces(indent) + "<" + m_tocTag + a.html() + ">\n";
            for (const auto &n : nodes) {
                out += spaces(indent + 2) + "<li><a href=\"#" + escapedAttribute(n.id) + "\" id=\"" +
                       escapedAttribute(listId + "-" + n.id) + "\">" + n.html + "</a>";
                if (!n.children.empty()) {
                    emit(n.children, indent + 4, out, {});
                    out += spaces(indent + 2);
                }
                out += "</li>\n";
            }
            out += spaces(indent) + "</" + m_tocTag + ">\n";
        };
        std::string out;
        emit(top, 0, out, attrs);
        return out;
    }

    // Math in a header's raw text, as kramdown puts it there (for the id).
    std::string restoreIdMath(const std::string &text) const
    {
        std::string open, close;
        appendUtf8(open, kMathOpen);
        appendUtf8(close, kMathClose);
        std::string out;
        size_t p = 0;
        while (true) {
            const size_t a = text.find(open, p);
            if (a == std::string::npos) break;
            const size_t b = text.find(close, a);
            if (b == std::string::npos) break;
            out.append(text, p, a - p);
            size_t index = 0;
            if (parseIndex(std::string_view(text).substr(a + open.size(), b - a - open.size()), index) && index < m_ex.math.size())
                out += m_ex.math[index].idText();
            p = b + close.size();
        }
        out.append(text, p);
        return out;
    }

    std::string restoreMath(const std::string &html) const
    {
        std::string open, close;
        appendUtf8(open, kMathOpen);
        appendUtf8(close, kMathClose);
        std::string out;
        out.reserve(html.size());
        size_t p = 0;
        while (true) {
            const size_t a = html.find(open, p);
            if (a == std::string::npos) break;
            const size_t b = html.find(close, a);
            if (b == std::string::npos) break;
            out.append(html, p, a - p);
            size_t index = 0;
            if (parseIndex(std::string_view(html).substr(a + open.size(), b - a - open.size()), index) && index < m_ex.math.size())
                out += m_ex.math[index].html(false);
            p = b + close.size();
        }
        out.append(html, p);
        return out;
    }

    const Options &m_opt;
    Extracted &m_ex;
    Quotes m_quotes;
    std::vector<std::unique_ptr<Doc>> m_docs;
    std::unordered_map<std::string, int> m_idCounter;
    std::unordered_map<std::string, int> m_basicIds;
    std::vector<TocEntry> m_toc;
    bool m_tocRequested = false;
    std::string m_tocTag = "ul";
    Attributes m_tocAttrs;
    std::unordered_map<std::string, size_t> m_footnoteIndex;
    std::vector<Footnote> m_footnotes;
    int m_footnoteNumber;
    cmark_node *m_appendTarget = nullptr;
    std::string m_definitions;
    size_t m_definitionsKey = 0;
    bool m_definitionsReady = false;
    std::vector<std::vector<cmark_node *>> m_tableCells;
    const Doc *m_tableCellDoc = nullptr;
    const Doc *m_currentDoc = nullptr;
    std::vector<std::u32string> m_lineIndents;
    size_t m_lineCursor = 0;
    std::string m_appendText;
};

} // namespace

Converter::Converter(Options options) : m_options(std::move(options)) {}

namespace {

// End of the run from `from` holding no '\r' and no 0xF3 (the lead byte of
// the reserved private-use block): Converter::toHtml copies it unchanged.
size_t plainRunEnd(std::string_view text, size_t from)
{
    size_t q = from;
    while (q < text.size() && text[q] != '\r' && static_cast<unsigned char>(text[q]) != 0xF3) ++q;
    return q;
}

} // namespace

std::string Converter::toHtml(std::string_view markdown) const
{
    // kramdown normalises line endings and works on lines ending in "\n".
    std::string source;
    source.reserve(markdown.size() + 1);
    for (size_t i = 0; i < markdown.size(); ++i) {
        // Bytes that are neither '\r' nor a possible reserved character's
        // lead byte are copied as a run (a 6 MB page is almost all such bytes).
        const size_t run = plainRunEnd(markdown, i);
        if (run > i) {
            source.append(markdown.substr(i, run - i));
            i = run - 1;
            continue;
        }
        // Characters of the block reserved for placeholders (text.h) -> U+FFFD.
        if (static_cast<unsigned char>(markdown[i]) == 0xF3 && i + 3 < markdown.size() &&
            static_cast<unsigned char>(markdown[i + 1]) == 0xBF && static_cast<unsigned char>(markdown[i + 2]) == 0xBC &&
            static_cast<unsigned char>(markdown[i + 3]) >= 0x80 && static_cast<unsigned char>(markdown[i + 3]) <= 0xAF) {
            source += "\uFFFD";
            i += 3;
            continue;
        }
        if (markdown[i] == '\r') {
            source.push_back('\n');
            if (i + 1 < markdown.size() && markdown[i + 1] == '\n') ++i;
        } else {
            source.push_back(markdown[i]);
        }
    }
    Extracted ex;
    std::string prepared = prepareBlocks(extractMath(source, m_options, ex), m_options, ex);
    Renderer renderer(m_options, ex);
    std::string html = renderer.render(std::move(prepared), source);
    // kramdown ends every document with a newline, even an empty one.
    if (html.empty())
        html = "\n";
    return html;
}

std::string smartify(std::string_view text, const Options &options)
{
    // Jekyll's SmartyPants converter: HTML tags and entity references pass
    // through, the text between them gets kramdown's typographic conversion.
    const Quotes quotes = parseSmartQuotes(options.smartQuotes);
    std::string out;
    out.reserve(text.size() + 16);
    size_t p = 0;
    std::string run;
    auto flush = [&](std::u32string_view after) {
        if (!run.empty()) appendTypographic(out, toU32(run), after, quotes, false);
        run.clear();
    };
    while (p < text.size()) {
        const char c = text[p];
        if (c == '<' && p + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[p + 1])) || text[p + 1] == '/' || text[p + 1] == '!')) {
            const size_t end = text.find('>', p);
            if (end != std::string_view::npos) {
                flush(U"<");
                out.append(text.substr(p, end + 1 - p));
                p = end + 1;
                continue;
            }
        }
        if (c == '&') {
            size_t q = p + 1;
            if (q < text.size() && text[q] == '#') ++q;
            while (q < text.size() && std::isalnum(static_cast<unsigned char>(text[q]))) ++q;
            if (q < text.size() && text[q] == ';' && q > p + 1) {
                flush(U"&");
                out.append(text.substr(p, q + 1 - p));
                p = q + 1;
                continue;
            }
        }
        run.push_back(c);
        ++p;
    }
    flush({});
    return out;
}

} // namespace folio::site::markdown
