#include "documentsession.h"

#include "editor/markdowneditor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

namespace folio::app {

namespace {

constexpr int kDefaultAutosaveMs = 3000;
// Editors that save by writing a new file and renaming it over the old one
// make the watcher see a deletion first; the check waits for the dust to settle.
constexpr int kDiskSettleMs = 150;

// The editor's text as the file holds it: the text the preview renders too
// (editor::documentText), with the file's own byte-order mark and line ends.
QString fileText(const QPlainTextEdit *editor, bool crlf, bool bom = false)
{
    QString text = editor::documentText(editor->document());
    // QTextDocument drops a leading byte-order mark; the file keeps its own.
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (bom)
        text.prepend(QChar(0xFEFF));
    if (crlf)
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    return text;
}

// QTextDocument reads "\r\n" as one line end and gives back "\n", so a CRLF
// file is remembered as such and written back with CRLF.
bool usesCrlf(const QByteArray &bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    return newline > 0 && bytes.at(newline - 1) == '\r';
}

} // namespace

DocumentSession::DocumentSession(QPlainTextEdit *editor, QWidget *window)
    : QObject(window), m_editor(editor), m_window(window), m_watcher(new QFileSystemWatcher(this))
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kDefaultAutosaveMs);
    m_diskCheck.setSingleShot(true);
    m_diskCheck.setInterval(kDiskSettleMs);
    connect(&m_autosave, &QTimer::timeout, this, &DocumentSession::autosave);
    connect(&m_diskCheck, &QTimer::timeout, this, &DocumentSession::checkDisk);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, &DocumentSession::scheduleAutosave);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        // Undoing back to the saved text leaves nothing to recover.
        if (!modified && isOpen() && !m_loading) {
            m_autosave.stop();
            m_store.remove(m_path);
        }
        updateTitle();
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentSession::onFileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &DocumentSession::onFileChanged);
}

// A recovery copy left behind is deliberate: the window going away without
// closeEvent (a crash, a kill) is exactly when it is needed.
DocumentSession::~DocumentSession() = default;

bool DocumentSession::isModified() const { return m_editor->document()->isModified(); }

void DocumentSession::setSiteDirectory(const QString &directory)
{
    const QString absolute = directory.isEmpty() ? QString() : QFileInfo(directory).absoluteFilePath();
    if (absolute != m_siteDir && isOpen())
        close();
    m_siteDir = absolute;
    updateTitle();
}

bool DocumentSession::open(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_window, tr("Folio"), tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    m_autosave.stop();
    m_path = QFileInfo(path).absoluteFilePath();
    m_disk = FileFingerprint::ofBytes(bytes, QFileInfo(path).lastModified());
    m_crlf = usesCrlf(bytes);
    m_bom = bytes.startsWith("\xEF\xBB\xBF");
    m_loading = true;
    m_editor->setPlainText(QString::fromUtf8(bytes));
    m_editor->document()->setModified(false);
    m_loading = false;
    watch();
    updateTitle();
    Q_EMIT documentChanged(m_path);
    return true;
}

void DocumentSession::close()
{
    if (isOpen() && !isModified())
        m_store.remove(m_path);
    m_autosave.stop();
    m_path.clear();
    m_disk = {};
    m_crlf = false;
    m_loading = true;
    m_editor->clear();
    m_editor->document()->setModified(false);
    m_loading = false;
    watch();
    updateTitle();
    Q_EMIT documentChanged(QString());
}

bool DocumentSession::save()
{
    if (!isOpen())
        return true;
    const QByteArray bytes = fileText(m_editor, m_crlf, m_bom).toUtf8();
    const QFileInfo info(m_path);
    // A document restored after its file was deleted may need its folder back.
    QDir().mkpath(info.absolutePath());
    QSaveFile out(m_path);
    bool ok = out.open(QIODevice::WriteOnly);
    // QSaveFile writes a new file and renames it over the old one; the new
    // file must keep the old one's permissions (a group-readable page, an
    // executable script).
    if (ok && info.exists())
        out.setPermissions(QFile::permissions(m_path));
    ok = ok && out.write(bytes) == bytes.size() && out.commit();
    if (!ok) {
        QMessageBox::warning(m_window, tr("Folio"),
                             tr("Cannot save %1: %2. The text is still in the editor and in the recovery folder; "
                                "free some space or fix the folder's permissions, then save again.")
                                 .arg(m_path, out.errorString()));
        autosave();
        return false;
    }
    m_disk = FileFingerprint::ofBytes(bytes, QFileInfo(m_path).lastModified());
    m_autosave.stop();
    m_editor->document()->setModified(false);
    m_store.remove(m_path);
    watch();
    Q_EMIT saved(m_path);
    Q_EMIT message(tr("Saved %1").arg(info.fileName()));
    return true;
}

