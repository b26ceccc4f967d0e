#include "git.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace folio::app {

namespace {

const QString kGit = QStringLiteral("git");

// Git must never wait for a password on a terminal the GUI does not have:
// a push that needs credentials fails with git's own message instead.
QProcessEnvironment noPromptEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    if (!env.contains(QStringLiteral("GIT_SSH_COMMAND")))
        env.insert(QStringLiteral("GIT_SSH_COMMAND"), QStringLiteral("ssh -o BatchMode=yes"));
    return env;
}

QString firstLine(const QString &text)
{
    return text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
}

// The remote to push to: the one named origin, else the first.
QString preferredRemote(const QString &remotesOutput)
{
    const QStringList remotes = remotesOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (remotes.contains(QStringLiteral("origin")))
        return QStringLiteral("origin");
    return remotes.isEmpty() ? QString() : remotes.first().trimmed();
}

} // namespace

GitRepository::GitRepository(QString siteDir, QObject *parent)
    : QObject(parent), m_siteDir(QFileInfo(siteDir).absoluteFilePath())
{
}

GitRepository::~GitRepository() = default;

void GitRepository::run(Call call, Next next)
{
    auto *process = new QProcess(this);
    process->setProgram(kGit);
    process->setArguments(call.args);
    process->setWorkingDirectory(call.workingDir.isEmpty() ? m_siteDir : call.workingDir);
    process->setProcessEnvironment(call.env.isEmpty() ? noPromptEnvironment() : call.env);
    const QString command = QStringLiteral("$ git ") + call.args.join(QLatin1Char(' ')) + QLatin1Char('\n');
    m_log += command;
    Q_EMIT logged(command);
    connect(process, &QProcess::errorOccurred, this, [this, process, next](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        Outcome outcome;
        outcome.started = false;
        outcome.err = tr("Cannot run git (%1). Install git and make sure it is on the PATH.").arg(process->errorString());
        next(outcome);
    });
    connect(process, &QProcess::finished, this, [this, process, next](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        Outcome outcome;
        outcome.code = status == QProcess::NormalExit ? code : -1;
        outcome.out = QString::fromUtf8(process->readAllStandardOutput());
        outcome.err = QString::fromUtf8(process->readAllStandardError());
        if (!outcome.err.trimmed().isEmpty()) {
            m_log += outcome.err;
            Q_EMIT logged(outcome.err);
        }
        next(outcome);
    });
    process->start();
    if (!call.input.isNull()) {
        process->write(call.input);
        process->closeWriteChannel();
    }
}

void GitRepository::begin()
{
    m_busy = true;
    m_log.clear();
}

void GitRepository::done(GitResult result)
{
    m_busy = false;
    m_output.indexDir.reset();
    Q_EMIT finished(result);
}

void GitRepository::fail(const QString &what, const Outcome &outcome)
{
    GitResult result;
    result.message = outcome.text().isEmpty() ? what : what + QStringLiteral("\n") + outcome.text();
    done(result);
}

void GitRepository::listRemotes()
{
    run({{QStringLiteral("remote")}, {}, {}, {}}, [this](const Outcome &o) {
        if (o.code != 0) {
            Q_EMIT remotesListed({}, o.text());
            return;
        }
        QStringList remotes = o.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &r : remotes)
            r = r.trimmed();
        Q_EMIT remotesListed(remotes, {});
    });
}

// Pushes `refspec` to the preferred remote when there is one, then finishes
// with `result` (a missing remote is not an error: the commit stays local).
void GitRepository::pushThen(const QStringList &refspec, GitResult result)
{
    run({{QStringLiteral("remote")}, {}, {}, {}}, [this, refspec, result](const Outcome &o) mutable {
        const QString remote = o.code == 0 ? preferredRemote(o.out) : QString();
        if (remote.isEmpty()) {
            result.message += QLatin1Char(' ') + tr("No remote is set, so nothing was pushed.");
            done(result);
            return;
        }
        run({QStringList{QStringLiteral("push"), remote} + refspec, {}, {}, {}}, [this, remote, result](const Outcome &p) mutable {
            if (p.code != 0) {
                result.ok = false;
                result.message += QLatin1Char(' ') + tr("Pushing to %1 failed:").arg(remote) + QLatin1Char('\n') + p.text();
            } else {
                result.pushed = true;
                result.message += QLatin1Char(' ') + tr("Pushed to %1.").arg(remote);
            }
            done(result);
        });
    });
}

// --- sources ---------------------------------------------------------------

