#include "mainwindow.h"
#include "authoring.h"
#include "documentsession.h"

#include "diagnosticspanel.h"
#include "newsitedialog.h"
#include "recentsites.h"

#include "editor/frontmatterform.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include <QAction>
#include <QCloseEvent>
#include <QCollator>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <algorithm>

namespace folio::app {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;

// The site tree's groups in the order an academic looks for them (issue 3's
// list), whatever the window's language: the known collections first, any
// other collection after them by name, then the data files and the config.
enum class GroupRank { Posts, Drafts, Pages, Publications, Talks, Teaching, Portfolio, OtherCollection, Data, Config };

struct TreeGroup
{
    QString name;
    GroupRank rank;
};

// The group a document belongs to in the site tree.
TreeGroup groupOf(const site::model::Document &doc)
{
    if (doc.isPage())
        return {MainWindow::tr("Pages"), GroupRank::Pages};
    if (doc.draft)
        return {MainWindow::tr("Drafts"), GroupRank::Drafts};
    if (doc.collection == "posts")
        return {MainWindow::tr("Posts"), GroupRank::Posts};
    struct Known
    {
        const char *name;
        GroupRank rank;
    };
    static const QHash<QString, Known> known{
        {QStringLiteral("publications"), {QT_TRANSLATE_NOOP("folio::app::MainWindow", "Publications"), GroupRank::Publications}},
        {QStringLiteral("talks"), {QT_TRANSLATE_NOOP("folio::app::MainWindow", "Talks"), GroupRank::Talks}},
        {QStringLiteral("teaching"), {QT_TRANSLATE_NOOP("folio::app::MainWindow", "Teaching"), GroupRank::Teaching}},
        {QStringLiteral("portfolio"), {QT_TRANSLATE_NOOP("folio::app::MainWindow", "Portfolio"), GroupRank::Portfolio}}};
    const QString label = QString::fromStdString(doc.collection);
    if (const auto it = known.find(label); it != known.end())
        return {MainWindow::tr(it->name), it->rank};
    return {label, GroupRank::OtherCollection};
}

constexpr int kRankRole = Qt::UserRole + 2;

// Within a group, in the order a reader of the window's language expects:
// QCollator follows the default locale (installTranslations sets the
// window's), so Chinese sorts by pinyin rather than by code point, English
// ignores case, and "Post 10" comes after "Post 9". Groups keep their rank
// first; collections of equal rank sort by name the same way.
void sortByCollation(QList<QTreeWidgetItem *> &items)
{
    QCollator collator;
    collator.setNumericMode(true);
    std::stable_sort(items.begin(), items.end(), [&](const QTreeWidgetItem *a, const QTreeWidgetItem *b) {
        const int ra = a->data(0, kRankRole).toInt(), rb = b->data(0, kRankRole).toInt();
        return ra != rb ? ra < rb : collator.compare(a->text(0), b->text(0)) < 0;
    });
}

void sortTree(QTreeWidget *tree)
{
    QList<QTreeWidgetItem *> groups;
    while (tree->topLevelItemCount() > 0)
        groups << tree->takeTopLevelItem(0);
    for (QTreeWidgetItem *group : groups) {
        QList<QTreeWidgetItem *> children = group->takeChildren();
        sortByCollation(children);
        group->addChildren(children);
    }
    sortByCollation(groups);
    tree->addTopLevelItems(groups);
}

// The data files Jekyll reads (_data/**/*.yml|yaml|json|csv|tsv), as paths
// relative to the data folder, for the tree's Data group.
QStringList dataFiles(const QString &dataDir)
{
    QStringList found;
    QDirIterator it(dataDir, {QStringLiteral("*.yml"), QStringLiteral("*.yaml"), QStringLiteral("*.json"), QStringLiteral("*.csv"),
                              QStringLiteral("*.tsv")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << QDir(dataDir).relativeFilePath(it.next());
    return found;
}

} // namespace

MainWindow::MainWindow()
    : m_tree(new QTreeWidget), m_filter(new QLineEdit), m_editor(new editor::MarkdownEditor),
      m_preview(new preview::PreviewView(m_site)), m_splitter(new QSplitter),
      m_editorSplitter(new QSplitter(Qt::Vertical))
{
    setWindowTitle(tr("Folio"));
    m_tree->setHeaderHidden(true);
    m_filter->setPlaceholderText(tr("Filter files"));
    m_filter->setClearButtonEnabled(true);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree);
    m_splitter->addWidget(left);
    m_form = new editor::FrontMatterForm;
    m_editorSplitter->setObjectName(QStringLiteral("editorSplitter"));
    m_editorSplitter->addWidget(m_form);
    m_editorSplitter->addWidget(m_editor);
    m_editorSplitter->setSizes({280, 620});
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_editorSplitter);
    connect(m_form, &editor::FrontMatterForm::editFailed, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_splitter->addWidget(m_preview);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 3);
    setCentralWidget(m_splitter);


    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("New &Site…"), this, [this] {
        NewSiteDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            openSite(dialog.folder());
    });
    QAction *open = file->addAction(tr("&Open Site…"), this, &MainWindow::openSiteDialog);
    open->setShortcut(QKeySequence::Open);
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    auto *recent = new RecentSites(this);
    connect(recentMenu, &QMenu::aboutToShow, recent, [recent, recentMenu] { recent->populate(recentMenu); });
    connect(recent, &RecentSites::openRequested, this, &MainWindow::openSite);
    connect(this, &MainWindow::siteOpened, recent, &RecentSites::add);
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    m_session = new DocumentSession(m_editor, this);
    connect(m_session, &DocumentSession::documentChanged, this, [this](const QString &path) { m_current = path; });
    connect(m_session, &DocumentSession::message, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    file->addSeparator();
    m_authoring = new Authoring(m_session, [this] { return m_site.site(); }, this);
    m_authoring->addActions(file);
    connect(m_authoring, &Authoring::siteChanged, this, [this](const QString &path) {
        if (openSite(m_siteDir) && !path.isEmpty())
            openDocument(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);
    setupPublishing();
    setupSiteSearch();

    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::filterTree);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            openDocument(path);
    });
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            openDocument(path);
    });
    connect(m_editor, &editor::MarkdownEditor::paused, this, &MainWindow::refreshPreview);
    connectPreview(); // previewwiring.cpp
    connect(m_preview, &preview::PreviewView::diagnostics, this,
            [this](const auto &found) { m_diagnostics->setDocumentDiagnostics(m_current, found); });
    connect(m_preview, &preview::PreviewView::siteReloaded, this,
            [this](const auto &found) { m_diagnostics->setSiteDiagnostics(found); });

    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The preview serves pages from m_site: it must go before m_site does,
    // not later with the other child widgets (its page may still ask for a
    // file while it is torn down).
    delete m_preview;
}