bool DocumentSession::maybeSave()
{
    if (!isOpen() || !isModified())
        return true;
    switch (ask(Question::SaveChanges)) {
    case Answer::Save:
        return save();
    case Answer::Discard:
        m_autosave.stop();
        m_store.remove(m_path);
        m_editor->document()->setModified(false);
        return true;
    default:
        return false;
    }
}

QString DocumentSession::offerRecovery()
{
    // Reloading the same site (after a new post, a rename) asks nothing again.
    if (m_offeredFor == m_siteDir && !m_siteDir.isEmpty())
        return {};
    m_offeredFor = m_siteDir;
    QList<RecoveryEntry> entries;
    for (const RecoveryEntry &entry : m_store.entries(m_siteDir)) {
        // Text identical to the file (saved by another window since) has
        // nothing left to recover.
        QFile file(entry.path);
        if (file.open(QIODevice::ReadOnly) && QString::fromUtf8(file.readAll()).remove(QLatin1Char('\r')) == entry.text)
            m_store.remove(entry.path);
        else if (entry.path != m_path)
            entries << entry;
    }
    if (entries.isEmpty())
        return {};
    const QList<RecoveryDecision> decisions = m_chooser ? m_chooser(entries) : chooseWithDialog(entries);
    QString restored;
    for (const RecoveryDecision &decision : decisions) {
        if (decision.action == RecoveryDecision::Action::Discard) {
            m_store.remove(decision.path);
        } else if (decision.action == RecoveryDecision::Action::Restore && restored.isEmpty()) {
            const auto entry = std::find_if(entries.cbegin(), entries.cend(),
                                            [&](const RecoveryEntry &e) { return e.path == decision.path; });
            if (entry != entries.cend()) {
                restore(*entry);
                restored = entry->path;
            }
        }
    }
    return restored;
}

QList<RecoveryDecision> DocumentSession::chooseWithDialog(const QList<RecoveryEntry> &entries) const
{
    RecoveryDialog dialog(entries, m_siteDir, m_window);
    dialog.exec();
    return dialog.decisions();
}

// The recovered text replaces the file's in the editor as one undoable edit,
// so the document is modified and Undo shows what the file holds; nothing is
// written to the file until the user saves.
void DocumentSession::restore(const RecoveryEntry &entry)
{
    if (QFileInfo::exists(entry.path) && open(entry.path)) {
        replaceText(entry.text);
    } else {
        m_autosave.stop();
        m_path = entry.path;
        m_disk = {};
        m_crlf = false;
        m_editor->setPlainText(entry.text);
        m_editor->document()->setModified(true);
        watch();
        updateTitle();
        Q_EMIT documentChanged(m_path);
    }
    m_editor->document()->setModified(true);
    updateTitle();
    Q_EMIT message(tr("Restored unsaved text of %1; save to keep it").arg(QFileInfo(entry.path).fileName()));
}

DocumentSession::Answer DocumentSession::ask(Question question) const
{
    return m_decider ? m_decider(question, m_path) : askWithMessageBox(question, m_path);
}

