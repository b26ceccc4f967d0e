#include "authoring.h"
#include "documentsession.h"

#include "site/jekyll/text.h"
#include "site/model/site.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QClipboard>
#include <QImage>
#include <QImageReader>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace folio::app {

namespace authoring {

namespace {

const QRegularExpression &datePrefix()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})-"));
    return re;
}

// A YAML double-quoted scalar: titles hold colons, quotes and '#'.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString folderOf(const site::model::Site &site, const QString &collection, bool draft)
{
    const QString root = site.sourceDir();
    if (collection == QLatin1String("pages"))
        return QFileInfo::exists(root + QStringLiteral("/_pages")) ? root + QStringLiteral("/_pages") : root;
    const QString collections = site.config().collectionsDir();
    if (collection == QLatin1String("posts"))
        return collections + (draft ? QStringLiteral("/_drafts") : QStringLiteral("/_posts"));
    return collections + QStringLiteral("/_") + collection;
}

// The first document of a collection, to copy its front-matter keys from.
const site::model::Document *sampleOf(const site::model::Site &site, const QString &collection)
{
    const auto &docs = site.collectionDocuments(collection.toStdString());
    return docs.empty() ? nullptr : docs.back();
}

// The top-level keys of a file's front matter, in order.
QStringList frontMatterKeys(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).remove(QLatin1Char('\r')).split(QLatin1Char('\n'));
    if (lines.isEmpty() || lines.first().trimmed() != QLatin1String("---"))
        return {};
    static const QRegularExpression key(QStringLiteral("^([A-Za-z0-9_][A-Za-z0-9_-]*)\\s*:"));
    QStringList keys;
    for (qsizetype i = 1; i < lines.size() && lines.at(i).trimmed() != QLatin1String("---"); ++i)
        if (const auto match = key.match(lines.at(i)); match.hasMatch())
            keys << match.captured(1);
    return keys;
}

// academicpages' own templates (markdown_generator/*.py and the sample
// items): the keys each collection's items carry, in their order.
struct Seed {
    const char *collection;
    const char *label;
    bool dated;
    const char *keys;     // space separated; values filled below
};
constexpr Seed kSeeds[] = {
    {"posts", QT_TRANSLATE_NOOP("folio::Authoring", "Post"), true, "title date permalink tags"},
    {"pages", QT_TRANSLATE_NOOP("folio::Authoring", "Page"), false, "title permalink"},
    {"publications", QT_TRANSLATE_NOOP("folio::Authoring", "Publication"), true,
     "title collection category permalink excerpt date venue slidesurl paperurl bibtexurl citation"},
    {"talks", QT_TRANSLATE_NOOP("folio::Authoring", "Talk"), true, "title collection type permalink venue date location"},
    {"teaching", QT_TRANSLATE_NOOP("folio::Authoring", "Teaching"), true,
     "title collection type permalink venue date location"},
    {"portfolio", QT_TRANSLATE_NOOP("folio::Authoring", "Portfolio item"), false, "title excerpt collection"},
};

const Seed *seedOf(const QString &collection)
{
    for (const Seed &seed : kSeeds)
        if (collection == QLatin1String(seed.collection))
            return &seed;
    return nullptr;
}

bool isDated(const site::model::Site &site, const QString &collection)
{
    if (const Seed *seed = seedOf(collection))
        return seed->dated;
    const auto *sample = sampleOf(site, collection);
    return sample && datePrefix().match(QString::fromStdString(sample->name)).hasMatch();
}

// The value a seeded key starts with.
QString seedValue(const site::model::Site &site, const NewItem &item, const QString &key, const QString &slug,
                  const QString &stem, const QDate &today)
{
    const QString date = today.toString(Qt::ISODate);
    if (key == QLatin1String("title"))
        return quoted(item.title);
    if (key == QLatin1String("date"))
        return date;
    if (key == QLatin1String("collection"))
        return item.collection;
    if (key == QLatin1String("tags") || key == QLatin1String("categories"))
        return QStringLiteral("[]");
    if (key == QLatin1String("category") && item.collection == QLatin1String("publications"))
        return QStringLiteral("manuscripts");
    if (key == QLatin1String("type") && item.collection == QLatin1String("talks"))
        return QStringLiteral("\"Talk\"");
    if (key == QLatin1String("permalink")) {
        if (item.collection == QLatin1String("posts"))
            return QStringLiteral("/posts/%1/%2/%3/").arg(today.toString(QStringLiteral("yyyy")), today.toString(QStringLiteral("MM")), slug);
        if (item.collection == QLatin1String("pages"))
            return QStringLiteral("/%1/").arg(slug);
        // academicpages names publication pages /publication/<file stem>.
        const QString base = item.collection == QLatin1String("publications") ? QStringLiteral("publication") : item.collection;
        return QStringLiteral("/%1/%2").arg(base, stem);
    }
    Q_UNUSED(site);
    return QStringLiteral("''");
}

} // namespace

