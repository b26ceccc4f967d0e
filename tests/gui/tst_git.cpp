// Git from the window, on temporary repositories: committing the sources makes
// a commit of the changed files (not the output), pushes where a remote is
// set and reports git's own error text; the built site goes to gh-pages
// without touching the working tree, index or current branch; before a
// source push the GitHub Pages differences are listed for the user.
#include "app/gui/git.h"
#include "app/gui/gitdialog.h"
#include "app/gui/gitpagescheck.h"
#include "app/gui/publishjob.h"
#include "common/files.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using folio::app::GitDialog;
using folio::app::GitRepository;
using folio::app::GitResult;
using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

// Runs git synchronously in `dir` (test set-up and checks only).
QString git(const QString &dir, const QStringList &args, int *code = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), args);
    p.waitForFinished(30000);
    if (code)
        *code = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// A repository holding the sample site, everything committed.
QString makeRepository(const QString &root)
{
    const QString site = folio::tests::copySampleSite(root);
    git(site, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")});
    git(site, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Test")});
    git(site, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("test@example.org")});
    git(site, {QStringLiteral("config"), QStringLiteral("commit.gpgsign"), QStringLiteral("false")});
    git(site, {QStringLiteral("add"), QStringLiteral("-A")});
    git(site, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("initial")});
    return site;
}

GitResult waitFor(GitRepository &repo)
{
    QSignalSpy spy(&repo, &GitRepository::finished);
    if (!spy.wait(60000))
        return {};
    return spy.first().first().value<GitResult>();
}

QByteArray sha(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex();
}

} // namespace

class TestGit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commitSourcesCommitsTheChangedFiles();
    void pushesToTheRemoteAndReportsGitsErrors();
    void commitsTheBuiltSiteToABranchLeavingTheWorkTree();
    void refusesTheCheckedOutBranch();
    void githubPagesWarningsListMathAndPlugins();
    void sourcePushWaitsForTheUsersConfirmation();
};

void TestGit::initTestCase()
{
    int code = -1;
    git(QDir::tempPath(), {QStringLiteral("--version")}, &code);
    if (code != 0)
        QSKIP("git is not installed (scripts/install-deps.sh installs it)");
}

void TestGit::commitSourcesCommitsTheChangedFiles()
{
    QTemporaryDir tmp;
    const QString site = makeRepository(tmp.path());
    const QString head = git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    writeFile(site, QStringLiteral("_posts/2023-11-02-hello.md"), "---\ntitle: Hello again\n---\nChanged.\n");
    writeFile(site, QStringLiteral("_posts/2024-05-01-new.md"), "---\ntitle: New\n---\nNew post.\n");
    writeFile(site, QStringLiteral("_site/index.html"), "<p>built</p>\n"); // the output: not a source

    GitRepository repo(site);
    repo.commitSources(QStringLiteral("Edit posts"), false, site + QStringLiteral("/_site"));
    QVERIFY(repo.isBusy()); // asynchronous: returns before git ran
    const GitResult result = waitFor(repo);
    QVERIFY2(result.ok && result.committed, qPrintable(result.message + repo.log()));
    QCOMPARE(result.commit, git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD^")}), head);
    QCOMPARE(git(site, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}), QStringLiteral("Edit posts"));
    const QStringList changed = git(site, {QStringLiteral("show"), QStringLiteral("--name-only"), QStringLiteral("--format="), QStringLiteral("HEAD")})
                                    .split(QLatin1Char('\n'));
    QCOMPARE(changed, (QStringList{QStringLiteral("_posts/2023-11-02-hello.md"), QStringLiteral("_posts/2024-05-01-new.md")}));
    QCOMPARE(git(site, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QStringLiteral("?? _site/"));

    // Nothing changed since: no new commit, and that is not an error.
    repo.commitSources(QStringLiteral("Again"), false, site + QStringLiteral("/_site"));
    const GitResult again = waitFor(repo);
    QVERIFY(again.ok);
    QVERIFY(!again.committed);
    QVERIFY(again.message.contains(QStringLiteral("Nothing to commit")));
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), result.commit);
}

