#include "state.h"

#include "site/jekyll/host.h"
#include "site/model/drops.h"

#include <QFileInfo>

#include <QDir>

#include <mutex>

namespace folio::site::scholar {

namespace {

std::mutex g_sitesMutex;
std::map<QString, std::shared_ptr<const SiteSnapshot>> g_sites;

const char *const kCitedRegister = "scholar.cited";

} // namespace

void rememberSite(const model::Site &site)
{
    auto snapshot = std::make_shared<SiteSnapshot>();
    for (const auto &[name, layout] : site.layouts())
        snapshot->layouts.emplace(name, LayoutText{layout.content, layout.data, QString::fromStdString(layout.relativePath),
                                                   layout.bodyLine});
    std::lock_guard lock(g_sitesMutex);
    g_sites[QDir::cleanPath(site.sourceDir())] = std::move(snapshot);
}

QString currentSiteDir(const liquid::Context &ctx)
{
    if (const model::Document *doc = model::RenderScope::current()) {
        const QString path = QDir::cleanPath(doc->sourcePath);
        const QString relative = QString::fromStdString(doc->relativePath);
        if (!relative.isEmpty() && path.endsWith(relative))
            return QDir::cleanPath(path.left(path.size() - relative.size()));
    }
    // Renders without a document in scope (a post's excerpt): the page's
    // folder as include_relative finds it, less the page's own folder.
    const jekyll::Host *host = jekyll::host(ctx);
    const liquid::Value page = ctx.globals().get("page");
    if (!host || page.isNil())
        return {};
    const QString base = QDir::cleanPath(host->includeRelativeBase(page));
    QString path = QString::fromStdString(page.get("path").toString());
    path.remove(QStringLiteral("/#excerpt"));
    const QString dir = QFileInfo(path).path();
    if (dir == QLatin1String("."))
        return base;
    if (!base.endsWith(QLatin1Char('/') + dir))
        return {};
    return QDir::cleanPath(base.left(base.size() - dir.size()));
}

std::shared_ptr<const SiteSnapshot> currentSite(const liquid::Context &ctx)
{
    const QString dir = currentSiteDir(ctx);
    if (dir.isEmpty())
        return nullptr;
    std::lock_guard lock(g_sitesMutex);
    auto it = g_sites.find(dir);
    return it == g_sites.end() ? nullptr : it->second;
}

void CitedKeys::add(const std::string &key)
{
    if (!contains(key))
        keys.push_back(key);
}

int CitedKeys::number(const std::string &key)
{
    // Utilities#citation_number: the number of keys cited when the key was
    // first numbered (it is added to the cited keys just before).
    auto it = numbers.find(key);
    if (it != numbers.end())
        return it->second;
    const int n = int(keys.size());
    numbers.emplace(key, n);
    return n;
}

bool CitedKeys::contains(const std::string &key) const
{
    for (const std::string &k : keys)
        if (k == key)
            return true;
    return false;
}

std::shared_ptr<CitedKeys> citedKeys(liquid::Context &ctx)
{
    auto &slot = ctx.registers()[kCitedRegister];
    if (auto *p = std::any_cast<std::shared_ptr<CitedKeys>>(&slot))
        return *p;
    auto keys = std::make_shared<CitedKeys>();
    const model::Document *doc = model::RenderScope::current();
    const std::shared_ptr<const SiteSnapshot> site = currentSite(ctx);
    if (doc && site) {
        // A layout's render has the page's `content`; the content's own has none.
        const bool layout = !ctx.globals().get("content").isNil();
        std::lock_guard lock(site->citedMutex);
        auto &recorded = site->cited[doc];
        if (layout && recorded)
            keys = recorded;
        else
            recorded = keys;
    }
    slot = keys;
    return keys;
}

ParsedTemplate TemplateCache::parse(const liquid::Environment &env, const std::string &text, const QString &file,
                                   int firstLine)
{
    const std::string key = file.toStdString() + '|' + std::to_string(firstLine) + '|' + text;
    std::lock_guard lock(m_mutex);
    if (auto it = m_cache.find(key); it != m_cache.end()) {
        ParsedTemplate hit = it->second;
        hit.firstReport = false;
        return hit;
    }
    auto parsed = liquid::Template::parse(text, env, file, liquid::ParseOptions{liquid::ParseMode::Warn, firstLine});
    ParsedTemplate slot{parsed.tmpl, parsed.ok() ? QString() : parsed.errorText(), !parsed.ok()};
    m_cache.emplace(key, slot);
    return slot;
}

} // namespace folio::site::scholar
