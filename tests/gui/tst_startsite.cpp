// Which site the window opens at start: the one asked for, else the last one,
// else the starter site, created once from the bundled copy and then left as
// the user changes it.
#include "app/gui/startsite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace folio::app;

class TestStartSite final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void starterIsCreatedOnceAndKeptAsTheUserLeftIt();
    void lastSiteWinsOverTheStarter();
    void aRequestedSiteWinsOverAll();
};

void TestStartSite::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);   // ~/.qttest: never the user's data folder
    QDir(starterSiteFolder()).removeRecursively();
    QSettings().clear();
}

void TestStartSite::starterIsCreatedOnceAndKeptAsTheUserLeftIt()
{
    const auto first = siteToOpen(QString(), false);
    QVERIFY2(first, first ? "" : qPrintable(first.error()));
    QCOMPARE(*first, starterSiteFolder());
    QVERIFY(QFile::exists(*first + QStringLiteral("/_config.yml")));
    QVERIFY(QDir(*first + QStringLiteral("/_publications")).count() > 2);

    // The user edits their copy; the next start reopens it unchanged.
    QFile config(*first + QStringLiteral("/_config.yml"));
    QVERIFY(config.open(QIODevice::Append));
    config.write("# my own line\n");
    config.close();
    const auto second = siteToOpen(QString(), true);
    QVERIFY(second);
    QCOMPARE(*second, *first);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().endsWith("# my own line\n"));
}

void TestStartSite::lastSiteWinsOverTheStarter()
{
    QTemporaryDir other;
    QFile config(other.filePath(QStringLiteral("_config.yml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.close();
    QSettings().setValue(QStringLiteral("lastSite"), other.path());
    QCOMPARE(*siteToOpen(QString(), false), other.path());
    // ...unless it is gone.
    QSettings().setValue(QStringLiteral("lastSite"), other.path() + QStringLiteral("/vanished"));
    QCOMPARE(*siteToOpen(QString(), false), starterSiteFolder());
}

void TestStartSite::aRequestedSiteWinsOverAll()
{
    QTemporaryDir other;
    QCOMPARE(*siteToOpen(other.path(), false), other.path());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FolioTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_startsite"));
    TestStartSite test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_startsite.moc"
