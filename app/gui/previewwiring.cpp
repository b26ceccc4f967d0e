// The window's side of the live preview: links followed in the preview open
// their documents, saved layouts/includes/config/data/Sass reload the site,
// scrolling the editor scrolls the preview, and what the preview blocked or
// could not render is told in the status bar.
#include "mainwindow.h"

#include "editor/markdowneditor.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QScrollBar>
#include <QStatusBar>
#include <QTextDocument>

namespace folio::app {

void MainWindow::connectPreview()
{
    connect(m_preview, &preview::PreviewView::documentActivated, this, [this](const QString &path) { openDocument(path); });
    connect(m_preview, &preview::PreviewView::externalLinkActivated, this, [](const QUrl &url) {
        QDesktopServices::openUrl(url); // the user's browser, not the offline preview
    });
    connect(m_preview, &preview::PreviewView::requestBlocked, this, [this](const QUrl &url) {
        statusBar()->showMessage(tr("The preview works offline and blocked %1").arg(url.toDisplayString()), 8000);
    });
    connect(m_preview, &preview::PreviewView::renderFailed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    // Saving marks the text unmodified: a saved layout, include, config,
    // data or Sass file rebuilds the preview's site.
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified && !m_current.isEmpty() && m_preview->fileSaved(m_current))
            statusBar()->showMessage(tr("%1 changed: the preview shows the site rebuilt").arg(QFileInfo(m_current).fileName()), 5000);
    });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_current.isEmpty())
            m_preview->scrollToSourceLine(m_editor->firstVisibleLine());
    });
}

} // namespace folio::app
