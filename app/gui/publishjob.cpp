#include "publishjob.h"

#include "site/build/builder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QThread>

namespace folio::app {

namespace {

QString settingsKey(const QString &siteDir)
{
    // QSettings treats '/' as a group separator; the path is one key.
    QString key = QFileInfo(siteDir).absoluteFilePath();
    key.replace(QLatin1Char('/'), QLatin1Char('|'));
    return QStringLiteral("publish/output/") + key;
}

} // namespace

QString publishOutputFolder(const QString &siteDir)
{
    const QString stored = QSettings().value(settingsKey(siteDir)).toString();
    return stored.isEmpty() ? QDir(siteDir).filePath(QStringLiteral("_site")) : stored;
}

void setPublishOutputFolder(const QString &siteDir, const QString &folder)
{
    QSettings settings;
    if (folder.isEmpty() || QFileInfo(folder).absoluteFilePath() == QDir(siteDir).filePath(QStringLiteral("_site")))
        settings.remove(settingsKey(siteDir));
    else
        settings.setValue(settingsKey(siteDir), QFileInfo(folder).absoluteFilePath());
}

PublishJob::PublishJob(QString siteDir, QString destination, QObject *parent) : QObject(parent)
{
    m_summary.source = QFileInfo(siteDir).absoluteFilePath();
    m_summary.destination = QFileInfo(destination).absoluteFilePath();
}

PublishJob::~PublishJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void PublishJob::start()
{
    if (m_thread)
        return;
    m_cancel = false;
    m_thread = QThread::create([this] { runBuild(); });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished();
    });
    m_thread->start();
}

void PublishJob::cancel()
{
    m_cancel = true;
}

bool PublishJob::isRunning() const
{
    return m_thread != nullptr;
}

// Mirrors `folio-cli build`: load the site (production, as GitHub Pages
// builds it), refuse an output folder that is or holds the source, render
// everything through the DiskWriter, which writes inside the output only.
void PublishJob::runBuild()
{
    using namespace folio::site;
    QElapsedTimer timer;
    timer.start();
    DiagnosticSink sink;
    PublishSummary &s = m_summary;
    auto site = build::loadSite(s.source, model::BuildOptions{}, sink);
    if (m_cancel) {
        s.cancelled = true;
    } else {
        build::DiskWriter writer(s.destination, site->sourceDir(), site->config().keepFiles());
        if (auto prepared = writer.prepare(); !prepared) {
            s.fatalError = prepared.error();
        } else {
            build::Renderer renderer(*site, sink);
            build::Builder builder(*site, renderer, writer, sink);
            builder.setCancelFlag(&m_cancel);
            builder.setProgress([this](int done, int total) {
                // One signal per percent: a big site has thousands of jobs.
                const int percent = total ? done * 100 / total : 100;
                if (percent != m_lastPercent.exchange(percent) || done == total)
                    Q_EMIT progress(done, total);
            });
            const build::BuildStats stats = builder.run();
            s.cancelled = m_cancel.load();
            s.pages = stats.documents;
            s.staticFiles = stats.staticFiles;
            s.failed = stats.failed;
            s.changed = writer.written();
            s.files = writer.written() + writer.unchanged();
            s.removed = int(writer.removed().size());
        }
    }
    s.diagnostics = sink.take();
    for (const Diagnostic &d : s.diagnostics)
        (d.severity == Severity::Error ? s.errors : s.warnings)++;
    s.seconds = double(timer.nsecsElapsed()) / 1e9;
}

} // namespace folio::app