QList<Kind> kindsOf(const site::model::Site &site)
{
    QList<Kind> kinds{{QStringLiteral("posts"), QCoreApplication::translate("folio::Authoring", "Post"), true},
                      {QStringLiteral("pages"), QCoreApplication::translate("folio::Authoring", "Page"), false}};
    for (const auto &collection : site.config().collections()) {
        const QString label = QString::fromStdString(collection.label);
        if (label == QLatin1String("posts"))
            continue;
        const Seed *seed = seedOf(label);
        kinds << Kind{label, seed ? QCoreApplication::translate("folio::Authoring", seed->label) : label, isDated(site, label)};
    }
    return kinds;
}

QString slugOf(const QString &title)
{
    const QString slug = QString::fromStdString(site::jekyll::slugify(title.toStdString()));
    return slug.isEmpty() ? QStringLiteral("untitled") : slug;
}

QString freePath(const QString &desired)
{
    if (!QFileInfo::exists(desired))
        return desired;
    const QFileInfo info(desired);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString stem = info.fileName().chopped(suffix.size());
    for (int n = 2;; ++n) {
        const QString candidate = info.dir().filePath(QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix));
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

namespace {

QString targetPath(const site::model::Site &site, const NewItem &item, const QDate &today)
{
    const bool dated = isDated(site, item.collection) && !(item.collection == QLatin1String("posts") && item.draft);
    const QString name = (dated ? today.toString(Qt::ISODate) + QLatin1Char('-') : QString()) + slugOf(item.title);
    return freePath(folderOf(site, item.collection, item.draft) + QLatin1Char('/') + name + QStringLiteral(".md"));
}

QByteArray seedFor(const site::model::Site &site, const NewItem &item, const QDate &today, const QString &path)
{
    const QString stem = QFileInfo(path).completeBaseName();
    const QString slug = slugOf(item.title);
    QStringList keys;
    if (const Seed *seed = seedOf(item.collection)) {
        keys = QString::fromLatin1(seed->keys).split(QLatin1Char(' '));
        // A collection whose permalink the site's config sets needs none per item.
        const auto *config = site.config().collection(item.collection.toStdString());
        if (config && !config->permalink.empty() && item.collection != QLatin1String("posts"))
            keys.removeAll(QStringLiteral("permalink"));
    } else if (const auto *sample = sampleOf(site, item.collection)) {
        keys = frontMatterKeys(sample->sourcePath);
    }
    if (!keys.contains(QStringLiteral("title")))
        keys.prepend(QStringLiteral("title"));
    // A draft gets its date, and so its permalink, when it is published.
    if (item.draft) {
        keys.removeAll(QStringLiteral("date"));
        keys.removeAll(QStringLiteral("permalink"));
    }
    QString text = QStringLiteral("---\n");
    for (const QString &key : keys)
        text += key + QStringLiteral(": ") + seedValue(site, item, key, slug, stem, today) + QLatin1Char('\n');
    text += QStringLiteral("---\n\n");
    return text.toUtf8();
}

bool writeNew(const QString &path, const QByteArray &bytes)
{
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
}

} // namespace

QByteArray seedText(const site::model::Site &site, const NewItem &item, const QDate &today)
{
    return seedFor(site, item, today, targetPath(site, item, today));
}

site::Result<QString> createItem(const site::model::Site &site, const NewItem &item, const QDate &today)
{
    if (item.title.trimmed().isEmpty())
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Give the new document a title."));
    const QString path = targetPath(site, item, today);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot create the folder %1: check its permissions.")
                                   .arg(QFileInfo(path).absolutePath()));
    if (!writeNew(path, seedFor(site, item, today, path)))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot write %1: check the folder's permissions and free space.").arg(path));
    return path;
}