void GitRepository::commitSources(const QString &message, bool push, const QString &excludeFolder)
{
    if (m_busy)
        return;
    begin();
    // Pathspecs are relative to the site's folder, so only the site is
    // committed even when it is a subfolder of a bigger repository, and the
    // user's other staged changes stay staged.
    QStringList paths{QStringLiteral(".")};
    if (!excludeFolder.isEmpty()) {
        const QString relative = QDir(m_siteDir).relativeFilePath(QFileInfo(excludeFolder).absoluteFilePath());
        if (!relative.startsWith(QStringLiteral("..")) && relative != QStringLiteral("."))
            paths << QStringLiteral(":(exclude)") + relative;
    }
    run({{QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")}, {}, {}, {}}, [=, this](const Outcome &o) {
        if (o.code != 0)
            return fail(tr("The site is not in a git repository (run “git init” in its folder first)."), o);
        run({QStringList{QStringLiteral("add"), QStringLiteral("-A"), QStringLiteral("--")} + paths, {}, {}, {}}, [=, this](const Outcome &o) {
            if (o.code != 0)
                return fail(tr("git could not stage the site's changes:"), o);
            run({QStringList{QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--quiet"), QStringLiteral("--")} + paths, {}, {}, {}},
                [=, this](const Outcome &o) {
                    auto afterCommit = [=, this](GitResult result) {
                        run({{QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, {}, {}, {}}, [=, this](const Outcome &h) mutable {
                            result.commit = h.code == 0 ? h.out.trimmed() : QString();
                            if (push && result.ok)
                                pushThen({QStringLiteral("HEAD")}, result);
                            else
                                done(result);
                        });
                    };
                    if (o.code == 0) { // nothing staged under the site
                        GitResult result;
                        result.ok = true;
                        result.message = tr("Nothing to commit: the site's sources are as in the last commit.");
                        return afterCommit(result);
                    }
                    run({QStringList{QStringLiteral("commit"), QStringLiteral("-m"), message, QStringLiteral("--")} + paths, {}, {}, {}},
                        [=, this](const Outcome &o) {
                            if (o.code != 0)
                                return fail(tr("git could not commit:"), o);
                            GitResult result;
                            result.ok = result.committed = true;
                            result.message = tr("Committed: %1").arg(firstLine(o.out));
                            afterCommit(result);
                        });
                });
        });
    });
}

// --- built output to a branch ----------------------------------------------

void GitRepository::commitOutput(const QString &builtDir, const QString &branch, const QString &message, bool push)
{
    if (m_busy)
        return;
    begin();
    m_output.builtDir = QFileInfo(builtDir).absoluteFilePath();
    m_output.branch = branch.trimmed();
    m_output.message = message;
    m_output.push = push;
    m_output.parent.clear();
    if (!QFileInfo(m_output.builtDir).isDir()) {
        GitResult result;
        result.message = tr("%1 does not exist: publish the site first.").arg(QDir::toNativeSeparators(m_output.builtDir));
        return done(result);
    }
    run({{QStringLiteral("check-ref-format"), QStringLiteral("--branch"), m_output.branch}, {}, {}, {}}, [this](const Outcome &o) {
        if (o.code != 0)
            return fail(tr("“%1” is not a valid branch name.").arg(m_output.branch), o);
        run({{QStringLiteral("rev-parse"), QStringLiteral("--absolute-git-dir")}, {}, {}, {}}, [this](const Outcome &o) {
            if (o.code != 0)
                return fail(tr("The site is not in a git repository (run “git init” in its folder first)."), o);
            m_output.gitDir = o.out.trimmed();
            run({{QStringLiteral("symbolic-ref"), QStringLiteral("-q"), QStringLiteral("HEAD")}, {}, {}, {}}, [this](const Outcome &o) {
                // Moving the checked-out branch would change the commit under
                // the user's working tree: refuse.
                if (o.code == 0 && o.out.trimmed() == QStringLiteral("refs/heads/") + m_output.branch) {
                    GitResult result;
                    result.message = tr("“%1” is the branch checked out in your working tree; Folio commits the built "
                                        "site only to another branch. Switch branches or choose another name.")
                                         .arg(m_output.branch);
                    return done(result);
                }
                outputFindParent();
            });
        });
    });
}

void GitRepository::outputFindParent()
{
    const QString ref = QStringLiteral("refs/heads/") + m_output.branch;
    run({{QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"), ref + QStringLiteral("^{commit}")}, {}, {}, {}},
        [this](const Outcome &o) {
            m_output.parent = o.code == 0 ? o.out.trimmed() : QString();
            outputStage();
        });
}

// The built files go into a temporary index (GIT_INDEX_FILE), read from the
// output folder as a work tree of its own: the user's index and files are
// never read or written.
void GitRepository::outputStage()
{
    m_output.indexDir = std::make_unique<QTemporaryDir>();
    if (!m_output.indexDir->isValid()) {
        GitResult result;
        result.message = tr("Cannot create a temporary folder: %1").arg(m_output.indexDir->errorString());
        return done(result);
    }
    m_output.env = noPromptEnvironment();
    m_output.env.insert(QStringLiteral("GIT_INDEX_FILE"), m_output.indexDir->filePath(QStringLiteral("index")));
    m_output.env.insert(QStringLiteral("GIT_DIR"), m_output.gitDir);
    m_output.env.insert(QStringLiteral("GIT_WORK_TREE"), m_output.builtDir);
    // -f: the output is committed whole, whatever ignore rules say.
    run({{QStringLiteral("add"), QStringLiteral("-A"), QStringLiteral("-f"), QStringLiteral("--"), QStringLiteral(".")},
         m_output.builtDir, m_output.env, {}},
        [this](const Outcome &o) {
            if (o.code != 0)
                return fail(tr("git could not read the built site:"), o);
            if (QFileInfo::exists(m_output.builtDir + QStringLiteral("/.nojekyll")))
                return outputWriteTree();
            // Without .nojekyll GitHub Pages would run its Jekyll over the
            // built pages (dropping files whose names start with '_'); the
            // file is added to the commit only, not to the output folder.
            run({{QStringLiteral("hash-object"), QStringLiteral("-w"), QStringLiteral("--stdin")}, m_output.builtDir,
                 m_output.env, QByteArray("")},
                [this](const Outcome &o) {
                    if (o.code != 0)
                        return fail(tr("git could not write .nojekyll:"), o);
                    run({{QStringLiteral("update-index"), QStringLiteral("--add"), QStringLiteral("--cacheinfo"),
                          QStringLiteral("100644,%1,.nojekyll").arg(o.out.trimmed())},
                         m_output.builtDir, m_output.env, {}},
                        [this](const Outcome &o) {
                            if (o.code != 0)
                                return fail(tr("git could not add .nojekyll:"), o);
                            outputWriteTree();
                        });
                });
        });
}

void GitRepository::outputWriteTree()
{
    run({{QStringLiteral("write-tree")}, m_output.builtDir, m_output.env, {}}, [this](const Outcome &o) {
        if (o.code != 0)
            return fail(tr("git could not write the tree:"), o);
        const QString tree = o.out.trimmed();
        if (m_output.parent.isEmpty())
            return outputCommit(tree);
        run({{QStringLiteral("rev-parse"), m_output.parent + QStringLiteral("^{tree}")}, {}, {}, {}}, [this, tree](const Outcome &p) {
            if (p.code == 0 && p.out.trimmed() == tree) {
                GitResult result;
                result.ok = true;
                result.commit = m_output.parent;
                result.message = tr("Nothing to commit: %1 already holds this build.").arg(m_output.branch);
                if (m_output.push)
                    return pushThen({QStringLiteral("refs/heads/%1:refs/heads/%1").arg(m_output.branch)}, result);
                return done(result);
            }
            outputCommit(tree);
        });
    });
}

void GitRepository::outputCommit(const QString &tree)
{
    QStringList args{QStringLiteral("commit-tree"), tree};
    if (!m_output.parent.isEmpty())
        args << QStringLiteral("-p") << m_output.parent;
    args << QStringLiteral("-m") << m_output.message;
    run({args, {}, {}, {}}, [this](const Outcome &o) {
        if (o.code != 0)
            return fail(tr("git could not commit the built site:"), o);
        const QString commit = o.out.trimmed();
        // The old value makes update-ref refuse if the branch moved meanwhile
        // (empty: the branch must not exist yet).
        const QString old = m_output.parent;
        run({{QStringLiteral("update-ref"), QStringLiteral("-m"), QStringLiteral("folio: publish"),
              QStringLiteral("refs/heads/") + m_output.branch, commit, old},
             {}, {}, {}},
            [this, commit](const Outcome &o) {
                if (o.code != 0)
                    return fail(tr("git could not move %1:").arg(m_output.branch), o);
                GitResult result;
                result.ok = result.committed = true;
                result.commit = commit;
                result.message = tr("Committed the built site to %1 (%2).").arg(m_output.branch, commit.left(7));
                if (m_output.push)
                    return pushThen({QStringLiteral("refs/heads/%1:refs/heads/%1").arg(m_output.branch)}, result);
                done(result);
            });
    });
}

} // namespace folio::app
