// The window's share of the editor features: Edit > Find / Replace (the
// editor's own bar), Edit > Find in Site (Ctrl+Shift+F, a dock), the spelling
// dictionary from the site's locale, and the editor's notices in the status
// bar. A MainWindow member so mainwindow.cpp only calls it.
#include "mainwindow.h"
#include "menus.h"

#include "sitesearchpanel.h"

#include "editor/findbar.h"
#include "editor/markdowneditor.h"

#include <QAction>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextDocument>

namespace folio::app {

namespace {

// The spelling language a site asks for: `locale` (academicpages: "en-US"),
// else `lang`; empty lets the editor use the system's.
QString siteLanguage(const site::model::Site *site)
{
    if (!site)
        return {};
    for (const char *key : {"locale", "lang"}) {
        const std::string value = site->config().value(key).toString();
        if (!value.empty())
            return QString::fromStdString(value);
    }
    return {};
}

} // namespace

void MainWindow::setupSiteSearch()
{
    m_siteSearch = new SiteSearchPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_siteSearch);
    m_siteSearch->hide();
    m_siteSearch->setContextProvider([this] {
        SiteSearchPanel::Context context;
        context.siteDir = m_siteDir;
        if (m_site.site()) {
            const std::string destination = m_site.site()->config().value("destination").toString();
            if (!destination.empty())
                context.outputDirs << QString::fromStdString(destination);
        }
        if (!m_current.isEmpty())
            context.open = {m_current, m_editor->document()};
        return context;
    });
    connect(m_siteSearch, &SiteSearchPanel::openRequested, this, &MainWindow::openDocumentAt);
    connect(m_siteSearch, &SiteSearchPanel::filesChanged, this, [this] {
        // Layouts, includes or data may have changed: the preview follows.
        if (!m_siteDir.isEmpty())
            m_preview->showDocument(m_current);
    });

    QMenu *edit = menuNamed(menuBar(), tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"), this, [this] { m_editor->findBar()->activate(false); });
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetShortcut); // the editor's own Ctrl+F handles the key
    QAction *replace = edit->addAction(tr("&Replace…"), this, [this] { m_editor->findBar()->activate(true); });
    replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    replace->setShortcutContext(Qt::WidgetShortcut);
    QAction *findInSite = edit->addAction(tr("Find in &Site…"), this, [this] {
        m_siteSearch->activate(m_editor->textCursor().selectedText());
    });
    findInSite->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    findInSite->setShortcutContext(Qt::WindowShortcut);

    connect(m_editor, &editor::MarkdownEditor::notice, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(this, &MainWindow::siteOpened, this, [this] { m_editor->setSpellLanguage(siteLanguage(m_site.site())); });
}

} // namespace folio::app