DocumentSession::Answer DocumentSession::askWithMessageBox(Question question, const QString &path) const
{
    const QString name = QFileInfo(path).fileName();
    if (question == Question::SaveChanges) {
        const auto answer = QMessageBox::question(m_window, tr("Folio"), tr("%1 has unsaved changes. Save them?").arg(name),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        return answer == QMessageBox::Save ? Answer::Save : answer == QMessageBox::Discard ? Answer::Discard : Answer::Cancel;
    }
    QMessageBox box(QMessageBox::Warning, tr("Folio"),
                    tr("%1 was changed on disk by another program, and you have unsaved changes.").arg(name),
                    QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("Keep your text (saving will overwrite the other program's changes), "
                              "or load the file as it is on disk (your changes can be undone back)."));
    QPushButton *mine = box.addButton(tr("&Keep Mine"), QMessageBox::RejectRole);
    box.addButton(tr("&Load Theirs"), QMessageBox::AcceptRole);
    box.setDefaultButton(mine);
    box.exec();
    return box.clickedButton() == mine ? Answer::KeepMine : Answer::LoadTheirs;
}

void DocumentSession::scheduleAutosave()
{
    if (isOpen() && isModified() && !m_autosave.isActive())
        m_autosave.start();
}

void DocumentSession::autosave()
{
    if (!isOpen() || !isModified())
        return;
    if (!m_store.write(m_path, fileText(m_editor, false), m_disk))
        Q_EMIT message(tr("Cannot write the recovery copy to %1").arg(m_store.folder()));
}

// Replaces the whole text as one undoable edit, keeping the cursor and the
// scroll position where they were as far as the new text allows.
void DocumentSession::replaceText(const QString &text)
{
    const int position = m_editor->textCursor().position();
    const int scroll = m_editor->verticalScrollBar()->value();
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    cursor.setPosition(qMin(position, m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(cursor);
    m_editor->verticalScrollBar()->setValue(scroll);
}

// Watches the file and its folder: the folder tells when a deleted or
// replaced file comes back, since inotify forgets a path once its inode goes.
void DocumentSession::watch()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!isOpen())
        return;
    if (QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
    const QString folder = QFileInfo(m_path).absolutePath();
    if (QFileInfo::exists(folder))
        m_watcher->addPath(folder);
}

void DocumentSession::onFileChanged()
{
    if (isOpen())
        m_diskCheck.start();
}

void DocumentSession::checkDisk()
{
    if (!isOpen() || m_asking)
        return;
    const QFileInfo info(m_path);
    if (!info.exists()) {
        if (m_disk.exists) {
            m_disk = {};
            m_editor->document()->setModified(true);
            updateTitle();
            autosave();
            Q_EMIT deletedOnDisk(m_path);
            Q_EMIT message(tr("%1 was deleted on disk; its text stays here, unsaved").arg(info.fileName()));
        }
        return;
    }
    if (!m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
    // Always by content: mtime has the kernel's coarse granularity, and two
    // writes of the same size in one tick would look unchanged.
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray bytes = file.readAll();
    const FileFingerprint now = FileFingerprint::ofBytes(bytes, info.lastModified());
    if (now.sameContent(m_disk)) {
        m_disk = now;
        return;
    }
    if (isModified()) {
        m_asking = true;
        const Answer answer = ask(Question::ChangedOnDisk);
        m_asking = false;
        if (answer != Answer::LoadTheirs) {
            // Theirs is now the version this text will overwrite on save.
            m_disk = now;
            autosave();
            m_diskCheck.start();   // it may have changed again while we asked
            return;
        }
    }
    m_disk = now;
    m_crlf = usesCrlf(bytes);
    m_bom = bytes.startsWith("\xEF\xBB\xBF");
    replaceText(QString::fromUtf8(bytes));
    m_editor->document()->setModified(false);
    m_store.remove(m_path);
    updateTitle();
    Q_EMIT reloaded(m_path);
    Q_EMIT message(tr("Reloaded %1: it was changed on disk").arg(info.fileName()));
}

void DocumentSession::updateTitle()
{
    if (!m_window)
        return;
    const QString site = QFileInfo(m_siteDir).fileName();
    if (isOpen()) {
        const QString name = QFileInfo(m_path).fileName();
        m_window->setWindowTitle(site.isEmpty() ? tr("%1[*] — Folio").arg(name) : tr("%1[*] — %2 — Folio").arg(name, site));
        m_window->setWindowModified(isModified());
    } else {
        m_window->setWindowModified(false);
        m_window->setWindowTitle(site.isEmpty() ? tr("Folio") : tr("%1 — Folio").arg(site));
    }
}

} // namespace folio::app
