// The Diagnostics dock: the engine's errors and warnings for the whole site
// (from loading and publishing) and for the open document (from the preview's
// renders), each with its severity, file:line and message. Activating one asks
// the window to open that file at that line.
#pragma once

#include "site/core/diagnostic.h"

#include <QDockWidget>

#include <vector>

class QTreeWidget;
class QTreeWidgetItem;

namespace folio::app {

class DiagnosticsPanel final : public QDockWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

    // Relative file names of diagnostics are resolved against this folder.
    void setSiteDir(const QString &siteDir);
    QTreeWidget *list() const { return m_list; }
    // The visible rows as "file:line: message" (for tests and copying).
    QStringList rows() const;

public Q_SLOTS:
    // Replaces the site's diagnostics (after opening a site or publishing).
    void setSiteDiagnostics(const std::vector<folio::site::Diagnostic> &diagnostics);
    // Replaces the open document's diagnostics (after each preview render);
    // `documentPath` is the document's absolute path.
    void setDocumentDiagnostics(const QString &documentPath,
                                const std::vector<folio::site::Diagnostic> &diagnostics);
    void clear();

Q_SIGNALS:
    // An absolute path and a 1-based line (0 = the file as a whole).
    void openRequested(const QString &path, int line);

private:
    void rebuild();
    void addGroup(const QString &title, const std::vector<site::Diagnostic> &items);
    void activate(QTreeWidgetItem *item);
    QString absolutePath(const QString &file) const;

    QString m_siteDir, m_documentPath;
    std::vector<site::Diagnostic> m_site, m_document;
    QTreeWidget *m_list;
};

} // namespace folio::app