void TestGit::pushesToTheRemoteAndReportsGitsErrors()
{
    QTemporaryDir tmp;
    const QString site = makeRepository(tmp.path());
    const QString remote = tmp.path() + QStringLiteral("/remote.git");
    git(tmp.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), remote});
    git(site, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), remote});
    writeFile(site, QStringLiteral("index.md"), "---\nlayout: page\n---\nNew home.\n");

    GitRepository repo(site);
    repo.commitSources(QStringLiteral("Home"), true);
    const GitResult pushed = waitFor(repo);
    QVERIFY2(pushed.ok && pushed.pushed, qPrintable(pushed.message + repo.log()));
    QCOMPARE(git(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), pushed.commit);

    // A remote that is not there: the commit is made, the push fails with git's words.
    git(site, {QStringLiteral("remote"), QStringLiteral("set-url"), QStringLiteral("origin"), tmp.path() + QStringLiteral("/missing.git")});
    writeFile(site, QStringLiteral("index.md"), "---\nlayout: page\n---\nNewer home.\n");
    repo.commitSources(QStringLiteral("Home again"), true);
    const GitResult failed = waitFor(repo);
    QVERIFY(!failed.ok);
    QVERIFY(failed.committed);
    QVERIFY(!failed.pushed);
    QVERIFY2(failed.message.contains(QStringLiteral("does not appear to be a git repository")), qPrintable(failed.message));

    // Not a repository at all.
    QTemporaryDir plain;
    GitRepository none(plain.path());
    none.commitSources(QStringLiteral("x"), false);
    const GitResult notRepo = waitFor(none);
    QVERIFY(!notRepo.ok);
    QVERIFY2(notRepo.message.contains(QStringLiteral("not in a git repository")), qPrintable(notRepo.message));
}

void TestGit::commitsTheBuiltSiteToABranchLeavingTheWorkTree()
{
    QTemporaryDir tmp;
    const QString site = makeRepository(tmp.path());
    // The user's state: a staged change, an unstaged one, an untracked file.
    writeFile(site, QStringLiteral("index.md"), "---\nlayout: page\n---\nStaged.\n");
    git(site, {QStringLiteral("add"), QStringLiteral("index.md")});
    writeFile(site, QStringLiteral("_pages/about.md"), "---\ntitle: About\n---\nUnstaged.\n");
    writeFile(site, QStringLiteral("notes.txt"), "untracked\n");

    // Build the site into the default output folder (ignored by nothing).
    folio::app::PublishJob job(site, site + QStringLiteral("/_site"));
    QSignalSpy built(&job, &folio::app::PublishJob::finished);
    job.start();
    QVERIFY(built.wait(60000));
    QVERIFY(job.summary().ok());

    const QString head = git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    const QString status = git(site, {QStringLiteral("status"), QStringLiteral("--porcelain")});
    const QByteArray index = sha(readFile(site + QStringLiteral("/.git/index")));

    GitRepository repo(site);
    repo.commitOutput(site + QStringLiteral("/_site"), QStringLiteral("gh-pages"), QStringLiteral("Publish"), false);
    const GitResult result = waitFor(repo);
    QVERIFY2(result.ok && result.committed, qPrintable(result.message + repo.log()));
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("gh-pages")}), result.commit);

    // The branch holds exactly the built files (and .nojekyll), with their bytes.
    QStringList tree = git(site, {QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("--name-only"), QStringLiteral("gh-pages")})
                           .split(QLatin1Char('\n'));
    QStringList built_;
    QDirIterator it(site + QStringLiteral("/_site"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        built_ << QDir(site + QStringLiteral("/_site")).relativeFilePath(it.next());
    built_ << QStringLiteral(".nojekyll");
    built_.sort();
    tree.sort();
    QCOMPARE(tree, built_);
    QVERIFY(tree.contains(QStringLiteral("index.html")));
    QCOMPARE(git(site, {QStringLiteral("show"), QStringLiteral("gh-pages:index.html")}).toUtf8(),
             readFile(site + QStringLiteral("/_site/index.html")).trimmed());
    QVERIFY(!QFileInfo::exists(site + QStringLiteral("/_site/.nojekyll"))); // only in the commit

    // The user's branch, index and files are as they were.
    QCOMPARE(git(site, {QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}), QStringLiteral("refs/heads/main"));
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);
    QCOMPARE(git(site, {QStringLiteral("status"), QStringLiteral("--porcelain")}), status);
    QCOMPARE(sha(readFile(site + QStringLiteral("/.git/index"))), index);
    QVERIFY(readFile(site + QStringLiteral("/_pages/about.md")).contains("Unstaged."));

    // A second publish is a child of the first; an unchanged build adds nothing.
    writeFile(site, QStringLiteral("_site/extra.txt"), "more\n");
    repo.commitOutput(site + QStringLiteral("/_site"), QStringLiteral("gh-pages"), QStringLiteral("Publish 2"), false);
    const GitResult second = waitFor(repo);
    QVERIFY2(second.ok && second.committed, qPrintable(second.message));
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("gh-pages^")}), result.commit);
    repo.commitOutput(site + QStringLiteral("/_site"), QStringLiteral("gh-pages"), QStringLiteral("Publish 3"), false);
    const GitResult third = waitFor(repo);
    QVERIFY(third.ok);
    QVERIFY(!third.committed);
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("gh-pages")}), second.commit);
    QCOMPARE(git(site, {QStringLiteral("status"), QStringLiteral("--porcelain")}), status);
}

void TestGit::refusesTheCheckedOutBranch()
{
    QTemporaryDir tmp;
    const QString site = makeRepository(tmp.path());
    writeFile(site, QStringLiteral("_site/index.html"), "<p>x</p>\n");
    const QString head = git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    GitRepository repo(site);
    repo.commitOutput(site + QStringLiteral("/_site"), QStringLiteral("main"), QStringLiteral("Publish"), false);
    const GitResult result = waitFor(repo);
    QVERIFY(!result.ok);
    QVERIFY(result.message.contains(QStringLiteral("checked out")));
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);
}

