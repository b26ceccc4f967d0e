// Git for publishing, through the `git` program run asynchronously (QProcess):
// commit the site's sources (and push them), or commit the built output to a
// branch such as gh-pages without touching the user's working tree, index or
// current branch (git plumbing over a temporary index).
#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace folio::app {

struct GitResult final {
    bool ok = false;
    bool committed = false;  // a new commit was made
    bool pushed = false;
    QString commit;          // the branch's commit after the operation
    QString message;         // what happened, or git's own error text and what to do
};

class GitRepository final : public QObject
{
    Q_OBJECT

public:
    // `siteDir` is the site's folder: the repository's top or inside it.
    explicit GitRepository(QString siteDir, QObject *parent = nullptr);
    ~GitRepository() override;

    // Commits the changes under the site's folder, except `excludeFolder`
    // (the output folder, when it is inside the site). With `push` and a
    // remote, pushes the current branch. Ends with finished().
    void commitSources(const QString &message, bool push, const QString &excludeFolder = {});
    // Commits the files of `builtDir` as the whole tree of `branch` (its
    // previous commit as parent, a `.nojekyll` added so GitHub Pages serves
    // the files as they are). With `push` and a remote, pushes the branch.
    void commitOutput(const QString &builtDir, const QString &branch, const QString &message, bool push);
    // Lists the remotes; ends with remotesListed().
    void listRemotes();

    bool isBusy() const { return m_busy; }
    // Every git command run and its error output, for the dialog's log.
    QString log() const { return m_log; }

Q_SIGNALS:
    void finished(const folio::app::GitResult &result);
    void remotesListed(const QStringList &remotes, const QString &error);
    void logged(const QString &text);

private:
    struct Outcome {
        int code = -1;
        QString out, err;
        bool started = true;
        QString text() const { return err.trimmed().isEmpty() ? out.trimmed() : err.trimmed(); }
    };
    struct Call {
        QStringList args;
        QString workingDir;            // default: the site
        QProcessEnvironment env;       // default: the system's, no prompts
        QByteArray input;
    };
    using Next = std::function<void(const Outcome &)>;

    void run(Call call, Next next);
    void begin();
    void done(GitResult result);
    void fail(const QString &what, const Outcome &outcome);
    void pushThen(const QStringList &refspec, GitResult result);

    // Steps of commitOutput, in order.
    void outputFindParent();
    void outputStage();
    void outputWriteTree();
    void outputCommit(const QString &tree);

    QString m_siteDir, m_log;
    bool m_busy = false;

    // State of the running operation.
    struct Output {
        QString gitDir, builtDir, branch, message, parent;
        bool push = false;
        std::unique_ptr<QTemporaryDir> indexDir;
        QProcessEnvironment env;
    } m_output;
};

} // namespace folio::app
