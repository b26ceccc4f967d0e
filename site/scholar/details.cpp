// DetailsGenerator: a page per entry of the configured bibliography when
// `details_layout` names a layout of the site. As in the gem, the page is
// the layout file read as a page (its front matter and body), with the
// entry's reference data added and the entry's title as the page's title,
// at the URL `details_permalink` gives.
#include "common.h"
#include "format.h"
#include "query.h"
#include "scholar.h"
#include "scholartr.h"
#include "state.h"
#include "text_p.h"

#include <QDir>
#include <QRegularExpression>

namespace folio::site::scholar {

namespace {

using detail::qs;

std::string layoutName(const Config &config)
{
    std::string name = config.string("details_layout");
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0)
        name.resize(name.size() - 5);
    return name;
}

// The configured bibliography's problems go to the build's report with
// their own file:line: a missing file at the setting's line.
void reportLibrary(const Library &library, const QString &siteDir, DiagnosticSink &sink)
{
    for (const Diagnostic &d : library.diagnostics)
        sink.report(d);
    for (const QString &path : library.missing)
        sink.warning(QStringLiteral("_config.yml"), configLine(siteDir, "bibliography"), 0,
                     Tr::tr("jekyll-scholar: the bibliography %1 does not exist, so no details pages are made; "
                            "add the .bib file under `scholar: source:` or point `scholar: bibliography:` at yours")
                         .arg(QDir(siteDir).relativeFilePath(path)));
}

// `reference` is formatted only when the details layout can print it.
bool layoutUsesReference(const model::Layout &layout)
{
    return layout.content.find("reference") != std::string::npos || layout.content.find("include") != std::string::npos;
}

void addDetailsPages(model::Site &site, const Config &config, const Library &library, const model::Layout &layout,
                     DiagnosticSink &sink)
{
    const QString siteDir = site.sourceDir();
    std::vector<const Item *> items = Query(config.string("query")).select(library);
    if (!sortsByNone(config))
        sortItems(items, config);
    std::vector<std::string> references(items.size());
    if (layoutUsesReference(layout) && !items.empty()) {
        const Style style{qs(config.string("style")), qs(config.string("locale")), siteDir};
        Result<std::vector<std::string>> formatted = formatReferences(library, items, style);
        if (formatted && formatted->size() == items.size())
            references = std::move(*formatted);
        else
            sink.warning(QStringLiteral("_config.yml"), configLine(siteDir, "style"), 0,
                         Tr::tr("jekyll-scholar: the citation style '%1' could not be used for the details pages: %2")
                             .arg(style.style, formatted ? Tr::tr("citeproc-js returned no entries") : formatted.error()));
    }
    const liquid::Value siteConfig = site.config().values();
    const QRegularExpression keySpace(QStringLiteral("[:\\s]+"));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item &item = *items[i];
        liquid::Hash data = layout.data;
        const std::string reference = referenceTag(item, references[i], config, {});
        for (auto &[key, value] : referenceData(item, reference, repositoryLinks(item, config, siteDir, siteConfig)))
            data.set(key, value);
        const liquid::Value title = item.liquid.get("title");
        if (!title.isNil())
            data.set("title", title);
        data.set("permalink", detailsPath(item, config, siteConfig));
        const std::string name = qs(item.key).replace(keySpace, QStringLiteral("_")).toStdString() + ".html";
        const std::string dir = config.string("details_dir");
        site.addGeneratedPage(dir.empty() ? name : dir + "/" + name, layout.content, std::move(data));
    }
    (void)sink;
}

} // namespace

void generate(model::Site &site, DiagnosticSink &sink)
{
    rememberSite(site);
    const Config config(site.config().value("scholar"));
    if (site.config().value("scholar").hash().contains("use_raw_bibtex_entry"))
        sink.warning(QStringLiteral("_config.yml"), configLine(site.sourceDir(), "use_raw_bibtex_entry"), 0,
                     Tr::tr("jekyll-scholar: `use_raw_bibtex_entry` is no longer supported (entry.bibtex is always "
                            "the entry as written); remove it"));
    const model::Layout *layout = site.layout(layoutName(config));
    if (!layout)
        return;
    const QString siteDir = site.sourceDir();
    bool fresh = false;
    const std::shared_ptr<const Library> library = loadLibrary(bibtexPaths(config, {}, siteDir), config, siteDir, &fresh);
    if (fresh)
        reportLibrary(*library, siteDir, sink);
    addDetailsPages(site, config, *library, *layout, sink);
}

} // namespace folio::site::scholar
