// MainWindow's publishing and diagnostics wiring, kept out of mainwindow.cpp
// (shared by several features): the Site menu and toolbar (Publish, Git), the
// Diagnostics dock and its View-menu toggle, and opening a file at a line.
#include "mainwindow.h"
#include "menus.h"

#include "diagnosticspanel.h"
#include "gitdialog.h"
#include "publishdialog.h"

#include "editor/markdowneditor.h"

#include <QAction>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QTextBlock>
#include <QToolBar>

namespace folio::app {

void MainWindow::setupPublishing()
{
    m_diagnostics = new DiagnosticsPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnostics);
    // A few rows by default: the editor and preview are what the window is for.
    resizeDocks({m_diagnostics}, {120}, Qt::Vertical);
    connect(m_diagnostics, &DiagnosticsPanel::openRequested, this, &MainWindow::openDocumentAt);

    QMenu *siteMenu = menuNamed(menuBar(), tr("&Site"));
    m_publishAction = siteMenu->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Publish…"), this,
                                          &MainWindow::publish);
    m_publishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_publishAction->setToolTip(tr("Build the whole site into its output folder (Ctrl+Shift+B)"));
    m_publishAction->setObjectName(QStringLiteral("publishAction"));
    QAction *git = siteMenu->addAction(tr("&Git…"), this, [this] {
        if (m_siteDir.isEmpty())
            return;
        auto *dialog = new GitDialog(m_siteDir, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    git->setToolTip(tr("Commit the sources or the built site with git"));

    QMenu *view = menuNamed(menuBar(), tr("&View"));
    view->addAction(m_diagnostics->toggleViewAction());

    QToolBar *toolbar = addToolBar(tr("Publish"));
    toolbar->setObjectName(QStringLiteral("publishToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // its icon alone reads as Save
    toolbar->addAction(m_publishAction);
}

void MainWindow::publish()
{
    if (m_siteDir.isEmpty()) {
        QMessageBox::information(this, tr("Folio"), tr("Open a site first."));
        return;
    }
    auto *dialog = new PublishDialog(m_siteDir, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_current.isEmpty() && m_editor->document()->isModified())
        dialog->setUnsavedDocument(QFileInfo(m_current).fileName());
    connect(dialog, &PublishDialog::published, this, [this](const PublishSummary &summary) {
        if (!summary.cancelled && summary.fatalError.isEmpty())
            m_diagnostics->setSiteDiagnostics(summary.diagnostics);
        if (summary.errors + summary.warnings > 0)
            m_diagnostics->show();
    });
    dialog->show();
    dialog->publish();
}

bool MainWindow::openDocumentAt(const QString &path, int line)
{
    if (!openDocument(path))
        return false;
    if (line > 0) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextCursor cursor(block);
            m_editor->setTextCursor(cursor);
            m_editor->centerCursor();
        }
    }
    m_editor->setFocus();
    return true;
}

} // namespace folio::app