site::Result<QString> renameItem(const QString &path, const QString &newName)
{
    const QFileInfo info(path);
    const auto match = datePrefix().match(info.fileName());
    QString base = newName.trimmed();
    // The user may type the prefix or the extension too; neither is doubled.
    base.remove(datePrefix());
    if (base.endsWith(QLatin1Char('.') + info.suffix()))
        base.chop(info.suffix().size() + 1);
    const QString name = (match.hasMatch() ? match.captured(0) : QString()) + slugOf(base) + QLatin1Char('.') + info.suffix();
    if (name == info.fileName())
        return path;
    const QString target = freePath(info.dir().filePath(name));
    if (!QFile::rename(path, target))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot rename %1 to %2: check the folder's permissions.")
                                   .arg(path, QFileInfo(target).fileName()));
    return target;
}

namespace {

// Sets the front matter's `date:` to `date`, or adds it after `title:` (at
// the end of the front matter without one). Other lines keep their bytes.
QByteArray withDate(const QByteArray &bytes, const QDate &date)
{
    const QByteArray value = date.toString(Qt::ISODate).toLatin1();
    QList<QByteArray> lines = bytes.split('\n');
    if (lines.isEmpty() || lines.first().trimmed() != "---")
        return "---\ndate: " + value + "\n---\n" + bytes;
    const QByteArray eol = lines.first().endsWith('\r') ? "\r" : "";
    qsizetype end = -1, title = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i);
        if (line.trimmed() == "---") {
            end = i;
            break;
        }
        if (line.startsWith("date:")) {
            lines[i] = "date: " + value + eol;
            return lines.join('\n');
        }
        if (line.startsWith("title:"))
            title = i;
    }
    if (end < 0)
        return bytes;
    lines.insert(title >= 0 ? title + 1 : end, "date: " + value + eol);
    return lines.join('\n');
}

} // namespace

site::Result<QString> publishDraft(const QString &path, const QString &siteDir, const QDate &today)
{
    const QFileInfo info(path);
    if (info.dir().dirName() != QLatin1String("_drafts"))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "%1 is not in _drafts: only drafts are published.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = withDate(file.readAll(), today);
    file.close();
    QString stem = info.completeBaseName();
    stem.remove(datePrefix());
    // _posts is a sibling of _drafts (both in collections_dir).
    const QString posts = info.dir().absoluteFilePath(QStringLiteral("../_posts"));
    Q_UNUSED(siteDir);
    QDir().mkpath(posts);
    const QString target = freePath(QDir::cleanPath(posts + QLatin1Char('/') + today.toString(Qt::ISODate) + QLatin1Char('-')
                                                    + stem + QLatin1Char('.') + info.suffix()));
    if (!writeNew(target, bytes))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot write %1: check the folder's permissions.").arg(target));
    if (!QFile::remove(path))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Published to %1 but cannot remove the draft %2: remove it by hand.")
                                   .arg(target, path));
    return target;
}

site::Result<QString> moveToTrash(const QString &path)
{
    // Qt 6.4 makes the home trash with a plain mkdir inside the XDG data
    // folder; when that folder does not exist yet it falls back to "." and
    // "trashes" into the current directory. The folder is made first.
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    QString inTrash;
    if (!QFile::moveToTrash(path, &inTrash) || QFileInfo(inTrash).isRelative())
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot move %1 to the trash: the system has no trash for this folder.").arg(path));
    return inTrash;
}

site::Result<QString> copyImage(const QString &siteDir, const QString &imagePath)
{
    const QFileInfo info(imagePath);
    const QString folder = siteDir + QStringLiteral("/images");
    QDir().mkpath(folder);
    const QString target = freePath(folder + QLatin1Char('/') + slugOf(info.completeBaseName()) + QLatin1Char('.') + info.suffix().toLower());
    if (!QFile::copy(imagePath, target))
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot copy %1 to %2: check the folder's permissions.").arg(imagePath, target));
    return QStringLiteral("/images/") + QFileInfo(target).fileName();
}

site::Result<QString> saveImage(const QString &siteDir, const QImage &image, const QString &baseName)
{
    const QString folder = siteDir + QStringLiteral("/images");
    QDir().mkpath(folder);
    const QString target = freePath(folder + QLatin1Char('/') + slugOf(baseName) + QStringLiteral(".png"));
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit())
        return site::makeError(QCoreApplication::translate("folio::Authoring", "Cannot save the pasted image to %1: check the folder's permissions.").arg(target));
    return QStringLiteral("/images/") + QFileInfo(target).fileName();
}

