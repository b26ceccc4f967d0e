#include "compress.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

namespace folio::site::build {

namespace {

using liquid::Value;

// SHA-256 of compress.html v3.0.2's Liquid, from `{% capture _LINE_FEED %}` to
// its last `{% endif %}` (the text around it may differ in blank lines).
constexpr const char *kCompressV302 = "7caaea688ea6cf7fb3843f8d7cb04a35351492439a91ffc6c14e41c2d5c4981d";

std::string_view liquidPart(std::string_view layout)
{
    const std::size_t begin = layout.find("{%");
    const std::size_t end = layout.rfind("%}");
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
        return {};
    return layout.substr(begin, end + 2 - begin);
}

// Ruby's whitespace as a table: the collapse and clip loops below look at
// every byte of every page.
constexpr std::array<bool, 256> kRubySpace = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'})
        t[c] = true;
    return t;
}();

bool isRubySpace(char c) { return kRubySpace[static_cast<unsigned char>(c)]; }

// Calls fn for each run of non-whitespace in s (Ruby's split(" ") fields).
template<typename Fn>
void forEachWord(std::string_view s, Fn fn)
{
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isRubySpace(s[i]))
            ++i;
        const std::size_t start = i;
        while (i < s.size() && !isRubySpace(s[i]))
            ++i;
        if (i > start)
            fn(s.substr(start, i - start));
    }
}

