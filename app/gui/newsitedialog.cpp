#include "newsitedialog.h"

#include "site/scaffold/scaffold.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

namespace folio::app {

NewSiteDialog::NewSiteDialog(QWidget *parent)
    : QDialog(parent), m_folder(new QLineEdit), m_title(new QLineEdit), m_author(new QLineEdit), m_problem(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("New Site"));
    m_folder->setText(QStandardPaths::writableLocation(QStandardPaths::HomeLocation) + QStringLiteral("/my-site"));
    m_title->setPlaceholderText(tr("e.g. Ada Lovelace's homepage"));
    m_author->setPlaceholderText(tr("Your name"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder);
    folderRow->addWidget(browse);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Site"));

    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("Folio copies its starter site (about, publications, talks, teaching, blog, CV) "
                               "into an empty folder. Everything can be changed afterwards.")));
    form->addRow(tr("&Folder:"), folderRow);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Author:"), m_author);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the New Site"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_folder, &QLineEdit::textChanged, this, &NewSiteDialog::validate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (create())
            accept();
    });
    validate();
}

QString NewSiteDialog::folder() const
{
    return QFileInfo(m_folder->text().trimmed()).absoluteFilePath();
}

void NewSiteDialog::setFolder(const QString &folder) { m_folder->setText(folder); }
void NewSiteDialog::setTitle(const QString &title) { m_title->setText(title); }
void NewSiteDialog::setAuthor(const QString &author) { m_author->setText(author); }

// Says before the user presses Create that a folder with files in it will be
// refused (the starter never mixes with someone's files).
void NewSiteDialog::validate()
{
    const QString path = m_folder->text().trimmed();
    QString problem;
    if (path.isEmpty())
        problem = tr("Choose a folder for the site.");
    else if (QFileInfo(path).exists() && !QFileInfo(path).isDir())
        problem = tr("%1 is a file, not a folder.").arg(QDir::toNativeSeparators(path));
    else if (QFileInfo(path).isDir() && !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        problem = tr("%1 is not empty: choose an empty or new folder.").arg(QDir::toNativeSeparators(path));
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

bool NewSiteDialog::create()
{
    site::scaffold::SiteOptions options;
    options.title = m_title->text().trimmed();
    options.author = m_author->text().trimmed();
    if (auto created = site::scaffold::createSite(folder(), options); !created) {
        m_problem->setText(created.error());
        return false;
    }
    return true;
}

} // namespace folio::app
