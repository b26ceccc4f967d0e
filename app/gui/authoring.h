// Creating and moving a site's documents as an academic writes them: a new
// post, page or collection item from a title (slug by Jekyll's slugify,
// date-prefixed name, front matter seeded as academicpages items have it),
// rename, move to the trash, publish a draft, and images dragged or pasted
// into the editor copied to images/ with a Markdown link at the cursor.
//
// The file operations are free functions (tested directly); Authoring is the
// menu actions and the editor's drop/paste handling around them. Every
// question goes through a replaceable prompt so tests never block.
#pragma once

#include "site/core/result.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QImage;
class QMenu;
class QAction;
class QMimeData;
class QPlainTextEdit;
class QWidget;

namespace folio::site::model {
class Site;
}

namespace folio::app {

class DocumentSession;

namespace authoring {

// A kind of document the user can create.
struct Kind final {
    QString collection;   // "posts", "pages", or a collection label
    QString label;        // shown in the dialog
    bool dated = false;   // file name starts with YYYY-MM-DD-
};

struct NewItem final {
    QString collection;   // as Kind::collection
    QString title;
    bool draft = false;   // posts only: _drafts/slug.md, no date
};

// Posts, pages, then the site's other collections.
QList<Kind> kindsOf(const site::model::Site &site);
// Jekyll's slugify (default mode) of a title; "untitled" when nothing is left.
QString slugOf(const QString &title);
// `desired` when no such file exists, else name-2.ext, name-3.ext, …
QString freePath(const QString &desired);
// The new file's front matter and first line, as academicpages items have them.
QByteArray seedText(const site::model::Site &site, const NewItem &item, const QDate &today);
// Creates the file; returns its absolute path. Never overwrites.
site::Result<QString> createItem(const site::model::Site &site, const NewItem &item, const QDate &today);
// New file name from `newName` (slugified), keeping a YYYY-MM-DD- prefix.
site::Result<QString> renameItem(const QString &path, const QString &newName);
// _drafts/x.md -> _posts/YYYY-MM-DD-x.md with today's date in the front matter.
site::Result<QString> publishDraft(const QString &path, const QString &siteDir, const QDate &today);
// Returns where the file now is in the trash.
site::Result<QString> moveToTrash(const QString &path);
// Copies an image file to SITE/images/ under a free name; returns "/images/x.png".
site::Result<QString> copyImage(const QString &siteDir, const QString &imagePath);
// Saves image data as PNG to SITE/images/; returns its URL path.
site::Result<QString> saveImage(const QString &siteDir, const QImage &image, const QString &baseName);
// `![x](/images/x.png)`
QString imageLink(const QString &urlPath);

} // namespace authoring

class Authoring final : public QObject
{
    Q_OBJECT

public:
    using SiteAccess = std::function<const site::model::Site *()>;
    using NewItemPrompt = std::function<std::optional<authoring::NewItem>(const QList<authoring::Kind> &, const QString &preset)>;
    using RenamePrompt = std::function<std::optional<QString>(const QString &currentName)>;
    using Confirm = std::function<bool(const QString &question)>;

    Authoring(DocumentSession *session, SiteAccess site, QWidget *window);

    // New Post, New Page, New Collection Item, Rename, Move to Trash, Publish Draft.
    void addActions(QMenu *menu);

    bool newItem(const QString &presetCollection);
    bool renameCurrent();
    bool trashCurrent();
    bool publishCurrent();
    // Inserts links for the images in `mime` (files or image data) at the
    // editor's cursor; false when it holds none.
    bool insertImages(const QMimeData *mime);

    void setNewItemPrompt(NewItemPrompt prompt) { m_newItemPrompt = std::move(prompt); }
    void setRenamePrompt(RenamePrompt prompt) { m_renamePrompt = std::move(prompt); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Tests pin "today"; by default the current date.
    void setToday(const QDate &date) { m_today = date; }

Q_SIGNALS:
    // Files of the site changed: reload the tree and open `path` (or keep the
    // current document when empty).
    void siteChanged(const QString &path);
    // A file went to the trash; `inTrash` is where it is now.
    void trashed(const QString &path, const QString &inTrash);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }
    QString siteDir() const;
    void updateActions();
    void fail(const QString &message) const;
    std::optional<authoring::NewItem> askNewItem(const QList<authoring::Kind> &kinds, const QString &preset) const;
    std::optional<QString> askRename(const QString &currentName) const;
    bool confirm(const QString &question) const;

    DocumentSession *m_session;
    QPlainTextEdit *m_editor;
    SiteAccess m_site;
    QPointer<QWidget> m_window;
    NewItemPrompt m_newItemPrompt;
    RenamePrompt m_renamePrompt;
    Confirm m_confirm;
    QDate m_today;
    QAction *m_rename = nullptr, *m_trash = nullptr, *m_publish = nullptr;
};

} // namespace folio::app
