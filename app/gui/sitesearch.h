// Find and replace across a site's source files: posts, pages, collections,
// _data, _includes, _layouts, _config.yml, Sass... every text file, never the
// output folder, .git or other hidden folders.
//
// Never lose text: files are written with QSaveFile (atomic), only those whose
// text changes, and the document open in the editor is changed in the editor
// (one undo step, left unsaved) instead of on disk, since its unsaved text is
// the newer one.
#pragma once

#include "editor/findbar.h"
#include "editor/markdowneditor.h"

#include <QList>
#include <QString>
#include <QStringList>

class QTextDocument;

namespace folio::app {

struct SiteMatch final {
    QString path;     // absolute
    int line = 0;     // 1-based
    int column = 0;   // 0-based, in the line
    int length = 0;
    QString lineText; // the whole line, for context
};

// The document open in the editor: searched and changed in memory.
struct OpenDocument final {
    QString path;
    QTextDocument *document = nullptr;
};

class SiteSearch final
{
public:
    // Text files of the site, sorted: every file under `siteDir` except
    // hidden files and folders (.git, .jekyll-cache…), the output folders
    // (`destination` given, plus _site), vendor/ and node_modules/, and
    // files that are binary, not UTF-8 or larger than 8 MB.
    static QStringList textFiles(const QString &siteDir, const QStringList &outputDirs = {});

    // Matches of `pattern` (from editor::searchPattern) in every text file,
    // the open document's unsaved text in place of its file; at most `limit`.
    static QList<SiteMatch> find(const QString &siteDir, const QRegularExpression &pattern, const OpenDocument &open = {},
                                 int limit = 20000, const QStringList &outputDirs = {});

    struct ReplaceResult {
        QStringList changedFiles;  // written to disk
        int replacements = 0;      // in files and the open document
        bool openDocumentChanged = false;
        QStringList errors;        // "path: reason", files left as they were
    };
    // Replaces every match in every text file. A file is rewritten only if
    // its text changes; the rest of its bytes stay as they were (line ends,
    // BOM). The open document is edited in the editor, not written.
    static ReplaceResult replaceAll(const QString &siteDir, const QRegularExpression &pattern, const QString &replacement,
                                    bool regularExpression, const OpenDocument &open = {},
                                    const QStringList &outputDirs = {});

    // Reads `path` as UTF-8 text; false for binary or non-UTF-8 content.
    static bool readText(const QString &path, QString *text);
};

} // namespace folio::app
