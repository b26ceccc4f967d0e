#include "format.h"

#include "site/csl/csl.h"

#include <map>
#include <mutex>

namespace folio::site::scholar {

namespace {

csl::FormatOptions formatOptions(const Style &style)
{
    csl::FormatOptions o;
    o.style = style.style;
    o.siteDir = style.siteDir;
    o.text = false;   // the tags print HTML only: one citeproc-js pass, not two
    // The gem's default locale "en" is citeproc-ruby's American English;
    // citeproc-js reads "en" as en-US too, but only through its locale
    // fallbacks, which need the locale file name.
    o.locale = style.locale.isEmpty() || style.locale == QLatin1String("en") ? QStringLiteral("en-US") : style.locale;
    return o;
}

std::string styleKey(const Library &library, const Style &style)
{
    return std::to_string(library.id) + '|' + style.style.toStdString() + '|' + style.locale.toStdString() + '|'
           + style.siteDir.toStdString();
}

// Bounded caches: a build's worth of batches, cleared when they grow past
// it (a long session in the window formats many versions of a page).
template<typename T>
class Cache final
{
public:
    std::optional<T> get(const std::string &key)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_map.find(key);
        if (it == m_map.end())
            return std::nullopt;
        return it->second;
    }
    void put(const std::string &key, T value)
    {
        std::lock_guard lock(m_mutex);
        if (m_map.size() > 20000)
            m_map.clear();
        m_map.insert_or_assign(key, std::move(value));
    }

private:
    std::mutex m_mutex;
    std::map<std::string, T> m_map;
};

Cache<std::vector<std::string>> &referenceCache()
{
    static Cache<std::vector<std::string>> cache;
    return cache;
}

Cache<std::string> &citationCache()
{
    static Cache<std::string> cache;
    return cache;
}

} // namespace

Result<std::vector<std::string>> formatReferences(const Library &library, const std::vector<const Item *> &items,
                                                  const Style &style)
{
    std::string key = styleKey(library, style);
    for (const Item *item : items)
        key += '\x1f' + item->key;
    if (std::optional<std::vector<std::string>> hit = referenceCache().get(key))
        return *hit;
    std::vector<QJsonObject> json;
    json.reserve(items.size());
    for (const Item *item : items)
        json.push_back(item->csl);
    Result<std::vector<csl::Formatted>> formatted = csl::Citeproc::instance().bibliography(json, formatOptions(style));
    if (!formatted)
        return makeError(formatted.error());
    std::vector<std::string> out;
    out.reserve(formatted->size());
    for (csl::Formatted &f : *formatted)
        out.push_back(std::move(f.html));
    referenceCache().put(key, out);
    return out;
}

Result<std::string> formatCitation(const Library &library, const std::vector<Cite> &cites, const Style &style)
{
    std::string key = styleKey(library, style);
    for (const Cite &c : cites)
        key += '\x1f' + c.item->key + '\x1e' + c.locator + '\x1e' + c.label + '\x1e' + std::to_string(c.number);
    if (std::optional<std::string> hit = citationCache().get(key))
        return *hit;
    std::vector<csl::CiteItem> items;
    for (const Cite &c : cites) {
        csl::CiteItem item;
        item.item = c.item->csl;
        if (c.number > 0)
            item.item.insert(QStringLiteral("citation-number"), c.number);
        item.locator = QString::fromStdString(c.locator);
        item.label = QString::fromStdString(c.label);
        items.push_back(std::move(item));
    }
    Result<csl::Formatted> formatted = csl::Citeproc::instance().citation(items, formatOptions(style));
    if (!formatted)
        return makeError(formatted.error());
    citationCache().put(key, formatted->html);
    return formatted->html;
}

} // namespace folio::site::scholar
