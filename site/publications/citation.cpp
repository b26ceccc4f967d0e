#include "citation.h"

#include "site/bib/csljson.h"

#include <cctype>

namespace folio::site::publications {

csl::FormatOptions citationOptions(const Settings &settings, const QString &siteDir, const QString &style)
{
    csl::FormatOptions options;
    options.style = style.isEmpty() ? settings.style : style;
    options.siteDir = siteDir;
    options.locale = settings.locale;
    options.boldNames = settings.boldNames;
    return options;
}

std::string oneLine(std::string_view html)
{
    std::string out;
    out.reserve(html.size());
    bool space = false;
    for (char c : html) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

Result<std::vector<std::string>> makeCitations(const std::vector<QJsonObject> &items,
                                               const csl::FormatOptions &options)
{
    // One call per item: each citation stands alone on its item's page, so
    // citeproc-js must not disambiguate across the list (two 2023 papers of
    // the same authors would be stored as "2023a" and "2023b"). It is also
    // cheaper (APA: ~30 ms an item alone, ~50 ms in a batch of 1,000, where
    // disambiguation compares every pair), and site/csl's answer cache then
    // keeps each item's citation on its own, so editing one paper formats
    // only that one again. Only the HTML is stored: no text pass.
    csl::FormatOptions htmlOnly = options;
    htmlOnly.text = false;
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const QJsonObject &item : items) {
        auto formatted = csl::Citeproc::instance().bibliography({item}, htmlOnly);
        if (!formatted)
            return Error{formatted.error()};
        out.push_back(formatted->empty() ? std::string() : oneLine(formatted->front().html));
    }
    return out;
}

Result<std::string> citationFor(const bib::Entry &entry, const csl::FormatOptions &options)
{
    QJsonObject item = bib::toCslJson(entry);
    if (!item.contains(QStringLiteral("id")))
        item.insert(QStringLiteral("id"), QString::fromStdString(entry.key));
    auto made = makeCitations({item}, options);
    if (!made)
        return Error{made.error()};
    return std::move(made->front());
}

} // namespace folio::site::publications