// Ruby's String#split as Liquid's `split` calls it: " " splits on runs of
// whitespace ignoring leading ones; any other separator literally; trailing
// empty fields dropped; "" gives [].
std::vector<std::string_view> rubySplit(std::string_view s, std::string_view sep)
{
    std::vector<std::string_view> out;
    if (sep == " ") {
        forEachWord(s, [&](std::string_view word) { out.push_back(word); });
        return out;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, at - start));
        start = at + sep.size();
    }
    while (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

// Ruby's gsub of a literal: nullopt when `from` does not occur, so the caller
// keeps its string instead of a copy (pages can be megabytes).
std::optional<std::string> gsub(std::string_view s, std::string_view from, std::string_view to)
{
    std::size_t at = s.find(from);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string out;
    out.reserve(s.size());
    std::size_t start = 0;
    for (; at != std::string_view::npos; at = s.find(from, start)) {
        out.append(s, start, at - start);
        out += to;
        start = at + from.size();
    }
    out.append(s, start, std::string_view::npos);
    return out;
}

// Ruby's `s.split(" ").join(" ")` appended to `out`, without the array: one
// pass writing into the string's own buffer (appending word by word made a
// library call per word, a tenth of a build).
void appendWords(std::string_view s, std::string &out)
{
    const std::size_t base = out.size();
    out.resize(base + s.size());   // the result is never longer
    char *const begin = out.data() + base;
    char *w = begin;
    // Without branches on the text: every byte is stored (a space for any
    // whitespace), and the write position moves on unless it is whitespace
    // following whitespace. Starting "after whitespace" drops leading ones.
    bool previousSpace = true;
    for (const char c : s) {
        const bool space = isRubySpace(c);
        *w = space ? ' ' : c;
        w += !(space && previousSpace);
        previousSpace = space;
    }
    if (previousSpace && w != begin)
        --w;   // the trailing one
    out.resize(base + std::size_t(w - begin));
}

std::string subFirst(std::string_view s, std::string_view from)
{
    const std::size_t at = s.find(from);
    if (at == std::string_view::npos)
        return std::string(s);
    std::string out(s.substr(0, at));
    out.append(s.substr(at + from.size()));
    return out;
}

const char *const kAllEndings = "html head body li dt dd p rt rp optgroup option colgroup caption thead tbody tfoot tr td th";
const char *const kAllClippings =
    "html head title base link meta style body article section nav aside h1 h2 h3 h4 h5 h6 hgroup header footer "
    "address p hr blockquote ol ul li dl dt dd figure figcaption main div table caption colgroup col tbody thead "
    "tfoot tr td th";

// A setting that is "all" (the layout's own list), an array of strings, or nil.
// Anything else (a lone string, numbers) is left to the interpreter.
bool elementList(const Value &v, const char *all, std::vector<std::string> &out)
{
    out.clear();
    if (v.isNil())
        return true;
    if (all && v.isString() && v.str() == "all") {
        for (std::string_view e : rubySplit(all, " "))
            out.emplace_back(e);
        return true;
    }
    if (!v.isArray())
        return false;
    for (const Value &e : v.array()) {
        if (!e.isString())
            return false;
        out.push_back(e.str());
    }
    return true;
}

// The clippings loop: for each element X, gsub " <X" -> "<X", " </X>" ->
// "</X>", "</X> " -> "</X>". Each of those passes deletes one space of a run
// of spaces next to a tag, so in one pass: a run of k spaces loses
// min(k, L + R) where L counts the passes matching the closing tag before it
// and R those matching the tag after it (every X that "<X" prefixes, or that
// equals a closing tag's name). Equal to the sequential passes, in any order.
// Appends the result to `out`.
void clip(std::string_view s, const std::vector<std::string> &elements, std::string &out)
{
    // Elements by first byte: each run of spaces is compared with few names.
    std::array<std::vector<std::string_view>, 256> byFirst;
    std::size_t longest = 0;
    for (const std::string &x : elements) {
        if (x.empty())
            continue;
        byFirst[static_cast<unsigned char>(x[0])].push_back(x);
        longest = std::max(longest, x.size());
    }
    auto countEqual = [&](std::string_view name) {
        std::size_t n = 0;
        if (!name.empty())
            for (std::string_view x : byFirst[static_cast<unsigned char>(name[0])])
                n += x == name;
        return n;
    };
    // Written into the string's own buffer: the result is never longer.
    const std::size_t base = out.size();
    out.resize(base + s.size());
    char *w = out.data() + base;
    std::size_t i = 0;
    while (i < s.size()) {
        const char *next = static_cast<const char *>(std::memchr(s.data() + i, ' ', s.size() - i));
        const std::size_t runStart = next ? std::size_t(next - s.data()) : s.size();
        std::memcpy(w, s.data() + i, runStart - i);
        w += runStart - i;
        if (runStart == s.size())
            break;
        std::size_t j = runStart;
        while (j < s.size() && s[j] == ' ')
            ++j;
        const std::size_t k = j - runStart;
        std::size_t deletions = 0;
        // Left end: "</X> " for the closing tag just before the run.
        if (runStart > 0 && s[runStart - 1] == '>') {
            const std::size_t windowStart = runStart > longest + 3 ? runStart - longest - 3 : 0;
            const std::string_view window = s.substr(windowStart, runStart - 1 - windowStart);
            const std::size_t lt = window.rfind("</");
            if (lt != std::string_view::npos)
                deletions += countEqual(window.substr(lt + 2));
        }
        // Right end: " <X" (X a prefix of what follows) and " </X>".
        if (j + 1 < s.size() && s[j] == '<') {
            const std::string_view after = s.substr(j + 1);
            for (std::string_view x : byFirst[static_cast<unsigned char>(after[0])])
                deletions += after.substr(0, x.size()) == x;
            if (after[0] == '/' && after.size() > 1) {
                const std::size_t close = after.find('>', 1);
                if (close != std::string_view::npos && close <= longest + 1)
                    deletions += countEqual(after.substr(1, close - 1));
            }
        }
        const std::size_t kept = k - std::min(k, deletions);
        std::memset(w, ' ', kept);
        w += kept;
        i = j;
    }
    out.resize(std::size_t(w - out.data()));
}

bool envsContain(const Value &envs, std::string_view environment)
{
    if (envs.isString())
        return envs.str().find(environment) != std::string::npos;
    if (envs.isArray())
        for (const Value &e : envs.array())
            if (e.isString() && e.str() == environment)
                return true;
    return false;
}

} // namespace

bool isCompressLayout(std::string_view layoutContent)
{
    const std::string_view liquid = liquidPart(layoutContent);
    if (liquid.empty())
        return false;
    const QByteArray hash = QCryptographicHash::hash(QByteArrayView(liquid.data(), qsizetype(liquid.size())),
                                                     QCryptographicHash::Sha256).toHex();
    return hash == kCompressV302;
}

