// Folio's window: the site's files grouped as an academic thinks of them, the
// open document's text, and its live preview rendered through the site's own
// layouts.
#pragma once

#include "preview/previewsite.h"
#include "preview/previewview.h"

#include <QMainWindow>

class QAction;
class QLineEdit;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;
class QWebEngineView;

namespace folio::editor {
class MarkdownEditor;
class FrontMatterForm;
}

namespace folio::app {

class DiagnosticsPanel;
class SiteSearchPanel;
class DocumentSession;
class Authoring;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow();
    ~MainWindow() override;

    bool openSite(const QString &directory);
    bool openDocument(const QString &path);
    QString currentDocument() const { return m_current; }
    editor::MarkdownEditor *editor() const { return m_editor; }
    editor::FrontMatterForm *frontMatterForm() const { return m_form; }
    preview::PreviewView *previewView() const { return m_preview; }
    QTreeWidget *siteTree() const { return m_tree; }
    // Opens the document with the cursor at the start of `line` (1-based).
    bool openDocumentAt(const QString &path, int line);
    DiagnosticsPanel *diagnosticsPanel() const { return m_diagnostics; }
    // The open document's saving, autosave, recovery and disk watching.
    DocumentSession *session() const { return m_session; }
    Authoring *authoring() const { return m_authoring; }
    QAction *publishAction() const { return m_publishAction; }
    SiteSearchPanel *siteSearchPanel() const { return m_siteSearch; }
    void publish(); // the Publish dialog, started at once

Q_SIGNALS:
    // A site was loaded (its absolute folder).
    void siteOpened(const QString &directory);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildSiteTree();
    void filterTree(const QString &text);
    void refreshPreview();
    bool save();
    bool maybeSave();
    void openSiteDialog();
    void setupPublishing(); // publishwiring.cpp: Site menu, toolbar, Diagnostics dock
    void connectPreview();  // previewwiring.cpp: links, blocked requests, scroll sync, reloads
    void setupSiteSearch(); // sitesearchwiring.cpp: Edit menu, Find in Site dock, spelling language
    // The layout the user left (geometry, docks and toolbars, both splitters),
    // kept in QSettings under window/: saved on closing, restored on starting.
    void saveLayout() const;
    void restoreLayout();

    preview::PreviewSite m_site;
    QString m_siteDir, m_current; // m_current mirrors m_session->path()
    QTreeWidget *m_tree;
    QLineEdit *m_filter;
    editor::MarkdownEditor *m_editor;
    editor::FrontMatterForm *m_form = nullptr; // above the editor; edits its document
    preview::PreviewView *m_preview;
    QSplitter *m_splitter;       // tree | form and editor | preview
    QSplitter *m_editorSplitter; // the form above the text it edits
    DiagnosticsPanel *m_diagnostics = nullptr;
    SiteSearchPanel *m_siteSearch = nullptr;
    QAction *m_publishAction = nullptr;
    DocumentSession *m_session = nullptr;
    Authoring *m_authoring = nullptr;
};

} // namespace folio::app
