#include "sitesearch.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QTextDocument>

namespace folio::app {

namespace {

constexpr qint64 kMaxFileSize = 8 * 1024 * 1024;
const QByteArray kBom("\xEF\xBB\xBF");

// Extensions never worth opening: images, fonts, archives, office files.
bool binaryByName(const QString &name)
{
    static const QSet<QString> binary{
        QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("gif"), QStringLiteral("webp"),
        QStringLiteral("ico"), QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("pdf"),
        QStringLiteral("zip"), QStringLiteral("gz"), QStringLiteral("tgz"), QStringLiteral("bz2"), QStringLiteral("xz"),
        QStringLiteral("7z"), QStringLiteral("woff"), QStringLiteral("woff2"), QStringLiteral("ttf"), QStringLiteral("otf"),
        QStringLiteral("eot"), QStringLiteral("mp3"), QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("webm"),
        QStringLiteral("ogg"), QStringLiteral("wav"), QStringLiteral("doc"), QStringLiteral("docx"), QStringLiteral("xls"),
        QStringLiteral("xlsx"), QStringLiteral("ppt"), QStringLiteral("pptx"), QStringLiteral("psd"), QStringLiteral("so"),
        QStringLiteral("o"), QStringLiteral("a"), QStringLiteral("jar"), QStringLiteral("class"), QStringLiteral("pyc")};
    return binary.contains(QFileInfo(name).suffix().toLower());
}

QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QFileInfo(path).absoluteFilePath() : c;
}

bool isOpenDocument(const QString &path, const OpenDocument &open)
{
    return open.document && !open.path.isEmpty() && canonical(path) == canonical(open.path);
}

// Splits `text` into match records for `path`.
void collectMatches(const QString &path, const QString &text, const QRegularExpression &pattern, int limit,
                    QList<SiteMatch> &out)
{
    int line = 1, lineStart = 0, scanned = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext() && out.size() < limit;) {
        const auto m = it.next();
        if (m.capturedLength() == 0)
            continue;
        const int at = int(m.capturedStart());
        for (; scanned < at; ++scanned)
            if (text[scanned] == QLatin1Char('\n')) {
                ++line;
                lineStart = scanned + 1;
            }
        int lineEnd = int(text.indexOf(QLatin1Char('\n'), lineStart));
        if (lineEnd < 0)
            lineEnd = int(text.size());
        QString lineText = text.mid(lineStart, lineEnd - lineStart);
        if (lineText.endsWith(QLatin1Char('\r')))
            lineText.chop(1);
        out.append({path, line, at - lineStart, int(m.capturedLength()), lineText});
    }
}

} // namespace

bool SiteSearch::readText(const QString &path, QString *text)
{
    QFile file(path);
    if (file.size() > kMaxFileSize || !file.open(QIODevice::ReadOnly))
        return false;
    QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        return false;
    if (bytes.startsWith(kBom))
        bytes.remove(0, kBom.size());
    QString decoded = QString::fromUtf8(bytes);
    // Text Folio could not write back unchanged (not UTF-8) is not searched.
    if (decoded.toUtf8() != bytes)
        return false;
    *text = std::move(decoded);
    return true;
}

QStringList SiteSearch::textFiles(const QString &siteDir, const QStringList &outputDirs)
{
    const QDir root(siteDir);
    QSet<QString> excluded{QStringLiteral("_site"), QStringLiteral("node_modules"), QStringLiteral("vendor")};
    for (const QString &dir : outputDirs)
        excluded.insert(QDir::cleanPath(root.relativeFilePath(root.absoluteFilePath(dir))));
    QStringList files;
    // Hidden entries are not listed (QDir::Hidden unset), so .git, .github's
    // siblings like .jekyll-cache and dotfiles are skipped with their trees.
    QDirIterator it(siteDir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList skippedTrees;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        bool skip = false;
        for (const QString &tree : std::as_const(skippedTrees))
            if (relative.startsWith(tree + QLatin1Char('/'))) {
                skip = true;
                break;
            }
        if (skip)
            continue;
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            if (excluded.contains(relative))
                skippedTrees << relative;
            continue;
        }
        if (info.isSymLink() || binaryByName(path) || info.size() > kMaxFileSize)
            continue;
        files << path;
    }
    files.sort();
    return files;
}

QList<SiteMatch> SiteSearch::find(const QString &siteDir, const QRegularExpression &pattern, const OpenDocument &open,
                                  int limit, const QStringList &outputDirs)
{
    QList<SiteMatch> matches;
    if (!pattern.isValid() || pattern.pattern().isEmpty())
        return matches;
    for (const QString &path : textFiles(siteDir, outputDirs)) {
        if (matches.size() >= limit)
            break;
        QString text;
        if (isOpenDocument(path, open))
            text = editor::documentText(open.document);
        else if (!readText(path, &text))
            continue;
        collectMatches(path, text, pattern, limit, matches);
    }
    return matches;
}

SiteSearch::ReplaceResult SiteSearch::replaceAll(const QString &siteDir, const QRegularExpression &pattern,
                                                 const QString &replacement, bool regularExpression,
                                                 const OpenDocument &open, const QStringList &outputDirs)
{
    ReplaceResult result;
    if (!pattern.isValid() || pattern.pattern().isEmpty())
        return result;
    for (const QString &path : textFiles(siteDir, outputDirs)) {
        if (isOpenDocument(path, open)) {
            const int n = editor::replaceAllInDocument(open.document, pattern, replacement, regularExpression);
            result.replacements += n;
            result.openDocumentChanged = n > 0;
            continue;
        }
        QString text;
        if (!readText(path, &text))
            continue;
        int n = 0;
        const QString changed = editor::replaceAllInText(text, pattern, replacement, regularExpression, &n);
        if (n == 0 || changed == text)
            continue;
        QFile original(path);
        const bool hadBom = original.open(QIODevice::ReadOnly) && original.read(3) == kBom;
        original.close();
        const QByteArray bytes = (hadBom ? kBom : QByteArray()) + changed.toUtf8();
        QSaveFile out(path);
        // QSaveFile replaces the file only on commit: a failure leaves it whole.
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            result.errors << QStringLiteral("%1: %2").arg(QDir(siteDir).relativeFilePath(path), out.errorString());
            continue;
        }
        result.changedFiles << path;
        result.replacements += n;
    }
    return result;
}

} // namespace folio::app
