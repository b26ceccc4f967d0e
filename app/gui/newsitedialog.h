// File > New Site: asks for an empty folder, the site's title and the
// author's name, and creates Folio's starter site there.
#pragma once

#include <QDialog>

class QLineEdit;
class QLabel;
class QDialogButtonBox;

namespace folio::app {

class NewSiteDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit NewSiteDialog(QWidget *parent = nullptr);

    QString folder() const;
    // Creates the site; on failure shows why in the dialog and returns false.
    bool create();

    void setFolder(const QString &folder);
    void setTitle(const QString &title);
    void setAuthor(const QString &author);

private:
    void validate();

    QLineEdit *m_folder, *m_title, *m_author;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace folio::app
