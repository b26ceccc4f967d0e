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
    if (items.empty())
        return std::vector<std::string>{};
    auto formatted = csl::Citeproc::instance().bibliography(items, options);
    if (!formatted)
        return Error{formatted.error()};
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const csl::Formatted &f : *formatted)
        out.push_back(oneLine(f.html));
    out.resize(items.size());
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