bool MainWindow::openSite(const QString &directory)
{
    if (!maybeSave())
        return false;
    if (auto loaded = m_site.load(directory); !loaded) {
        QMessageBox::warning(this, tr("Folio"), tr("Cannot open the site: %1").arg(loaded.error()));
        return false;
    }
    m_siteDir = QFileInfo(directory).absoluteFilePath();
    QSettings().setValue(QStringLiteral("lastSite"), m_siteDir);
    setWindowTitle(tr("%1 — Folio").arg(QFileInfo(m_siteDir).fileName()));
    m_session->setSiteDirectory(m_siteDir);
    buildSiteTree();
    Q_EMIT siteOpened(m_siteDir);
    const auto diagnostics = m_site.takeDiagnostics();
    m_diagnostics->setSiteDir(m_siteDir);
    m_diagnostics->setSiteDiagnostics(diagnostics);
    // Warnings count too: the Diagnostics dock lists them as the site's problems.
    statusBar()->showMessage(tr("%n problem(s) in the site", nullptr, int(diagnostics.size())));
    m_preview->showPath(QStringLiteral("/"));
    if (const QString restored = m_session->offerRecovery(); !restored.isEmpty())
        m_preview->showDocument(restored);
    return true;
}

void MainWindow::buildSiteTree()
{
    m_tree->clear();
    QMap<QString, QTreeWidgetItem *> groups;
    auto group = [&](const TreeGroup &g) {
        if (!groups.contains(g.name)) {
            auto *item = new QTreeWidgetItem(m_tree, {g.name});
            item->setFlags(Qt::ItemIsEnabled);
            item->setData(0, kRankRole, int(g.rank));
            groups.insert(g.name, item);
        }
        return groups.value(g.name);
    };
    auto addFile = [&](const TreeGroup &g, const QString &label, const QString &relativePath, const QString &path) {
        auto *item = new QTreeWidgetItem(group(g), {label});
        item->setToolTip(0, relativePath);
        item->setData(0, kPathRole, path);
    };
    for (const auto &doc : m_site.site()->documents()) {
        if (doc->generated)
            continue;
        addFile(groupOf(*doc), QString::fromStdString(doc->title().empty() ? doc->name : doc->title()),
                QString::fromStdString(doc->relativePath), doc->sourcePath);
    }
    const QString dataDir = m_site.site()->config().dataDir();
    for (const QString &file : dataFiles(dataDir))
        addFile({tr("Data"), GroupRank::Data}, file, QDir(m_siteDir).relativeFilePath(dataDir + QLatin1Char('/') + file),
                dataDir + QLatin1Char('/') + file);
    addFile({tr("Config"), GroupRank::Config}, QStringLiteral("_config.yml"), QStringLiteral("_config.yml"),
            m_siteDir + QStringLiteral("/_config.yml"));
    sortTree(m_tree);
    m_tree->expandAll();
}

void MainWindow::filterTree(const QString &text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                               || item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match;
        }
        group->setHidden(visible == 0);
    }
}

bool MainWindow::openDocument(const QString &path)
{
    if (path == m_current)
        return true;
    if (!maybeSave())
        return false;
    if (!m_session->open(path))
        return false;
    m_form->setDocument(m_editor->document(), m_site.site(), path);
    m_preview->showDocument(path);
    return true;
}

// Renders the open document from the editor's text; the preview patches the
// page in place (see PreviewView).
void MainWindow::refreshPreview()
{
    if (!m_current.isEmpty())
        m_preview->updateDocument(m_current, editor::documentText(m_editor->document()));
}

bool MainWindow::save() { return m_session->save(); }

bool MainWindow::maybeSave() { return m_session->maybeSave(); }

void MainWindow::openSiteDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Site"), m_siteDir);
    if (!dir.isEmpty())
        openSite(dir);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/editorSplitter"), m_editorSplitter->saveState());
}

// Called last in the constructor: QMainWindow::restoreState finds the docks
// and toolbars by their object names, so they must exist by then.
void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({260, 560, 580});
    m_editorSplitter->restoreState(settings.value(QStringLiteral("window/editorSplitter")).toByteArray());
}

} // namespace folio::app