std::optional<std::string> compressHtml(std::string_view layoutContent, std::string &&content,
                                        const Value &settings, std::string_view environment)
{
    const std::string_view liquid = liquidPart(layoutContent);
    const std::size_t begin = std::size_t(liquid.data() - layoutContent.data());
    const std::string_view before = layoutContent.substr(0, begin);
    const std::string_view after = layoutContent.substr(begin + liquid.size());

    if (envsContain(settings.get("ignore").get("envs"), environment)) {
        content.insert(0, before);
        content += after;
        return std::move(content);
    }
    if (settings.get("profile").truthy())
        return std::nullopt;   // the profile table: rare, left to Liquid

    std::vector<std::string> endings, startings, clippings;
    if (!elementList(settings.get("endings"), kAllEndings, endings)
        || !elementList(settings.get("startings"), nullptr, startings)
        || !elementList(settings.get("clippings"), kAllClippings, clippings))
        return std::nullopt;

    // Comments: "all" means <!-- -->; an array must hold exactly two strings.
    const Value comments = settings.get("comments");
    std::vector<std::string> delimiters;
    if (comments.isString() && comments.str() == "all")
        delimiters = {"<!--", "-->"};
    else if (comments.isArray() && comments.array().size() == 2) {
        for (const Value &d : comments.array()) {
            if (!d.isString() || d.str().empty())
                return std::nullopt;
            delimiters.push_back(d.str());
        }
    } else if (!comments.isNil() && !(comments.isArray() || comments.isString()))
        return std::nullopt;

    // From here on the content is ours. Each step below keeps at most two
    // copies of the page alive: a listing page of a large site is megabytes.
    std::string text = std::move(content);
    for (const std::string &e : endings)
        if (auto replaced = gsub(text, "</" + e + ">", ""))
            text = std::move(*replaced);
    for (const std::string &e : startings)
        if (auto replaced = gsub(text, "<" + e + ">", ""))
            text = std::move(*replaced);

    if (delimiters.size() == 2) {
        const std::string &first = delimiters[0], &last = delimiters[1];
        const std::string dotted = "." + text;
        const std::vector<std::string_view> befores = rubySplit(dotted, first);
        bool carry = false;
        for (std::size_t i = 1; i < befores.size(); ++i) {
            const std::string outside = (carry ? first : std::string()) + std::string(befores[i]);
            std::string comment = carry ? std::string() : first;
            const std::vector<std::string_view> parts = rubySplit(outside, last);
            if (!parts.empty())
                comment += parts.front();
            if (outside.find(last) != std::string::npos) {
                comment += last;
                carry = false;
            } else {
                carry = true;
            }
            text = subFirst(text, comment);
        }
    }

    // Whitespace outside <pre>: collapsed, or only blank lines dropped.
    const bool blanklines = settings.get("blanklines").truthy();
    std::string collapsed;
    collapsed.reserve(text.size());
    for (std::string_view preBefore : rubySplit(text, "<pre")) {
        const std::vector<std::string_view> pres = rubySplit(preBefore, "</pre>");
        const bool hasClose = preBefore.find("</pre>") != std::string_view::npos;
        if (hasClose) {
            collapsed += "<pre";
            if (!pres.empty())
                collapsed += pres.front();
            collapsed += "</pre>";
        }
        if (pres.empty() || (hasClose && pres.size() == 1))
            continue;
        // What follows the last </pre>, appended in place (no copy of it).
        if (blanklines) {
            const std::vector<std::string_view> lines = rubySplit(pres.back(), "\n");
            for (std::size_t l = 0; l < lines.size(); ++l) {
                const bool blank = rubySplit(lines[l], " ").empty();
                if (!blank || l + 1 == lines.size()) {
                    if (l > 0)
                        collapsed += '\n';
                    collapsed += lines[l];
                }
            }
        } else {
            appendWords(pres.back(), collapsed);
        }
    }
    std::string().swap(text);   // released before the clipped copy is made
    std::string out;
    out.reserve(before.size() + collapsed.size() + after.size());
    out += before;
    clip(collapsed, clippings, out);
    out += after;
    return out;
}

} // namespace folio::site::build
