#include "gitdialog.h"

#include "publishjob.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace folio::app {

PagesWarningsDialog::PagesWarningsDialog(const std::vector<PagesWarning> &warnings, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget)
{
    setWindowTitle(tr("GitHub Pages Will Render This Differently"));
    auto *intro = new QLabel(tr("GitHub Pages builds the pushed sources with its own Jekyll, not with Folio. "
                                "These parts of the site will look different there:"));
    intro->setWordWrap(true);
    const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const PagesWarning &w : warnings) {
        const QString where = w.line > 0 ? QStringLiteral("%1:%2").arg(w.file).arg(w.line) : w.file;
        auto *item = new QListWidgetItem(icon, where + QStringLiteral(": ") + w.message, m_list);
        item->setToolTip(w.message);
    }
    m_list->setWordWrap(true);
    auto *hint = new QLabel(tr("To publish exactly what Folio shows, commit the built site to a branch "
                               "(such as gh-pages) and let GitHub Pages serve that branch."));
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(tr("Push Anyway"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(720, 400);
}

GitDialog::GitDialog(const QString &siteDir, QWidget *parent)
    : QDialog(parent), m_siteDir(QFileInfo(siteDir).absoluteFilePath()), m_repo(new GitRepository(siteDir, this)),
      m_sources(new QRadioButton(tr("Commit the site's &sources"))),
      m_output(new QRadioButton(tr("Commit the &built site to branch:"))), m_branch(new QLineEdit),
      m_message(new QLineEdit), m_push(new QCheckBox(tr("&Push to the remote"))), m_log(new QPlainTextEdit),
      m_commit(new QPushButton(tr("&Commit")))
{
    setWindowTitle(tr("Git"));
    m_sources->setChecked(true);
    m_branch->setText(QSettings().value(QStringLiteral("publish/branch"), QStringLiteral("gh-pages")).toString());
    m_message->setPlaceholderText(tr("What changed"));
    m_message->setText(tr("Update the site"));
    m_push->setEnabled(false);
    m_push->setToolTip(tr("Looking for a remote…"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);

    auto *branchRow = new QHBoxLayout;
    branchRow->addWidget(m_output);
    branchRow->addWidget(m_branch, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Message:"), m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_commit, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sources);
    layout->addLayout(branchRow);
    layout->addLayout(form);
    layout->addWidget(m_push);
    layout->addWidget(m_log, 1);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(m_sources, &QRadioButton::toggled, this, &GitDialog::updateState);
    connect(m_commit, &QPushButton::clicked, this, &GitDialog::commit);
    connect(m_repo, &GitRepository::logged, this, &GitDialog::appendLog);
    connect(m_repo, &GitRepository::remotesListed, this, [this](const QStringList &remotes, const QString &error) {
        m_remotes = remotes;
        m_push->setEnabled(!remotes.isEmpty());
        m_push->setChecked(!remotes.isEmpty());
        m_push->setToolTip(remotes.isEmpty() ? (error.isEmpty() ? tr("No remote is set") : error)
                                             : tr("Push to %1").arg(remotes.join(QStringLiteral(", "))));
    });
    connect(m_repo, &GitRepository::finished, this, [this](const GitResult &result) {
        appendLog((result.ok ? QString() : tr("Failed: ")) + result.message + QLatin1Char('\n'));
        updateState();
        Q_EMIT done(result);
    });
    m_repo->listRemotes();
    updateState();
}

void GitDialog::setMode(Mode mode)
{
    (mode == Mode::Sources ? m_sources : m_output)->setChecked(true);
}

GitDialog::Mode GitDialog::mode() const
{
    return m_sources->isChecked() ? Mode::Sources : Mode::Output;
}

void GitDialog::setMessage(const QString &message)
{
    m_message->setText(message);
}

void GitDialog::setBranch(const QString &branch)
{
    m_branch->setText(branch);
}

void GitDialog::setPush(bool push)
{
    m_push->setChecked(push);
}

QString GitDialog::logText() const
{
    return m_log->toPlainText();
}

void GitDialog::commit()
{
    if (m_repo->isBusy())
        return;
    const QString message = m_message->text().trimmed().isEmpty() ? tr("Update the site") : m_message->text().trimmed();
    const QString outputFolder = publishOutputFolder(m_siteDir);
    const bool push = m_push->isChecked() && !m_remotes.isEmpty();
    if (mode() == Mode::Sources) {
        if (push) {
            const auto warnings = githubPagesWarnings(m_siteDir, outputFolder);
            if (!warnings.empty()) {
                const bool go = m_confirm ? m_confirm(warnings) : PagesWarningsDialog(warnings, this).exec() == QDialog::Accepted;
                if (!go) {
                    appendLog(tr("Not pushed: %n GitHub Pages warning(s) not confirmed.\n", nullptr, int(warnings.size())));
                    return;
                }
            }
        }
        m_commit->setEnabled(false);
        m_repo->commitSources(message, push, outputFolder);
    } else {
        QSettings().setValue(QStringLiteral("publish/branch"), m_branch->text().trimmed());
        m_commit->setEnabled(false);
        m_repo->commitOutput(outputFolder, m_branch->text().trimmed(), message, push);
    }
}

void GitDialog::updateState()
{
    m_branch->setEnabled(m_output->isChecked());
    m_commit->setEnabled(!m_repo->isBusy());
}

void GitDialog::appendLog(const QString &text)
{
    m_log->moveCursor(QTextCursor::End);
    m_log->insertPlainText(text);
    m_log->moveCursor(QTextCursor::End);
}

} // namespace folio::app
