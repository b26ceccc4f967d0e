// Code highlighting as Rouge 3.30 writes it (site/highlight).
//
// samples/NAME.LANG are code samples; samples/NAME.LANG.html is what Rouge
// made of them (tests/highlight/rouge-oracle.rb regenerates those with
// Debian's ruby-rouge), compared here byte for byte.
#include "site/highlight/highlight.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>
#include <vector>

using namespace folio::site::highlight;

namespace {

const QString kSamples = QStringLiteral(FOLIO_SOURCE_DIR "/tests/highlight/samples");

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const QByteArray b = f.readAll();
    return std::string(b.constData(), size_t(b.size()));
}

// Where two outputs first differ, with some context, for a readable failure.
QByteArray firstDifference(const std::string &actual, const std::string &expected)
{
    std::size_t i = 0;
    while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
        ++i;
    const std::size_t from = i > 80 ? i - 80 : 0;
    return QByteArray::fromStdString("at byte " + std::to_string(i) + "\n  folio: " + actual.substr(from, 200)
                                     + "\n  rouge: " + expected.substr(from, 200));
}

} // namespace

class TestHighlight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesRouge_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("sample");
        const QStringList files = QDir(kSamples).entryList(QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            if (file.endsWith(QLatin1String(".html")))
                continue;
            QTest::newRow(qPrintable(file)) << file.section(u'.', -1) << kSamples + u'/' + file;
        }
    }

    void matchesRouge()
    {
        QFETCH(QString, lang);
        QFETCH(QString, sample);
        const std::string code = readAll(sample);
        const std::string expected = readAll(sample + QStringLiteral(".html"));
        const std::optional<std::string> html = highlightHtml(lang.toStdString(), code);
        QVERIFY2(html, "no lexer");
        QVERIFY2(*html == expected, firstDifference(*html, expected).constData());
    }

    // Every sample lexed with every language: code a lexer was not written
    // for takes its rules down unusual paths. Needs Ruby and Rouge 3.30.
    void crossLexingMatchesRouge()
    {
        const QString ruby = QStandardPaths::findExecutable(QStringLiteral("ruby"));
        if (ruby.isEmpty())
            QSKIP("ruby is not installed: the cross-lexing comparison runs Rouge");
        QTemporaryDir out;
        QStringList args{QStringLiteral(FOLIO_SOURCE_DIR "/tests/highlight/rouge-oracle.rb"), QStringLiteral("--cross"),
                         out.path()};
        const std::vector<std::string> tags = languageTags();
        for (const std::string &tag : tags)
            args << QString::fromStdString(tag);
        QProcess rouge;
        rouge.start(ruby, args);
        QVERIFY(rouge.waitForFinished(300000));
        if (rouge.exitCode() != 0)
            QSKIP(qPrintable(QStringLiteral("Rouge 3.30 is not usable: ") + QString::fromUtf8(rouge.readAllStandardError())));
        int compared = 0;
        for (const QString &file : QDir(kSamples).entryList(QDir::Files, QDir::Name)) {
            if (file.endsWith(QLatin1String(".html")))
                continue;
            const std::string code = readAll(kSamples + u'/' + file);
            for (const std::string &tag : tags) {
                const std::string expected =
                    readAll(out.path() + u'/' + file + u'.' + QString::fromStdString(tag) + QStringLiteral(".html"));
                const std::optional<std::string> html = highlightHtml(tag, code);
                const QByteArray where = (file + QStringLiteral(" as ") + QString::fromStdString(tag)).toUtf8();
                if (expected == "(Rouge raised)") {
                    QVERIFY2(!html, where.constData());
                } else {
                    QVERIFY2(html, where.constData());
                    QVERIFY2(*html == expected, (where + ' ' + firstDifference(*html, expected)).constData());
                }
                ++compared;
            }
        }
        qInfo("%d sample/language pairs identical to Rouge", compared);
    }

    // Rouge's Lexer.find is exact: a name it does not know (or Folio does not
    // lex exactly) leaves the code to the caller, which writes it unhighlighted.
    void unknownNamesAreNotHighlighted_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("capitalised") << "Python";
        QTest::newRow("not a Rouge alias") << "python3";
        QTest::newRow("unknown") << "no-such-language";
        QTest::newRow("empty") << "";
    }

    void unknownNamesAreNotHighlighted()
    {
        QFETCH(QString, lang);
        QVERIFY(!highlightHtml(lang.toStdString(), "x = 1\n"));
    }

    void aliasesAndOptions()
    {
        const std::string code = "echo $HOME\n";
        const std::optional<std::string> shell = highlightHtml("shell", code);
        QVERIFY(shell);
        QCOMPARE(*shell, std::string("<span class=\"nb\">echo</span> <span class=\"nv\">$HOME</span>\n"));
        for (const char *alias : {"bash", "sh", "zsh", "ksh", "shell?"})
            QCOMPARE(highlightHtml(alias, code).value_or("(none)"), *shell);
        // Options change some lexers (console?lang=python); Folio does the defaults only.
        QVERIFY(!highlightHtml("console?lang=python", "$ print(1)\n"));
    }

    void plainTextIsEscapedOnly()
    {
        QCOMPARE(highlightHtml("plaintext", "a < b && c > d\n").value_or("(none)"),
                 std::string("a &lt; b &amp;&amp; c &gt; d\n"));
        QCOMPARE(highlightHtml("text", "").value_or("(none)"), std::string());
    }

    // A token far longer than the JIT stack allows for (R's '(\\.|.)*?'
    // pushes a frame per character): still one string, as in Rouge.
    void hugeTokens()
    {
        const std::string body(300000, 'a');
        QCOMPARE(highlightHtml("r", "'" + body + "'\n").value_or("(none)"),
                 "<span class=\"s1\">'" + body + "'</span><span class=\"w\">\n</span>");
    }

    void invalidUtf8IsNotHighlighted() { QVERIFY(!highlightHtml("python", "x = '\xff\xfe'\n")); }

    // Compiled lexers are shared by the parallel renderer's threads.
    void threadsShareLexers()
    {
        const std::string code = readAll(kSamples + QStringLiteral("/numpy.python"));
        const std::string expected = readAll(kSamples + QStringLiteral("/numpy.python.html"));
        std::vector<std::thread> threads;
        std::atomic<int> good{0};
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 20; ++i)
                    if (highlightHtml("python", code) == expected)
                        ++good;
            });
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(good.load(), 80);
    }
};

QTEST_GUILESS_MAIN(TestHighlight)
#include "tst_highlight.moc"
