// The open document and everything that keeps its text safe: atomic saves
// that keep the file's permissions, the window title's unsaved mark, the
// question before leaving unsaved text, autosave to the recovery folder while
// dirty, the offer to restore after a crash, and the file watched for changes
// made by other programs (reload when clean, ask when dirty, keep the text
// when the file is deleted).
//
// Every question goes through a Decider so tests (and scripted callers) answer
// without a blocking message box; the default shows one.
#pragma once

#include "recovery.h"

#include <QObject>
#include <QPlainTextEdit>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class QFileSystemWatcher;

class QWidget;

namespace folio::app {

class DocumentSession final : public QObject
{
    Q_OBJECT

public:
    enum class Question {
        SaveChanges,     // leaving a modified document: Save, Discard or Cancel
        ChangedOnDisk,   // modified here and changed on disk: KeepMine or LoadTheirs
    };
    enum class Answer { Save, Discard, Cancel, KeepMine, LoadTheirs };
    using Decider = std::function<Answer(Question, const QString &path)>;
    // Given the recovered entries of a site, what to do with each.
    using RecoveryChooser = std::function<QList<RecoveryDecision>(const QList<RecoveryEntry> &)>;

    // `window` gets the title and its modified mark; the session is its child.
    DocumentSession(QPlainTextEdit *editor, QWidget *window);
    ~DocumentSession() override;

    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    bool isModified() const;
    QPlainTextEdit *editor() const { return m_editor; }

    // The site folder: shown in the title, and the scope of recovery offers.
    // Another folder closes the open document (the caller asked maybeSave()).
    void setSiteDirectory(const QString &directory);
    // Loads `path` into the editor (the caller asked maybeSave() first).
    bool open(const QString &path);
    // Empties the editor, forgets the document and its recovery entry.
    void close();
    // Writes the editor's text to the file atomically; false (and a message)
    // on failure, the document staying modified.
    bool save();
    // When modified, asks Save / Discard / Cancel; true when it is safe to
    // leave the document (saved, or discarded: recovery entry removed).
    bool maybeSave();
    // Offers the recovery entries of the site folder (or of every site when
    // none is set), once per site folder opened; restores the chosen one into
    // the editor as unsaved. Returns the path restored, or empty.
    QString offerRecovery();

    void setDecider(Decider decider) { m_decider = std::move(decider); }
    void setRecoveryChooser(RecoveryChooser chooser) { m_chooser = std::move(chooser); }
    void setAutosaveInterval(int milliseconds) { m_autosave.setInterval(milliseconds); }
    int autosaveInterval() const { return m_autosave.interval(); }
    const RecoveryStore &recoveryStore() const { return m_store; }
    void setRecoveryStore(const RecoveryStore &store) { m_store = store; }

Q_SIGNALS:
    // A document was opened, closed, renamed (empty when none).
    void documentChanged(const QString &path);
    // The text was replaced from disk (another program changed the file).
    void reloaded(const QString &path);
    // The file vanished from disk; the text stays, as unsaved.
    void deletedOnDisk(const QString &path);
    void saved(const QString &path);
    // A short message for the status bar.
    void message(const QString &text);

private:
    Answer ask(Question question) const;
    Answer askWithMessageBox(Question question, const QString &path) const;
    QList<RecoveryDecision> chooseWithDialog(const QList<RecoveryEntry> &entries) const;
    void restore(const RecoveryEntry &entry);
    void autosave();
    void scheduleAutosave();
    void replaceText(const QString &text);
    void watch();
    void onFileChanged();
    void checkDisk();
    void updateTitle();

    QPointer<QPlainTextEdit> m_editor;   // the window's editor (it may be destroyed first)
    QPointer<QWidget> m_window;
    QString m_path, m_siteDir;
    QString m_offeredFor;     // the site whose recovery entries were offered
    FileFingerprint m_disk;   // the file as we last read or wrote it
    RecoveryStore m_store;
    QTimer m_autosave;        // single shot: the first change after a write starts it
    QTimer m_diskCheck;       // lets an editor's delete-then-rename settle
    QFileSystemWatcher *m_watcher;
    Decider m_decider;
    RecoveryChooser m_chooser;
    bool m_asking = false;    // a question about the disk is on screen
    bool m_loading = false;   // open()/close() reset the modified flag: not an undo to clean
    bool m_crlf = false;      // the file's lines end with CRLF
    bool m_bom = false;       // the file starts with a UTF-8 byte-order mark
};

} // namespace folio::app