// academicpages' own content links images as plain /images/x.png.
QString imageLink(const QString &urlPath)
{
    return QStringLiteral("![%1](%2)").arg(QFileInfo(urlPath).completeBaseName(), urlPath);
}

} // namespace authoring

using namespace authoring;

namespace {

bool isImageFile(const QUrl &url)
{
    if (!url.isLocalFile())
        return false;
    const QByteArray suffix = QFileInfo(url.toLocalFile()).suffix().toLower().toLatin1();
    return QImageReader::supportedImageFormats().contains(suffix) || suffix == "svg";
}

bool hasImages(const QMimeData *mime)
{
    if (!mime)
        return false;
    if (mime->hasImage())
        return true;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(), isImageFile);
}

// The new-document dialog: kind, title, and for posts whether it is a draft.
class NewItemDialog final : public QDialog
{
public:
    NewItemDialog(const QList<Kind> &kinds, const QString &preset, QWidget *parent)
        : QDialog(parent), m_kind(new QComboBox), m_title(new QLineEdit), m_draft(new QCheckBox)
    {
        setWindowTitle(QCoreApplication::translate("folio::Authoring", "New Document"));
        for (const Kind &kind : kinds)
            m_kind->addItem(kind.label, kind.collection);
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(preset)));
        m_draft->setText(QCoreApplication::translate("folio::Authoring", "Save as a draft (_drafts/, published later)"));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        auto *form = new QFormLayout(this);
        form->addRow(QCoreApplication::translate("folio::Authoring", "&Kind:"), m_kind);
        form->addRow(QCoreApplication::translate("folio::Authoring", "&Title:"), m_title);
        form->addRow(QString(), m_draft);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto syncDraft = [this] { m_draft->setEnabled(m_kind->currentData().toString() == QLatin1String("posts")); };
        connect(m_kind, &QComboBox::currentIndexChanged, this, syncDraft);
        syncDraft();
        resize(480, sizeHint().height());
    }

    NewItem item() const
    {
        return {m_kind->currentData().toString(), m_title->text().trimmed(), m_draft->isEnabled() && m_draft->isChecked()};
    }

private:
    QComboBox *m_kind;
    QLineEdit *m_title;
    QCheckBox *m_draft;
};

} // namespace

Authoring::Authoring(DocumentSession *session, SiteAccess site, QWidget *window)
    : QObject(window), m_session(session), m_editor(session->editor()), m_site(std::move(site)), m_window(window)
{
    m_editor->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this);
    connect(m_session, &DocumentSession::documentChanged, this, &Authoring::updateActions);
}

QString Authoring::siteDir() const
{
    const auto *site = m_site();
    return site ? site->sourceDir() : QString();
}

void Authoring::addActions(QMenu *menu)
{
    menu->addAction(tr("New &Post…"), this, [this] { newItem(QStringLiteral("posts")); })->setShortcut(QKeySequence::New);
    menu->addAction(tr("New P&age…"), this, [this] { newItem(QStringLiteral("pages")); });
    menu->addAction(tr("New Collection &Item…"), this, [this] { newItem(QStringLiteral("publications")); });
    m_rename = menu->addAction(tr("Re&name…"), this, &Authoring::renameCurrent);
    m_trash = menu->addAction(tr("Move to &Trash…"), this, &Authoring::trashCurrent);
    m_publish = menu->addAction(tr("P&ublish Draft"), this, &Authoring::publishCurrent);
    updateActions();
}

void Authoring::updateActions()
{
    const QString path = m_session->path();
    const bool onDisk = !path.isEmpty() && QFileInfo::exists(path);
    if (m_rename)
        m_rename->setEnabled(onDisk);
    if (m_trash)
        m_trash->setEnabled(onDisk);
    if (m_publish)
        m_publish->setEnabled(onDisk && QFileInfo(path).dir().dirName() == QLatin1String("_drafts"));
}

void Authoring::fail(const QString &message) const
{
    QMessageBox::warning(m_window, tr("Folio"), message);
}

bool Authoring::newItem(const QString &presetCollection)
{
    const auto *site = m_site();
    if (!site)
        return false;
    const auto item = askNewItem(kindsOf(*site), presetCollection);
    // The new document replaces the open one: settle that one first.
    if (!item || !m_session->maybeSave())
        return false;
    const auto created = createItem(*site, *item, today());
    if (!created) {
        fail(created.error());
        return false;
    }
    Q_EMIT siteChanged(*created);
    return true;
}

