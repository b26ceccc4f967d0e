// What the tags need beyond the page being rendered: the site's layouts
// (a `bibliography_template` may name one), remembered by generate() for
// the site's folder; and each render's cited keys, kept in the render's
// registers as the gem keeps them in `page['cited']`.
#pragma once

#include "site/liquid/liquid.h"
#include "site/model/site.h"

#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace folio::site::scholar {

struct LayoutText final {
    std::string content;   // after the front matter
    liquid::Hash data;     // its front matter
    QString file;          // "_layouts/bib.liquid"
    int firstLine = 1;
};

struct CitedKeys;

struct SiteSnapshot final {
    std::map<std::string, LayoutText, std::less<>> layouts;
    // Each document's cited keys from its content's render, for the renders
    // of its layouts (the gem keeps them in the page, which its layouts share).
    mutable std::mutex citedMutex;
    mutable std::map<const void *, std::shared_ptr<CitedKeys>> cited;
};

// Called by generate(): the layouts of `site`, for renders of its pages.
void rememberSite(const model::Site &site);
// The snapshot of the site whose page this thread renders (null outside a
// build, or before generate()).
std::shared_ptr<const SiteSnapshot> currentSite(const liquid::Context &ctx);
// The absolute folder of the site whose page `ctx` renders ("" when
// unknown): the rendered document's path less its site-relative path.
QString currentSiteDir(const liquid::Context &ctx);

// The keys cited so far in this render, in citation order, and the
// citation number each got (its position when first cited).
struct CitedKeys final {
    std::vector<std::string> keys;
    std::map<std::string, int> numbers;

    void add(const std::string &key);
    int number(const std::string &key);
    bool contains(const std::string &key) const;
};
// The render's list, shared with the template renders it makes, and with
// the renders of the document's layouts after its content.
std::shared_ptr<CitedKeys> citedKeys(liquid::Context &ctx);

// Liquid templates given as text (a bibliography_template), parsed once
// per text by the tag node that owns the cache. A template points into the
// Environment it was parsed with, so the cache lives no longer than the
// node, which lives no longer than that Environment.
struct ParsedTemplate final {
    liquid::TemplatePtr tmpl;
    QString problems;          // the parse's errors, formatted; "" when it parsed
    bool firstReport = false;  // this call parsed it (report the problems once)
};

class TemplateCache final
{
public:
    ParsedTemplate parse(const liquid::Environment &env, const std::string &text, const QString &file, int firstLine);

private:
    std::mutex m_mutex;
    std::map<std::string, ParsedTemplate> m_cache;
};

} // namespace folio::site::scholar
