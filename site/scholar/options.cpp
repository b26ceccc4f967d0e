#include "options.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cctype>

namespace folio::site::scholar {

namespace {

enum class Arg { None, Required, Optional };

struct OptionSpec final {
    char shortName;          // 0: long only
    std::string_view longName;
    Arg arg;
};

// Utilities#optparse's options, plus --locale (a Folio addition: the gem
// reads the locale from `scholar: locale:` only).
constexpr std::array<OptionSpec, 20> kOptions{{
    {'c', "cited", Arg::None},
    {'C', "cited_in_order", Arg::None},
    {0, "clear", Arg::None},
    {'r', "remove_duplicates", Arg::Optional},
    {'A', "suppress_author", Arg::None},
    {'f', "file", Arg::Required},
    {'q', "query", Arg::Required},
    {'h', "bibliography_list_tag", Arg::Required},
    {'p', "prefix", Arg::Required},
    {'t', "text", Arg::Required},
    {'l', "locator", Arg::Required},
    {'L', "label", Arg::Required},
    {'o', "offset", Arg::Required},
    {'m', "max", Arg::Required},
    {'s', "style", Arg::Required},
    {'g', "group_by", Arg::Required},
    {'G', "group_order", Arg::Required},
    {'O', "type_order", Arg::Required},
    {'T', "template", Arg::Required},
    {0, "locale", Arg::Required},
}};

std::string strip(std::string_view s)
{
    const auto ws = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\0'; };
    while (!s.empty() && ws(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && ws(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

// Ruby's `arguments.split(/(...)/)` with the gem's pattern: the text between
// option names, and the captured names themselves (groups that did not take
// part are left out, as Ruby's split leaves them out).
std::vector<std::string> splitAtOptions(const std::string &arguments)
{
    const QRegularExpression re(QStringLiteral(
        "(\\B-[cCfhqptTsgGOlLomAr]|\\B--(?:cited(_in_order)?|clear|bibliography_list_tag|file|query|prefix|text|"
        "style|group_(?:by|order)|type_order|template|locator|label|offset|max|suppress_author|remove_duplicates|"
        "locale|))"));
    const QString text = QString::fromStdString(arguments);
    std::vector<std::string> pieces;
    qsizetype last = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(0) == 0)
            continue;
        pieces.push_back(text.mid(last, m.capturedStart(0) - last).toStdString());
        for (int group = 1; group <= m.lastCapturedIndex(); ++group)
            if (m.capturedStart(group) >= 0)
                pieces.push_back(m.captured(group).toStdString());
        last = m.capturedEnd(0);
    }
    pieces.push_back(text.mid(last).toStdString());
    std::vector<std::string> tokens;
    for (const std::string &p : pieces)
        if (std::string s = strip(p); !s.empty())
            tokens.push_back(std::move(s));
    return tokens;
}

const OptionSpec *findShort(char c)
{
    for (const OptionSpec &o : kOptions)
        if (o.shortName == c)
            return &o;
    return nullptr;
}

// Exact name, else a unique prefix (OptionParser completes abbreviations).
const OptionSpec *findLong(std::string_view name)
{
    const OptionSpec *prefixMatch = nullptr;
    int prefixCount = 0;
    for (const OptionSpec &o : kOptions) {
        if (o.longName.empty())
            continue;
        if (o.longName == name)
            return &o;
        if (o.longName.substr(0, name.size()) == name) {
            prefixMatch = &o;
            ++prefixCount;
        }
    }
    return prefixCount == 1 ? prefixMatch : nullptr;
}

int toInt(const std::string &s)
{
    // Ruby's to_i: leading digits, else 0.
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    long long v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
        v = v * 10 + (s[i++] - '0');
    return int(negative ? -v : v);
}

void apply(TagOptions &o, const OptionSpec &spec, const std::optional<std::string> &arg)
{
    const std::string_view n = spec.longName;
    const std::string value = arg.value_or(std::string());
    if (n == "cited")
        o.cited = true;
    else if (n == "cited_in_order")
        o.cited = o.citedInOrder = true;
    else if (n == "clear")
        o.clear = true;
    else if (n == "remove_duplicates") {
        o.removeDuplicates = true;
        if (arg) {
            const QRegularExpression sep(QStringLiteral(",\\s+"));
            for (const QString &f : QString::fromStdString(*arg).split(sep))
                o.matchFields.push_back(f.toStdString());
        }
    } else if (n == "suppress_author")
        o.suppressAuthor = true;
    else if (n == "file")
        o.files.push_back(value);
    else if (n == "query")
        o.query = value;
    else if (n == "bibliography_list_tag")
        o.listTag = value;
    else if (n == "prefix")
        o.prefix = value;
    else if (n == "text")
        o.text = value;
    else if (n == "locator")
        o.locators.push_back(value);
    else if (n == "label")
        o.labels.push_back(value);
    else if (n == "offset")
        o.offset = toInt(value);
    else if (n == "max")
        o.max = toInt(value);
    else if (n == "style")
        o.style = value;
    else if (n == "group_by" || n == "type_order")
        o.groupBy = value;
    else if (n == "group_order")
        o.groupOrder = value;
    else if (n == "template")
        o.templ = value;
    else if (n == "locale")
        o.locale = value;
}

// OptionParser#parse in its default (permute) mode: options anywhere,
// other words skipped, `--` ends the options.
void parseOptions(TagOptions &o, const std::vector<std::string> &argv)
{
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string &token = argv[i];
        if (token == "--")
            return;
        if (token.size() < 2 || token[0] != '-')
            continue;
        const OptionSpec *spec = nullptr;
        std::optional<std::string> inlineArg;
        std::string shown = token;
        if (token[1] == '-') {
            std::string name = token.substr(2);
            if (const std::size_t eq = name.find('='); eq != std::string::npos) {
                inlineArg = name.substr(eq + 1);
                name.resize(eq);
            }
            spec = findLong(name);
        } else {
            spec = findShort(token[1]);
            if (spec && token.size() > 2)
                inlineArg = token.substr(2);
        }
        if (!spec) {
            o.problems.push_back("invalid option: " + shown);
            continue;
        }
        std::optional<std::string> arg = inlineArg;
        if (!arg && spec->arg == Arg::Required) {
            if (i + 1 >= argv.size()) {
                o.problems.push_back("missing argument: " + shown);
                continue;
            }
            arg = argv[++i];
        } else if (!arg && spec->arg == Arg::Optional && i + 1 < argv.size() && argv[i + 1][0] != '-') {
            arg = argv[++i];
        }
        apply(o, *spec, arg);
    }
}

} // namespace

TagOptions parseTagOptions(std::string_view markup, bool withKeys)
{
    TagOptions o;
    std::string arguments = strip(markup);
    if (withKeys) {
        // split_arguments: the words before the first one starting with '-'
        // are keys; the options are the other words, joined by one space
        // (Ruby's `tokens - args` also drops later words equal to a key).
        const QStringList words = QString::fromStdString(arguments)
                                      .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        std::size_t i = 0;
        for (; i < std::size_t(words.size()) && !words[qsizetype(i)].startsWith(QLatin1Char('-')); ++i)
            o.keys.push_back(words[qsizetype(i)].toStdString());
        QStringList rest;
        for (; i < std::size_t(words.size()); ++i)
            if (std::find(o.keys.begin(), o.keys.end(), words[qsizetype(i)].toStdString()) == o.keys.end())
                rest << words[qsizetype(i)];
        arguments = rest.join(QLatin1Char(' ')).toStdString();
    }
    if (!arguments.empty())
        parseOptions(o, splitAtOptions(arguments));
    return o;
}

} // namespace folio::site::scholar
