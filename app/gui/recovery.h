// Unsaved text kept outside the document so that a crash, a kill or a power
// cut never loses more than a few seconds of typing. One entry per document,
// keyed by a hash of its path: `<key>.txt` holds the text, `<key>.json` the
// original path, when it was written and what the file on disk looked like
// when it was opened (so a restore can warn that the file changed since).
// The folder is QStandardPaths::AppDataLocation/recovery.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

#include <optional>

class QListWidget;
class QPlainTextEdit;
class QLabel;

namespace folio::app {

// What a file on disk looked like at one moment: enough to tell whether
// another program changed it since.
struct FileFingerprint final {
    bool exists = false;
    qint64 size = -1;
    QDateTime modified;
    QByteArray sha256;   // hex

    static FileFingerprint of(const QString &path);
    static FileFingerprint ofBytes(const QByteArray &bytes, const QDateTime &modified);
    // Same content (the hash decides; mtime alone lies after a copy or touch).
    bool sameContent(const FileFingerprint &other) const
    {
        return exists == other.exists && size == other.size && sha256 == other.sha256;
    }
};

struct RecoveryEntry final {
    QString path;            // the document's absolute path
    QString text;            // the unsaved text
    QDateTime savedAt;       // when the autosave wrote it
    FileFingerprint opened;  // the file on disk when the text was opened
    // The file on disk is no longer what it was when the text was opened
    // (changed or deleted by someone else since).
    bool diskChanged() const { return !FileFingerprint::of(path).sameContent(opened); }
};

class RecoveryStore final
{
public:
    // The default folder (AppDataLocation/recovery); `folder` for tests.
    RecoveryStore();
    explicit RecoveryStore(const QString &folder) : m_folder(folder) {}

    QString folder() const { return m_folder; }
    // Writes the text then the sidecar, each atomically: a kill mid-write
    // leaves the previous entry whole.
    bool write(const QString &documentPath, const QString &text, const FileFingerprint &opened) const;
    void remove(const QString &documentPath) const;
    std::optional<RecoveryEntry> find(const QString &documentPath) const;
    // Entries for documents inside `siteDir` (all entries when empty), oldest first.
    QList<RecoveryEntry> entries(const QString &siteDir = {}) const;
    // The file name stem for a document: sha1 of its absolute path.
    static QString keyOf(const QString &documentPath);

private:
    std::optional<RecoveryEntry> readEntry(const QString &sidecarPath) const;

    QString m_folder;
};

// What the user decided about each offered entry.
struct RecoveryDecision final {
    enum class Action { Restore, Discard, Keep };
    QString path;
    Action action = Action::Keep;
};

// The offer after a crash: the recovered texts of the site, each with its
// file, age and a preview of its text; Restore opens the selected one in the
// editor as unsaved, Discard deletes it, Later keeps all for next time.
class RecoveryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RecoveryDialog(const QList<RecoveryEntry> &entries, const QString &siteDir, QWidget *parent = nullptr);

    QList<RecoveryDecision> decisions() const { return m_decisions; }
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *textPreview() const { return m_text; }
    // Acts as the buttons do (tests press them through these too).
    void restoreSelected();
    void discardSelected();

private:
    void showSelected();

    QList<RecoveryEntry> m_entries;
    QList<RecoveryDecision> m_decisions;
    QListWidget *m_list;
    QPlainTextEdit *m_text;
    QLabel *m_warning;
};

} // namespace folio::app