void TestGit::githubPagesWarningsListMathAndPlugins()
{
    QTemporaryDir tmp;
    const QString site = tmp.path();
    writeFile(site, QStringLiteral("_config.yml"), "title: T\nplugins:\n  - jekyll-feed\n  - jekyll-scholar\n");
    writeFile(site, QStringLiteral("_plugins/scholar.rb"), "# a plugin\n");
    // Each formula below was checked with kramdown 2.4 (GFM input), as
    // GitHub Pages renders it.
    writeFile(site, QStringLiteral("_posts/2024-02-01-abs.md"),
              "---\ntitle: Absolute values\n---\nIntro line.\n\nThe norm $a|b$ divides.\n\n"
              "And $$x|y$$ is kramdown's own math.\n");                       // -> a table
    writeFile(site, QStringLiteral("_posts/2024-02-02-stars.md"),
              "---\ntitle: Stars\n---\nOptimal $\\alpha^*_1 \\beta^*_2$ values.\n"); // -> <em>
    writeFile(site, QStringLiteral("_pages/delims.md"),
              "---\ntitle: Delimiters\n---\nSee \\(x\\) and $\\{x\\}$ and $a \\\\ b$.\n");
    // Left intact by kramdown: subscripts inside words, a | inside a
    // paragraph, $$, $x^*$ alone, and code.
    writeFile(site, QStringLiteral("_posts/2024-02-03-safe.md"),
              "---\ntitle: Safe\n---\nOnly $a_1 + b_1 = c_1$ and $x^* + y^*$,\nthen $|x|$ mid-paragraph, "
              "$$a|b$$, and `$a|b$` in code.\n");
    writeFile(site, QStringLiteral("_site/copy.md"), "$a|b$\n"); // the output is not scanned

    const auto warnings = folio::app::githubPagesWarnings(site);
    QStringList where;
    for (const auto &w : warnings)
        where << QStringLiteral("%1:%2 %3").arg(w.file).arg(w.line).arg(w.message);
    const QString all = where.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("_posts/2024-02-01-abs.md:6 $a|b$")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("table")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_posts/2024-02-02-stars.md:4 $\\alpha^*_1")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("a pair of * becomes emphasis")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_pages/delims.md:4 \\(x\\)")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("removes the backslash of \\{")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("line breaks are lost")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("safe.md")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("_site")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("x|y")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_plugins/scholar.rb")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_config.yml:4 GitHub Pages does not run the plugin “jekyll-scholar”")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("jekyll-feed")), qPrintable(all));
    QCOMPARE(warnings.size(), std::size_t(7));

    // The same list, as the user sees it before confirming.
    folio::app::PagesWarningsDialog dialog(warnings);
    QCOMPARE(dialog.list()->count(), 7);
    QVERIFY(dialog.list()->item(0)->text().startsWith(QStringLiteral("_config.yml:4: ")));
}

void TestGit::sourcePushWaitsForTheUsersConfirmation()
{
    QTemporaryDir tmp;
    const QString site = makeRepository(tmp.path());
    const QString remote = tmp.path() + QStringLiteral("/remote.git");
    git(tmp.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), remote});
    git(site, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), remote});
    writeFile(site, QStringLiteral("_posts/2024-02-01-abs.md"), "---\ntitle: Abs\n---\nThe norm $a|b$ divides.\n");
    const QString head = git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});

    GitDialog dialog(site);
    QSignalSpy remotes(dialog.repository(), &GitRepository::remotesListed);
    QVERIFY(remotes.wait(30000));
    dialog.setMode(GitDialog::Mode::Sources);
    dialog.setPush(true);
    std::vector<folio::app::PagesWarning> shown;
    bool answer = false;
    dialog.setConfirmation([&](const std::vector<folio::app::PagesWarning> &w) {
        shown = w;
        return answer;
    });
    dialog.commit();
    // The sample site's own kramdown-breaking formulas are listed too.
    QVERIFY(std::any_of(shown.begin(), shown.end(), [](const auto &w) {
        return w.file == QStringLiteral("_posts/2024-02-01-abs.md") && w.line == 4;
    }));
    QVERIFY(!dialog.repository()->isBusy()); // declined: nothing committed or pushed
    QCOMPARE(git(site, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);

    answer = true;
    QSignalSpy done(&dialog, &GitDialog::done);
    dialog.commit();
    QVERIFY(done.wait(60000));
    const GitResult result = done.first().first().value<GitResult>();
    QVERIFY2(result.ok && result.pushed, qPrintable(result.message + dialog.logText()));
    QCOMPARE(git(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), result.commit);
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("FolioTest"));
    app.setApplicationName(QStringLiteral("tst_git"));
    TestGit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_git.moc"
