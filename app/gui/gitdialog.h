// The Git dialog: commit the site's sources (and push them), or commit the
// built site to a branch such as gh-pages. Before pushing sources to a
// remote it lists what GitHub Pages' own Jekyll would render differently and
// goes on only when the user confirms.
#pragma once

#include "git.h"
#include "gitpagescheck.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace folio::app {

// The GitHub Pages warnings as a list the user confirms ("Push Anyway") or not.
class PagesWarningsDialog final : public QDialog
{
    Q_OBJECT

public:
    PagesWarningsDialog(const std::vector<PagesWarning> &warnings, QWidget *parent = nullptr);
    QListWidget *list() const { return m_list; }

private:
    QListWidget *m_list;
};

class GitDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Sources, Output };
    explicit GitDialog(const QString &siteDir, QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const;
    void setMessage(const QString &message);
    void setBranch(const QString &branch);
    void setPush(bool push);
    GitRepository *repository() const { return m_repo; }
    QString logText() const;
    // Tests replace the modal confirmation; returns true to go on.
    using Confirm = std::function<bool(const std::vector<PagesWarning> &)>;
    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }

public Q_SLOTS:
    void commit();

Q_SIGNALS:
    void done(const folio::app::GitResult &result);

private:
    void updateState();
    void appendLog(const QString &text);

    QString m_siteDir;
    GitRepository *m_repo;
    QRadioButton *m_sources, *m_output;
    QLineEdit *m_branch, *m_message;
    QCheckBox *m_push;
    QPlainTextEdit *m_log;
    QPushButton *m_commit;
    QStringList m_remotes;
    Confirm m_confirm;
};

} // namespace folio::app
