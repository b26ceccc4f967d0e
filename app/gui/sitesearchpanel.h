// The site-wide find/replace panel (Ctrl+Shift+F): results as file:line with
// the line for context, grouped by file; double-click opens the file at the
// line; Replace All changes every file (the open document in the editor).
#pragma once

#include "app/gui/sitesearch.h"

#include <QDockWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace folio::app {

class SiteSearchPanel final : public QDockWidget
{
    Q_OBJECT

public:
    // What the panel needs from the window, asked at each search: the site
    // folder, its output folders and the document open in the editor.
    struct Context {
        QString siteDir;
        QStringList outputDirs;
        OpenDocument open;
    };

    explicit SiteSearchPanel(QWidget *parent = nullptr);

    void setContextProvider(std::function<Context()> provider) { m_context = std::move(provider); }
    // Shows the panel with the search field focused (the editor's selection
    // as the search text when given).
    void activate(const QString &text = QString());

    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    void setOptions(const editor::SearchOptions &options);
    // Runs the search; returns the number of matches listed.
    int search();
    // Replaces in every file without asking (the button asks first).
    SiteSearch::ReplaceResult replaceAll();
    QTreeWidget *results() const { return m_results; }

Q_SIGNALS:
    // A result was opened: the window shows `path` at 1-based `line`.
    void openRequested(const QString &path, int line);
    // Files changed on disk by Replace All (the window refreshes the preview).
    void filesChanged(const QStringList &paths);

private:
    editor::SearchOptions options() const;
    void confirmAndReplace();
    void showResults(const QList<SiteMatch> &matches, const QString &siteDir);

    std::function<Context()> m_context;
    QLineEdit *m_find, *m_replace;
    QCheckBox *m_case, *m_words, *m_regex;
    QPushButton *m_searchButton, *m_replaceButton;
    QTreeWidget *m_results;
    QLabel *m_status;
};

} // namespace folio::app
