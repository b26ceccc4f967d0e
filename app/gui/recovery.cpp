#include "recovery.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace folio::app {

namespace {

constexpr int kEntryRole = Qt::UserRole + 1;

bool writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
}

bool isInside(const QString &path, const QString &dir)
{
    const QString prefix = QDir::cleanPath(dir) + QLatin1Char('/');
    return QDir::cleanPath(path).startsWith(prefix);
}

} // namespace

FileFingerprint FileFingerprint::of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return ofBytes(file.readAll(), QFileInfo(path).lastModified());
}

FileFingerprint FileFingerprint::ofBytes(const QByteArray &bytes, const QDateTime &modified)
{
    FileFingerprint print;
    print.exists = true;
    print.size = bytes.size();
    print.modified = modified;
    print.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    return print;
}

RecoveryStore::RecoveryStore()
    : m_folder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery"))
{
}

QString RecoveryStore::keyOf(const QString &documentPath)
{
    const QString absolute = QFileInfo(documentPath).absoluteFilePath();
    return QString::fromLatin1(QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex());
}

bool RecoveryStore::write(const QString &documentPath, const QString &text, const FileFingerprint &opened) const
{
    if (!QDir().mkpath(m_folder))
        return false;
    const QString stem = m_folder + QLatin1Char('/') + keyOf(documentPath);
    QJsonObject sidecar{{QStringLiteral("path"), QFileInfo(documentPath).absoluteFilePath()},
                        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("existed"), opened.exists},
                        {QStringLiteral("size"), opened.size},
                        {QStringLiteral("mtime"), opened.modified.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("sha256"), QString::fromLatin1(opened.sha256)}};
    // Text first: a sidecar always points at a complete text.
    return writeAtomically(stem + QStringLiteral(".txt"), text.toUtf8())
           && writeAtomically(stem + QStringLiteral(".json"), QJsonDocument(sidecar).toJson());
}

void RecoveryStore::remove(const QString &documentPath) const
{
    const QString stem = m_folder + QLatin1Char('/') + keyOf(documentPath);
    QFile::remove(stem + QStringLiteral(".json"));
    QFile::remove(stem + QStringLiteral(".txt"));
}

std::optional<RecoveryEntry> RecoveryStore::readEntry(const QString &sidecarPath) const
{
    QFile sidecar(sidecarPath);
    if (!sidecar.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
    QFile text(sidecarPath.chopped(5) + QStringLiteral(".txt"));
    if (json.isEmpty() || !text.open(QIODevice::ReadOnly))
        return std::nullopt;
    RecoveryEntry entry;
    entry.path = json.value(QStringLiteral("path")).toString();
    entry.text = QString::fromUtf8(text.readAll());
    entry.savedAt = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    entry.opened.exists = json.value(QStringLiteral("existed")).toBool();
    entry.opened.size = json.value(QStringLiteral("size")).toInteger(-1);
    entry.opened.modified = QDateTime::fromString(json.value(QStringLiteral("mtime")).toString(), Qt::ISODateWithMs);
    entry.opened.sha256 = json.value(QStringLiteral("sha256")).toString().toLatin1();
    if (entry.path.isEmpty())
        return std::nullopt;
    return entry;
}

std::optional<RecoveryEntry> RecoveryStore::find(const QString &documentPath) const
{
    return readEntry(m_folder + QLatin1Char('/') + keyOf(documentPath) + QStringLiteral(".json"));
}

QList<RecoveryEntry> RecoveryStore::entries(const QString &siteDir) const
{
    QList<RecoveryEntry> found;
    const QDir folder(m_folder);
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        auto entry = readEntry(folder.filePath(name));
        if (entry && (siteDir.isEmpty() || isInside(entry->path, siteDir)))
            found << *entry;
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.savedAt < b.savedAt; });
    return found;
}

RecoveryDialog::RecoveryDialog(const QList<RecoveryEntry> &entries, const QString &siteDir, QWidget *parent)
    : QDialog(parent), m_entries(entries), m_list(new QListWidget), m_text(new QPlainTextEdit), m_warning(new QLabel)
{
    setWindowTitle(tr("Recover Unsaved Text"));
    auto *intro = new QLabel(tr("Folio found text that was not saved when it last stopped. "
                                "Restore opens it in the editor as unsaved changes; the file on disk stays "
                                "as it is until you save."));
    intro->setWordWrap(true);
    m_text->setReadOnly(true);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b35900"));
    for (int i = 0; i < m_entries.size(); ++i) {
        const RecoveryEntry &entry = m_entries.at(i);
        const QString shown = siteDir.isEmpty() ? entry.path : QDir(siteDir).relativeFilePath(entry.path);
        auto *item = new QListWidgetItem(
            tr("%1 (%2)").arg(shown, QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)), m_list);
        item->setData(kEntryRole, i);
        item->setToolTip(entry.path);
    }
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_list);
    split->addWidget(m_text);
    auto *buttons = new QDialogButtonBox;
    QPushButton *restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restore"));
    QPushButton *discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discard"));
    QPushButton *later = buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("later"));
    connect(restore, &QPushButton::clicked, this, &RecoveryDialog::restoreSelected);
    connect(discard, &QPushButton::clicked, this, &RecoveryDialog::discardSelected);
    connect(later, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &RecoveryDialog::showSelected);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
    resize(640, 480);
    m_list->setCurrentRow(0);
}

void RecoveryDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_text->clear();
        m_warning->clear();
        return;
    }
    const RecoveryEntry &entry = m_entries.at(item->data(kEntryRole).toInt());
    m_text->setPlainText(entry.text);
    m_warning->setText(!QFileInfo::exists(entry.path) ? tr("The file no longer exists on disk; restoring keeps the text as a new unsaved file.")
                       : entry.diskChanged()         ? tr("The file changed on disk after this text was opened; compare before saving.")
                                                     : QString());
}

// One document is edited at a time, so Restore takes the selected entry and
// closes; the others stay in the folder for the next offer.
void RecoveryDialog::restoreSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_decisions << RecoveryDecision{m_entries.at(item->data(kEntryRole).toInt()).path, RecoveryDecision::Action::Restore};
    accept();
}

void RecoveryDialog::discardSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_decisions << RecoveryDecision{m_entries.at(item->data(kEntryRole).toInt()).path, RecoveryDecision::Action::Discard};
    delete item;
    if (m_list->count() == 0)
        accept();
}

} // namespace folio::app
