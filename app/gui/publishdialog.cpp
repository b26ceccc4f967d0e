#include "publishdialog.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace folio::app {

PublishDialog::PublishDialog(const QString &siteDir, QWidget *parent)
    : QDialog(parent), m_siteDir(QFileInfo(siteDir).absoluteFilePath()), m_folder(new QLineEdit),
      m_browse(new QPushButton(tr("Choose…"))), m_publish(new QPushButton(tr("&Publish"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_openFolder(new QPushButton(tr("&Open Folder"))),
      m_close(new QPushButton(tr("Close"))), m_unsaved(new QLabel), m_status(new QLabel),
      m_progress(new QProgressBar)
{
    setWindowTitle(tr("Publish %1").arg(QFileInfo(m_siteDir).fileName()));
    m_folder->setText(QDir::toNativeSeparators(publishOutputFolder(m_siteDir)));
    m_unsaved->setWordWrap(true);
    m_unsaved->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_openFolder->setEnabled(false);
    m_cancel->setEnabled(false);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Output folder:"), folderRow);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openFolder);
    buttons->addStretch(1);
    buttons->addWidget(m_publish);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_unsaved);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addLayout(buttons);
    resize(560, 220);

    connect(m_browse, &QPushButton::clicked, this, &PublishDialog::chooseFolder);
    connect(m_publish, &QPushButton::clicked, this, &PublishDialog::publish);
    connect(m_cancel, &QPushButton::clicked, this, &PublishDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &PublishDialog::reject);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(outputFolder())); });
}

void PublishDialog::setUnsavedDocument(const QString &name)
{
    m_unsaved->setText(tr("“%1” has unsaved changes: the site is built from the files on disk, so "
                          "those changes are not published until you save them.")
                           .arg(name));
    m_unsaved->setVisible(!name.isEmpty());
}

QString PublishDialog::outputFolder() const
{
    const QString text = QDir::fromNativeSeparators(m_folder->text().trimmed());
    return QFileInfo(QDir(m_siteDir), text).absoluteFilePath();
}

void PublishDialog::setOutputFolder(const QString &folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
    setPublishOutputFolder(m_siteDir, outputFolder());
}

QString PublishDialog::summaryText() const
{
    return m_status->text();
}

void PublishDialog::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Output Folder"), outputFolder());
    if (!dir.isEmpty())
        setOutputFolder(dir);
}

void PublishDialog::publish()
{
    if (isRunning())
        return;
    setPublishOutputFolder(m_siteDir, outputFolder());
    delete m_job;
    m_job = new PublishJob(m_siteDir, outputFolder(), this);
    connect(m_job, &PublishJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_job, &PublishJob::finished, this, [this] { showSummary(m_job->summary()); });
    m_progress->setRange(0, 0); // busy while the site loads
    m_status->setText(tr("Building the site…"));
    setRunning(true);
    m_job->start();
}

void PublishDialog::cancel()
{
    if (!isRunning())
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void PublishDialog::reject()
{
    // Closing while building cancels first: the job must not outlive the
    // dialog's wish to go away with half a site and no summary.
    if (isRunning()) {
        cancel();
        return;
    }
    QDialog::reject();
}

void PublishDialog::showSummary(const PublishSummary &s)
{
    setRunning(false);
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    QString text;
    if (!s.fatalError.isEmpty()) {
        text = tr("Nothing was published: %1").arg(s.fatalError);
    } else if (s.cancelled) {
        text = tr("Publishing was cancelled: %1 holds only part of the site (%n page(s) written so far). "
                  "Publish again to complete it.", nullptr, s.pages)
                   .arg(QDir::toNativeSeparators(s.destination));
    } else {
        m_progress->setValue(m_progress->maximum());
        // One fact a line: the output path can be long and has no spaces to wrap at.
        text = tr("Published %n page(s)", nullptr, s.pages) + QLatin1Char(' ')
               + tr("and %n static file(s) in %1 s", nullptr, s.staticFiles).arg(s.seconds, 0, 'f', 1)
               + QLatin1Char(' ') + tr("(%1 files, %2 changed).").arg(s.files).arg(s.changed) + QLatin1Char('\n')
               + tr("Output: %1").arg(QDir::toNativeSeparators(s.destination)) + QLatin1Char('\n');
        text += tr("%n error(s)", nullptr, s.errors) + QStringLiteral(", ")
                + tr("%n warning(s)", nullptr, s.warnings) + QLatin1Char('.');
        if (s.failed)
            text += QLatin1Char(' ') + tr("%n page(s) not written because of errors (see the Diagnostics panel).",
                                          nullptr, s.failed);
    }
    m_status->setText(text);
    m_openFolder->setEnabled(s.fatalError.isEmpty() && QFileInfo(s.destination).isDir());
    Q_EMIT published(s);
}

void PublishDialog::setRunning(bool running)
{
    m_publish->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_folder->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_close->setEnabled(!running);
    if (running)
        m_openFolder->setEnabled(false);
}

} // namespace folio::app
