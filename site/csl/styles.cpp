// Finding CSL styles and locales: Debian's citation-style-language folders
// (or FOLIO_CSL_STYLES_DIR / FOLIO_CSL_LOCALES_DIR), a site's own .csl file,
// and the parent of a dependent style.
#include "site/csl/csl.h"
#include "csltr.h"
#include "site/csl/styles_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <algorithm>
#include <mutex>

namespace folio::site::csl {

namespace {

QString folderFromEnvironment(const char *variable, const QString &fallback)
{
    const QString configured = qEnvironmentVariable(variable);
    return configured.isEmpty() ? fallback : configured;
}

// An installed style's id from its CSL id ("http://www.zotero.org/styles/apa").
QString idFromUri(const QString &uri)
{
    return uri.section(QLatin1Char('/'), -1);
}

bool looksLikePath(const QString &style)
{
    if (style.startsWith(QLatin1String("http://")) || style.startsWith(QLatin1String("https://")))
        return false;   // a style's CSL id, "http://www.zotero.org/styles/apa"
    return style.endsWith(QLatin1String(".csl"), Qt::CaseInsensitive) || style.contains(QLatin1Char('/'));
}

} // namespace

QString stylesDir()
{
    return folderFromEnvironment("FOLIO_CSL_STYLES_DIR",
                                 QStringLiteral("/usr/share/citation-style-language/styles"));
}

QString localesDir()
{
    return folderFromEnvironment("FOLIO_CSL_LOCALES_DIR",
                                 QStringLiteral("/usr/share/citation-style-language/locales"));
}

// Only the <info> block is read, from the file's first 4 KB where every style
// keeps it: listing Debian's 2,500 styles reads 10 MB instead of 35.
StyleHeader readStyleHeader(const QString &path)
{
    StyleHeader header;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return header;
    QXmlStreamReader xml(file.read(4096));
    bool inInfo = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (name == QLatin1String("info")) {
                inInfo = true;
            } else if (inInfo && name == QLatin1String("title") && header.title.isEmpty()) {
                header.title = xml.readElementText().simplified();
            } else if (inInfo && name == QLatin1String("link")
                       && xml.attributes().value(QLatin1String("rel")) == QLatin1String("independent-parent")) {
                header.parent = xml.attributes().value(QLatin1String("href")).toString();
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("info")) {
            break;
        }
    }
    return header;
}

namespace {

std::vector<StyleInfo> readInstalledStyles(const QDir &dir)
{
    std::vector<StyleInfo> styles;
    const QStringList files = dir.entryList({QStringLiteral("*.csl")}, QDir::Files);
    styles.reserve(files.size());
    for (const QString &file : files) {
        const QString path = dir.absoluteFilePath(file);
        StyleHeader header = readStyleHeader(path);
        if (!header.parent.isEmpty())
            continue;
        const QString id = file.chopped(4);
        styles.push_back({id, header.title.isEmpty() ? id : header.title, path});
    }
    std::sort(styles.begin(), styles.end(), [](const StyleInfo &a, const StyleInfo &b) {
        const int byTitle = a.title.compare(b.title, Qt::CaseInsensitive);
        return byTitle != 0 ? byTitle < 0 : a.id < b.id;
    });
    return styles;
}

} // namespace

// Kept while the folder is unchanged (its modification time): the editor's
// style picker asks again whenever it opens.
std::vector<StyleInfo> installedStyles()
{
    static std::mutex mutex;
    static QString cachedDir;
    static QDateTime cachedModified;
    static std::vector<StyleInfo> cached;
    const QDir dir(stylesDir());
    const QDateTime modified = QFileInfo(dir.absolutePath()).lastModified();
    std::lock_guard lock(mutex);
    if (cachedDir != dir.absolutePath() || cachedModified != modified || !modified.isValid()) {
        cached = readInstalledStyles(dir);
        cachedDir = dir.absolutePath();
        cachedModified = modified;
    }
    return cached;
}

namespace {

// A dependent style has no formatting of its own: its parent's file is the
// one citeproc-js loads.
Result<QString> independentStyle(const QString &path, const QString &style)
{
    const StyleHeader header = readStyleHeader(path);
    if (header.parent.isEmpty())
        return path;
    const QString parentId = idFromUri(header.parent);
    const QString parentPath = QDir(stylesDir()).filePath(parentId + QStringLiteral(".csl"));
    if (!QFileInfo::exists(parentPath)) {
        return makeError(Tr::tr("The CSL style \"%1\" (%2) depends on the style \"%3\", which is not "
                                "installed in %4. Install the citation-style-language-styles package, "
                                "or use an independent style.")
                             .arg(style, path, parentId, stylesDir()));
    }
    return QFileInfo(parentPath).absoluteFilePath();
}

} // namespace

Result<QString> resolveStyle(const QString &style, const QString &siteDir)
{
    const QString name = style.trimmed();
    if (name.isEmpty()) {
        return makeError(Tr::tr("No CSL style is set. Set a style id such as \"apa\" or \"ieee\", "
                                "or the path of a .csl file in the site."));
    }
    if (looksLikePath(name)) {
        const QString path = QFileInfo(name).isAbsolute() || siteDir.isEmpty()
                                 ? name
                                 : QDir(siteDir).filePath(name);
        if (!QFileInfo(path).isFile()) {
            return makeError(Tr::tr("The CSL style file %1 does not exist. Put the .csl file there, "
                                    "or set an installed style id such as \"apa\".")
                                 .arg(QDir::cleanPath(path)));
        }
        return independentStyle(QFileInfo(path).absoluteFilePath(), name);
    }
    const QString id = name.startsWith(QLatin1String("http")) ? idFromUri(name) : name;
    const QDir dir(stylesDir());
    const QString file = id + QStringLiteral(".csl");
    if (dir.exists(file))
        return independentStyle(dir.absoluteFilePath(file), id);
    if (dir.exists(QStringLiteral("dependent/") + file))
        return independentStyle(dir.absoluteFilePath(QStringLiteral("dependent/") + file), id);
    return makeError(Tr::tr("No CSL style \"%1\" is installed (looked in %2). Use the id of an "
                            "installed style, such as \"apa\", \"ieee\" or \"chicago-author-date\", "
                            "or the path of a .csl file in the site.")
                         .arg(id, dir.absolutePath()));
}

// citeproc-js asks for "en-US", "fr-FR", sometimes just "de": the file of that
// name, else the language's first regional file ("de" -> de-DE before de-AT
// when there is one of the language's own country), else none.
QString localeFile(const QString &lang)
{
    const QDir dir(localesDir());
    const QString exact = QStringLiteral("locales-%1.xml").arg(lang);
    if (dir.exists(exact))
        return dir.absoluteFilePath(exact);
    const QString language = lang.section(QLatin1Char('-'), 0, 0).toLower();
    if (language.isEmpty())
        return {};
    const QString own = QStringLiteral("locales-%1-%2.xml").arg(language, language.toUpper());
    if (dir.exists(own))
        return dir.absoluteFilePath(own);
    const QStringList regional = dir.entryList({QStringLiteral("locales-%1-*.xml").arg(language)},
                                               QDir::Files, QDir::Name);
    return regional.isEmpty() ? QString() : dir.absoluteFilePath(regional.first());
}

} // namespace folio::site::csl
