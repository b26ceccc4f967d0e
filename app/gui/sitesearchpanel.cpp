#include "sitesearchpanel.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace folio::app {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kLineRole = Qt::UserRole + 2;
// Characters of context shown before a match in a long line.
constexpr int kContextBefore = 40;
constexpr int kContextWidth = 160;

QString contextOf(const SiteMatch &m)
{
    const int from = qMax(0, m.column - kContextBefore);
    QString text = m.lineText.mid(from, kContextWidth);
    if (from > 0)
        text.prepend(QStringLiteral("…"));
    if (from + kContextWidth < m.lineText.size())
        text.append(QStringLiteral("…"));
    return text.replace(QLatin1Char('\t'), QLatin1Char(' '));
}

} // namespace

SiteSearchPanel::SiteSearchPanel(QWidget *parent)
    : QDockWidget(tr("Find in Site"), parent), m_find(new QLineEdit), m_replace(new QLineEdit),
      m_case(new QCheckBox(tr("Match case"))), m_words(new QCheckBox(tr("Whole words"))),
      m_regex(new QCheckBox(tr("Regular expression"))), m_searchButton(new QPushButton(tr("Find"))),
      m_replaceButton(new QPushButton(tr("Replace All…"))), m_results(new QTreeWidget), m_status(new QLabel)
{
    setObjectName(QStringLiteral("siteSearch"));
    m_find->setPlaceholderText(tr("Find in every file of the site"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_results->setHeaderHidden(true);
    m_results->setUniformRowHeights(true);
    m_results->setRootIsDecorated(true);

    auto *content = new QWidget;
    auto *grid = new QGridLayout;
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(m_searchButton, 0, 1);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceButton, 1, 1);
    auto *boxes = new QHBoxLayout;
    boxes->addWidget(m_case);
    boxes->addWidget(m_words);
    boxes->addWidget(m_regex);
    boxes->addStretch();
    boxes->addWidget(m_status);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(grid);
    layout->addLayout(boxes);
    layout->addWidget(m_results, 1);
    setWidget(content);

    connect(m_find, &QLineEdit::returnPressed, this, &SiteSearchPanel::search);
    connect(m_searchButton, &QPushButton::clicked, this, &SiteSearchPanel::search);
    connect(m_replaceButton, &QPushButton::clicked, this, &SiteSearchPanel::confirmAndReplace);
    auto open = [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            Q_EMIT openRequested(path, qMax(1, item->data(0, kLineRole).toInt()));
    };
    connect(m_results, &QTreeWidget::itemDoubleClicked, this, open);
    connect(m_results, &QTreeWidget::itemActivated, this, open);
}

void SiteSearchPanel::activate(const QString &text)
{
    if (!text.isEmpty() && !text.contains(QChar::ParagraphSeparator))
        m_find->setText(text);
    show();
    raise();
    m_find->setFocus();
    m_find->selectAll();
}

void SiteSearchPanel::setFindText(const QString &text) { m_find->setText(text); }
void SiteSearchPanel::setReplaceText(const QString &text) { m_replace->setText(text); }

void SiteSearchPanel::setOptions(const editor::SearchOptions &options)
{
    m_case->setChecked(options.caseSensitive);
    m_words->setChecked(options.wholeWords);
    m_regex->setChecked(options.regularExpression);
}

editor::SearchOptions SiteSearchPanel::options() const
{
    return {m_case->isChecked(), m_words->isChecked(), m_regex->isChecked()};
}

int SiteSearchPanel::search()
{
    m_results->clear();
    const Context context = m_context ? m_context() : Context{};
    if (context.siteDir.isEmpty()) {
        m_status->setText(tr("Open a site first"));
        return 0;
    }
    if (m_find->text().isEmpty()) {
        m_status->clear();
        return 0;
    }
    const QRegularExpression pattern = editor::searchPattern(m_find->text(), options());
    if (!pattern.isValid()) {
        m_status->setText(tr("Invalid expression: %1").arg(pattern.errorString()));
        return 0;
    }
    const auto matches = SiteSearch::find(context.siteDir, pattern, context.open, 20000, context.outputDirs);
    showResults(matches, context.siteDir);
    return int(matches.size());
}

void SiteSearchPanel::showResults(const QList<SiteMatch> &matches, const QString &siteDir)
{
    const QDir root(siteDir);
    QTreeWidgetItem *fileItem = nullptr;
    int files = 0;
    for (const SiteMatch &m : matches) {
        const QString relative = root.relativeFilePath(m.path);
        if (!fileItem || fileItem->data(0, kPathRole).toString() != m.path) {
            fileItem = new QTreeWidgetItem(m_results, {relative});
            fileItem->setData(0, kPathRole, m.path);
            fileItem->setData(0, kLineRole, m.line);
            ++files;
        }
        auto *item = new QTreeWidgetItem(fileItem, {QStringLiteral("%1:%2: %3").arg(relative).arg(m.line).arg(contextOf(m))});
        item->setToolTip(0, m.lineText);
        item->setData(0, kPathRole, m.path);
        item->setData(0, kLineRole, m.line);
    }
    m_results->expandAll();
    m_status->setText(tr("%n match(es)", nullptr, int(matches.size())) + QStringLiteral(" · ")
                      + tr("%n file(s)", nullptr, files));
}

SiteSearch::ReplaceResult SiteSearchPanel::replaceAll()
{
    const Context context = m_context ? m_context() : Context{};
    SiteSearch::ReplaceResult result;
    if (context.siteDir.isEmpty() || m_find->text().isEmpty())
        return result;
    const QRegularExpression pattern = editor::searchPattern(m_find->text(), options());
    result = SiteSearch::replaceAll(context.siteDir, pattern, m_replace->text(), m_regex->isChecked(), context.open,
                                    context.outputDirs);
    search();
    QString status = tr("%n replacement(s)", nullptr, result.replacements) + QStringLiteral(" · ")
                     + tr("%n file(s) written", nullptr, int(result.changedFiles.size()));
    if (result.openDocumentChanged)
        status += QStringLiteral(" · ") + tr("the open document changed in the editor (not saved)");
    m_status->setText(status);
    if (!result.errors.isEmpty())
        QMessageBox::warning(this, tr("Replace All"),
                             tr("These files could not be written and were left as they were:\n%1")
                                 .arg(result.errors.join(QLatin1Char('\n'))));
    if (!result.changedFiles.isEmpty())
        Q_EMIT filesChanged(result.changedFiles);
    return result;
}

void SiteSearchPanel::confirmAndReplace()
{
    const int found = search();
    if (found == 0)
        return;
    QSet<QString> files;
    for (int i = 0; i < m_results->topLevelItemCount(); ++i)
        files.insert(m_results->topLevelItem(i)->data(0, kPathRole).toString());
    const auto answer = QMessageBox::question(
        this, tr("Replace All"),
        tr("Replace %n match(es)", nullptr, found) + QLatin1Char(' ')
            + tr("in %n file(s) with “%1”? The open document changes in the editor; other files are saved.", nullptr,
                 int(files.size()))
                  .arg(m_replace->text()));
    if (answer == QMessageBox::Yes)
        replaceAll();
}

} // namespace folio::app
