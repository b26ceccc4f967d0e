// The Publish dialog: the output folder (a per-site setting), a progress bar
// and Cancel while the engine builds, then a summary with "Open folder".
#pragma once

#include "publishjob.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace folio::app {

class PublishDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PublishDialog(const QString &siteDir, QWidget *parent = nullptr);

    // Names the open document when it has unsaved changes: the build reads
    // the files on disk, so the dialog says its edits are not published.
    void setUnsavedDocument(const QString &name);

    QString outputFolder() const;
    void setOutputFolder(const QString &folder); // also stored as the site's setting
    bool isRunning() const { return m_job && m_job->isRunning(); }
    const PublishJob *job() const { return m_job; }
    QProgressBar *progressBar() const { return m_progress; }
    QString summaryText() const;
    QPushButton *openFolderButton() const { return m_openFolder; }
    QPushButton *cancelButton() const { return m_cancel; }

public Q_SLOTS:
    void publish();
    void cancel();

Q_SIGNALS:
    // After each publish (also cancelled or failed ones).
    void published(const folio::app::PublishSummary &summary);

protected:
    void reject() override;

private:
    void chooseFolder();
    void showSummary(const PublishSummary &summary);
    void setRunning(bool running);

    QString m_siteDir;
    QLineEdit *m_folder;
    QPushButton *m_browse, *m_publish, *m_cancel, *m_openFolder, *m_close;
    QLabel *m_unsaved, *m_status;
    QProgressBar *m_progress;
    PublishJob *m_job = nullptr;
};

} // namespace folio::app
