#include "gitpagescheck.h"

#include "site/markdown/prepass.h"
#include "site/model/config.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace folio::app {

namespace {

// The context lupdate gives tr() outside a class of folio::app: the .ts files hold these strings there.
QString tr(const char *text)
{
    return QCoreApplication::translate("folio::app", text);
}

int lineAt(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

// The first line of `file` that mentions `needle`, or 0.
int lineMentioning(const QString &file, const QString &needle)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = f.readAll();
    const qsizetype at = text.indexOf(needle.toUtf8());
    return at < 0 ? 0 : lineAt(text, at);
}

void checkPlugins(const QString &siteDir, std::vector<PagesWarning> &out)
{
    site::DiagnosticSink sink;
    const site::model::Config config = site::model::Config::load(siteDir, {}, sink);
    const QString configFile = QDir(siteDir).filePath(QStringLiteral("_config.yml"));
    for (const QString &plugin : config.plugins()) {
        if (githubPagesRunsPlugin(plugin))
            continue;
        out.push_back({QStringLiteral("_config.yml"), lineMentioning(configFile, plugin),
                       tr("GitHub Pages does not run the plugin “%1”: what it adds will be missing there "
                          "(Folio builds it). Publish the built site to a branch instead, or remove the plugin.")
                           .arg(plugin)});
    }
    QDir plugins(QDir(siteDir).filePath(QStringLiteral("_plugins")));
    for (const QString &rb : plugins.entryList({QStringLiteral("*.rb")}, QDir::Files, QDir::Name))
        out.push_back({QStringLiteral("_plugins/") + rb, 0,
                       tr("GitHub Pages builds in safe mode and does not run _plugins/%1; what it adds will be "
                          "missing there.")
                           .arg(rb)});
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Whether `tex` holds a pair of `marker` that kramdown's emphasis rules
// would match: an opener followed by a non-space (for _ not inside a word),
// and a later closer preceded by a non-space (for _ not followed by a word
// character). Checked against kramdown 2.4 with the GFM parser.
bool hasEmphasisPair(const QString &tex, QChar marker)
{
    const bool underscore = marker == QLatin1Char('_');
    auto at = [&](qsizetype i) { return i >= 0 && i < tex.size() ? tex[i] : QChar(QLatin1Char(' ')); };
    bool opened = false;
    for (qsizetype i = 0; i < tex.size(); ++i) {
        if (tex[i] != marker || at(i - 1) == QLatin1Char('\\'))
            continue;
        const QChar before = at(i - 1), after = at(i + 1);
        if (opened && !before.isSpace() && !(underscore && isWordChar(after)))
            return true;
        if (!after.isSpace() && after != marker && !(underscore && isWordChar(before)))
            opened = true;
    }
    return false;
}

// Why kramdown (which reads only $$…$$ as math) would change this formula,
// or empty when it would survive. `startsBlock`: the formula is on the first
// line of a paragraph, where an unescaped | starts a kramdown table (inside
// a paragraph it does not).
QStringList kramdownBreaks(const site::markdown::detail::MathSpan &span, bool startsBlock)
{
    using Kind = site::markdown::detail::MathSpan::Kind;
    QStringList reasons;
    if (span.kind == Kind::DoubleDollar)
        return reasons; // kramdown's own math: kept intact
    const QString tex = QString::fromStdString(span.tex);
    if (span.kind == Kind::Paren || span.kind == Kind::Bracket)
        reasons << tr("kramdown drops the backslashes of its \\( \\) or \\[ \\] delimiters, so it is not math there");
    static const QRegularExpression pipe(QStringLiteral("(^|[^\\\\])\\|"));
    if (startsBlock && tex.section(QLatin1Char('\n'), 0, 0).contains(pipe))
        reasons << tr("a | makes kramdown read the line as a table");
    if (hasEmphasisPair(tex, QLatin1Char('_')))
        reasons << tr("a pair of _ becomes emphasis");
    if (hasEmphasisPair(tex, QLatin1Char('*')))
        reasons << tr("a pair of * becomes emphasis");
    if (tex.contains(QStringLiteral("\\\\")))
        reasons << tr("kramdown turns \\\\ into \\ (line breaks are lost)");
    static const QString escapable = QStringLiteral(".*_+-`()[]{}#!:|\"'$=<>");
    for (qsizetype i = 0; i + 1 < tex.size(); ++i) {
        if (tex[i] == QLatin1Char('\\') && tex[i + 1] == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (tex[i] == QLatin1Char('\\') && escapable.contains(tex[i + 1])) {
            reasons << tr("kramdown removes the backslash of \\%1").arg(tex[i + 1]);
            break;
        }
    }
    return reasons;
}

bool isMarkdown(const QString &path)
{
    static const QSet<QString> exts{QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("mkdown"),
                                    QStringLiteral("mkdn"), QStringLiteral("mkd"), QStringLiteral("mdown")};
    return exts.contains(QFileInfo(path).suffix().toLower());
}

// Folders Jekyll does not read, plus the output.
bool skipped(const QString &relative, const QString &skipFolder)
{
    for (const QString &part : relative.split(QLatin1Char('/'))) {
        if (part.startsWith(QLatin1Char('.')) || part == QStringLiteral("node_modules") || part == QStringLiteral("vendor")
            || part == QStringLiteral("_site"))
            return true;
    }
    return !skipFolder.isEmpty() && (relative == skipFolder || relative.startsWith(skipFolder + QLatin1Char('/')));
}

// Whether the line holding `offset` starts a block: the body's first line or
// one after a blank line.
bool startsBlock(const QByteArray &text, qsizetype bodyStart, qsizetype offset)
{
    // (lastIndexOf with a negative start searches from the end: avoided.)
    const qsizetype lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
    if (lineStart <= bodyStart || lineStart < 2)
        return true;
    const qsizetype previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    return text.mid(previousStart, lineStart - previousStart).trimmed().isEmpty();
}

void checkMath(const QString &siteDir, const QString &skipFolder, std::vector<PagesWarning> &out)
{
    const QDir root(siteDir);
    const QString skip = skipFolder.isEmpty() ? QString() : root.relativeFilePath(QFileInfo(skipFolder).absoluteFilePath());
    QStringList files;
    QDirIterator it(siteDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (isMarkdown(path) && !skipped(relative, skip))
            files << relative;
    }
    files.sort();
    const site::markdown::Options options; // protectMath on: the spans Folio keeps
    for (const QString &relative : files) {
        QFile file(root.filePath(relative));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        qsizetype bodyStart = 0;
        if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
            const qsizetype end = text.indexOf("\n---", 3);
            if (end >= 0)
                bodyStart = text.indexOf('\n', end + 4) + 1;
        }
        const std::string_view body(text.constData() + bodyStart, std::size_t(text.size() - bodyStart));
        site::markdown::detail::Extracted extracted;
        site::markdown::detail::extractMath(body, options, extracted);
        qsizetype cursor = bodyStart;
        for (const auto &span : extracted.math) {
            const QByteArray original = QByteArray::fromStdString(span.original);
            const qsizetype at = text.indexOf(original, cursor);
            if (at >= 0)
                cursor = at + original.size();
            const QStringList reasons = kramdownBreaks(span, at >= 0 && startsBlock(text, bodyStart, at));
            if (reasons.isEmpty())
                continue;
            QString shown = QString::fromStdString(span.original).simplified();
            if (shown.size() > 60)
                shown = shown.left(57) + QStringLiteral("…");
            out.push_back({relative, at >= 0 ? lineAt(text, at) : 0,
                           tr("%1 renders with Folio but GitHub Pages' kramdown would break it: %2.")
                               .arg(shown, reasons.join(QStringLiteral("; ")))});
        }
    }
}

} // namespace

bool githubPagesRunsPlugin(const QString &name)
{
    static const QSet<QString> whitelist{
        QStringLiteral("jekyll-coffeescript"),         QStringLiteral("jekyll-feed"),
        QStringLiteral("jekyll-gist"),                 QStringLiteral("jekyll-github-metadata"),
        QStringLiteral("jekyll-paginate"),             QStringLiteral("jekyll-redirect-from"),
        QStringLiteral("jekyll-seo-tag"),              QStringLiteral("jekyll-sitemap"),
        QStringLiteral("jekyll-avatar"),               QStringLiteral("jemoji"),
        QStringLiteral("jekyll-mentions"),             QStringLiteral("jekyll-relative-links"),
        QStringLiteral("jekyll-optional-front-matter"), QStringLiteral("jekyll-readme-index"),
        QStringLiteral("jekyll-default-layout"),       QStringLiteral("jekyll-titles-from-headings"),
        QStringLiteral("jekyll-include-cache"),        QStringLiteral("jekyll-remote-theme"),
        QStringLiteral("jekyll-commonmark-ghpages"),   QStringLiteral("jekyll-sass-converter")};
    return whitelist.contains(name.trimmed());
}

std::vector<PagesWarning> githubPagesWarnings(const QString &siteDir, const QString &skipFolder)
{
    std::vector<PagesWarning> out;
    checkPlugins(siteDir, out);
    checkMath(siteDir, skipFolder, out);
    return out;
}

} // namespace folio::app
