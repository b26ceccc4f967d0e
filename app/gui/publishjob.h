// Publishing: the whole site built by the engine into its output folder on a
// worker thread, so the window stays responsive; progress is reported back on
// the GUI thread and a cancel stops the build between jobs.
#pragma once

#include "site/core/diagnostic.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <vector>

class QThread;

namespace folio::app {

// What one publish did, shown in the summary.
struct PublishSummary final {
    QString source, destination;
    bool cancelled = false;
    QString fatalError;       // the build could not start (e.g. the output folder is refused)
    int pages = 0;            // pages and documents written
    int staticFiles = 0;      // copied
    int failed = 0;           // not written because of errors
    int files = 0;            // files in the output from this build (also source maps)
    int changed = 0;          // of which the bytes changed
    int removed = 0;          // stale files of an earlier build removed
    int errors = 0, warnings = 0;
    double seconds = 0;
    std::vector<site::Diagnostic> diagnostics;

    bool ok() const { return !cancelled && fatalError.isEmpty() && errors == 0; }
};

// The per-site output folder: a setting keyed by the site's path, SITE/_site
// when none was chosen.
QString publishOutputFolder(const QString &siteDir);
void setPublishOutputFolder(const QString &siteDir, const QString &folder);

class PublishJob final : public QObject
{
    Q_OBJECT

public:
    PublishJob(QString siteDir, QString destination, QObject *parent = nullptr);
    ~PublishJob() override; // cancels and waits for a running build

    void start();
    void cancel();
    bool isRunning() const;
    const PublishSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    void runBuild(); // on the worker thread

    PublishSummary m_summary;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_lastPercent{-1};
    QThread *m_thread = nullptr;
};

} // namespace folio::app