bool Authoring::renameCurrent()
{
    const QString path = m_session->path();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false;
    QString current = QFileInfo(path).completeBaseName();
    current.remove(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}-")));
    const auto name = askRename(current);
    if (!name || name->trimmed().isEmpty() || !m_session->maybeSave())
        return false;
    // Closed first, so the watcher does not take the rename for a deletion.
    m_session->close();
    const auto renamed = renameItem(path, *name);
    if (!renamed) {
        fail(renamed.error());
        Q_EMIT siteChanged(path);
        return false;
    }
    Q_EMIT siteChanged(*renamed);
    return true;
}

bool Authoring::trashCurrent()
{
    const QString path = m_session->path();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false;
    if (!confirm(tr("Move %1 to the trash? Unsaved changes to it are lost too.").arg(QFileInfo(path).fileName())))
        return false;
    m_session->recoveryStore().remove(path);
    m_editor->document()->setModified(false);
    m_session->close();
    const auto moved = authoring::moveToTrash(path);
    if (!moved) {
        fail(moved.error());
        Q_EMIT siteChanged(path);
        return false;
    }
    Q_EMIT trashed(path, *moved);
    Q_EMIT siteChanged(QString());
    return true;
}

bool Authoring::publishCurrent()
{
    const QString path = m_session->path();
    if (path.isEmpty() || QFileInfo(path).dir().dirName() != QLatin1String("_drafts") || !m_session->maybeSave())
        return false;
    m_session->close();
    const auto published = publishDraft(path, siteDir(), today());
    if (!published) {
        fail(published.error());
        Q_EMIT siteChanged(QFileInfo::exists(path) ? path : QString());
        return false;
    }
    Q_EMIT siteChanged(*published);
    return true;
}

bool Authoring::insertImages(const QMimeData *mime)
{
    const QString dir = siteDir();
    if (dir.isEmpty() || !hasImages(mime))
        return false;
    QStringList links;
    for (const QUrl &url : mime->urls()) {
        if (!isImageFile(url))
            continue;
        const auto copied = copyImage(dir, url.toLocalFile());
        if (!copied) {
            fail(copied.error());
            return true;
        }
        links << imageLink(*copied);
    }
    // Image data without a file (a screenshot, an image copied in a browser).
    if (links.isEmpty() && mime->hasImage()) {
        const auto saved = saveImage(dir, qvariant_cast<QImage>(mime->imageData()), QStringLiteral("pasted-image"));
        if (!saved) {
            fail(saved.error());
            return true;
        }
        links << imageLink(*saved);
    }
    m_editor->textCursor().insertText(links.join(QLatin1Char('\n')));
    return true;
}

bool Authoring::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
        if (watched == m_editor && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)
            && hasImages(QGuiApplication::clipboard()->mimeData()))
            return insertImages(QGuiApplication::clipboard()->mimeData());
        break;
    case QEvent::DragEnter:
    case QEvent::DragMove:
        if (watched == m_editor->viewport()) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (hasImages(drag->mimeData()) && !siteDir().isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        }
        break;
    case QEvent::Drop:
        if (watched == m_editor->viewport()) {
            auto *drop = static_cast<QDropEvent *>(event);
            if (hasImages(drop->mimeData()) && !siteDir().isEmpty()) {
                m_editor->setTextCursor(m_editor->cursorForPosition(drop->position().toPoint()));
                insertImages(drop->mimeData());
                drop->acceptProposedAction();
                return true;
            }
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

std::optional<NewItem> Authoring::askNewItem(const QList<Kind> &kinds, const QString &preset) const
{
    if (m_newItemPrompt)
        return m_newItemPrompt(kinds, preset);
    NewItemDialog dialog(kinds, preset, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.item();
}

std::optional<QString> Authoring::askRename(const QString &currentName) const
{
    if (m_renamePrompt)
        return m_renamePrompt(currentName);
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Rename"), tr("New name (the date prefix is kept):"),
                                               QLineEdit::Normal, currentName, &ok);
    return ok ? std::optional<QString>(name) : std::nullopt;
}

bool Authoring::confirm(const QString &question) const
{
    if (m_confirm)
        return m_confirm(question);
    return QMessageBox::question(m_window, tr("Folio"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Yes;
}

} // namespace folio::app
