#include "diagnosticspanel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>

namespace folio::app {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kLineRole = Qt::UserRole + 2;

QString location(const site::Diagnostic &d)
{
    // A diagnostic about no file in particular (e.g. the output folder).
    QString text = d.file.isEmpty() ? DiagnosticsPanel::tr("(site)") : d.file;
    if (d.line > 0)
        text += QLatin1Char(':') + QString::number(d.line);
    if (d.line > 0 && d.column > 0)
        text += QLatin1Char(':') + QString::number(d.column);
    return text;
}

} // namespace

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent) : QDockWidget(tr("Diagnostics"), parent), m_list(new QTreeWidget)
{
    setObjectName(QStringLiteral("diagnosticsDock"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Location"), tr("Message")});
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    setWidget(m_list);
    connect(m_list, &QTreeWidget::itemActivated, this, &DiagnosticsPanel::activate);
    connect(m_list, &QTreeWidget::itemClicked, this, &DiagnosticsPanel::activate);
    rebuild();
}

void DiagnosticsPanel::setSiteDir(const QString &siteDir)
{
    m_siteDir = QFileInfo(siteDir).absoluteFilePath();
    m_site.clear();
    m_document.clear();
    m_documentPath.clear();
    rebuild();
}

void DiagnosticsPanel::setSiteDiagnostics(const std::vector<site::Diagnostic> &diagnostics)
{
    m_site = diagnostics;
    rebuild();
}

void DiagnosticsPanel::setDocumentDiagnostics(const QString &documentPath,
                                              const std::vector<site::Diagnostic> &diagnostics)
{
    m_documentPath = documentPath;
    m_document = diagnostics;
    rebuild();
}

void DiagnosticsPanel::clear()
{
    m_site.clear();
    m_document.clear();
    rebuild();
}

QStringList DiagnosticsPanel::rows() const
{
    QStringList out;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            out << group->child(i)->text(0) + QStringLiteral(": ") + group->child(i)->text(1);
    }
    return out;
}

void DiagnosticsPanel::rebuild()
{
    m_list->clear();
    if (!m_documentPath.isEmpty())
        addGroup(tr("Open document: %1").arg(QFileInfo(m_documentPath).fileName()), m_document);
    addGroup(tr("Site"), m_site);
    m_list->expandAll();
    int errors = 0, warnings = 0;
    for (const auto *items : {&m_site, &m_document})
        for (const site::Diagnostic &d : *items)
            (d.severity == site::Severity::Error ? errors : warnings)++;
    setWindowTitle(errors + warnings == 0 ? tr("Diagnostics")
                                          : tr("Diagnostics (%1 errors, %2 warnings)").arg(errors).arg(warnings));
}

void DiagnosticsPanel::addGroup(const QString &title, const std::vector<site::Diagnostic> &items)
{
    auto *group = new QTreeWidgetItem(m_list, {title, items.empty() ? tr("No problems") : QString()});
    group->setFlags(Qt::ItemIsEnabled);
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const site::Diagnostic &d : items) {
        auto *item = new QTreeWidgetItem(group, {location(d), d.message});
        const bool error = d.severity == site::Severity::Error;
        item->setIcon(0, error ? errorIcon : warningIcon);
        item->setToolTip(0, error ? tr("Error") : tr("Warning"));
        item->setToolTip(1, d.snippet.isEmpty() ? d.message : d.message + QStringLiteral("\n\n") + d.snippet);
        item->setData(0, kPathRole, d.file.isEmpty() ? QString() : absolutePath(d.file));
        item->setData(0, kLineRole, d.line);
    }
}

void DiagnosticsPanel::activate(QTreeWidgetItem *item)
{
    const QString path = item ? item->data(0, kPathRole).toString() : QString();
    if (!path.isEmpty())
        Q_EMIT openRequested(path, item->data(0, kLineRole).toInt());
}

QString DiagnosticsPanel::absolutePath(const QString &file) const
{
    if (QFileInfo(file).isAbsolute() || m_siteDir.isEmpty())
        return QDir::cleanPath(file);
    return QDir::cleanPath(m_siteDir + QLatin1Char('/') + file);
}

} // namespace folio::app
