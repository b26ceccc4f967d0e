// Spelling as the user sees it: misspelt prose gets the red wavy underline,
// math, code, Liquid, URLs, HTML tags and YAML keys never do; suggestions and
// "Add to dictionary" work; the site's locale picks the dictionary; without
// one the editor still works and says so once. Needs Debian's hunspell-en-us
// (skipped without it).
#include "editor/markdowneditor.h"
#include "editor/spellchecker.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>

using folio::editor::MarkdownEditor;
using folio::editor::SpellChecker;

namespace {

QStringList underlined(const MarkdownEditor &editor)
{
    QStringList words;
    for (const auto &s : editor.extraSelections())
        if (s.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
            words << s.cursor.selectedText();
    return words;
}

bool haveEnglish() { return SpellChecker::installedDictionaries().contains(QStringLiteral("en_US")); }

} // namespace

class TestSpellCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolveLanguage_data();
    void resolveLanguage();
    void marksMisspeltProseOnly();
    void suggestionsAndPersonalDictionary();
    void noDictionaryMeansNoMarksAndOneNotice();
};

void TestSpellCheck::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("folio-tst-spellcheck"));
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(SpellChecker::personalDictionaryPath());
}

void TestSpellCheck::resolveLanguage_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("expected");
    const QStringList installed{QStringLiteral("en_US"), QStringLiteral("en_GB"), QStringLiteral("de_AT"), QStringLiteral("de_DE")};
    QTest::newRow("academicpages en-US") << QStringLiteral("en-US") << QStringLiteral("en_US");
    QTest::newRow("underscore") << QStringLiteral("en_GB") << QStringLiteral("en_GB");
    QTest::newRow("language only") << QStringLiteral("de") << QStringLiteral("de_DE");
    QTest::newRow("region not installed") << QStringLiteral("de-CH") << QStringLiteral("de_DE");
    QTest::newRow("posix locale") << QStringLiteral("en_GB.UTF-8") << QStringLiteral("en_GB");
    QTest::newRow("lower case region") << QStringLiteral("en-gb") << QStringLiteral("en_GB");
    QTest::newRow("not installed") << QStringLiteral("fr-FR") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSpellCheck::resolveLanguage()
{
    QFETCH(QString, site);
    QFETCH(QString, expected);
    const QStringList installed{QStringLiteral("en_US"), QStringLiteral("en_GB"), QStringLiteral("de_AT"), QStringLiteral("de_DE")};
    QCOMPARE(SpellChecker::resolveLanguage(site, installed), expected);
}

void TestSpellCheck::marksMisspeltProseOnly()
{
    if (!haveEnglish())
        QSKIP("the en_US Hunspell dictionary is not installed (Debian: hunspell-en-us)");
    MarkdownEditor editor;
    editor.resize(900, 500);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setPlainText(QStringLiteral(
        "---\n"
        "titel: A wonderfull post\n"
        "permalink: /postz/wrongg/\n"
        "---\n"
        "This sentense has a mispelled word.\n"
        "Math $\\mathrm{sentense} + qwzx$ and \\(blargh\\) and $$zorgle$$.\n"
        "Code `codde qwzx` and a link [the tekst](https://example.com/wrongg) or https://exampl.org/pathh.\n"
        "Liquid {{ paage.titel }} {% incloode foo.html %} and <span class=\"badd\">fine</span>.\n"
        "```\n"
        "misspeled inside a fence\n"
        "```\n"
        "Don't flag NASA, x86, camelCase, snake_case, or don’t; flag recieve."));
    QCOMPARE(editor.spellChecker()->language(), QString()); // not loaded until needed
    editor.setSpellLanguage(QStringLiteral("en-US"));
    QCOMPARE(editor.spellChecker()->language(), QStringLiteral("en_US"));
    editor.refreshVisibleMarks();
    QStringList words = underlined(editor);
    words.sort();
    QCOMPARE(words, (QStringList{QStringLiteral("mispelled"), QStringLiteral("recieve"), QStringLiteral("sentense"),
                                 QStringLiteral("tekst"), QStringLiteral("wonderfull")}));
    // Typing a new mistake shows after the pause, without a call.
    QTextCursor end(editor.document());
    end.movePosition(QTextCursor::End);
    end.insertText(QStringLiteral(" Anotherr."));
    QTRY_VERIFY(underlined(editor).contains(QStringLiteral("Anotherr")));
}

void TestSpellCheck::suggestionsAndPersonalDictionary()
{
    if (!haveEnglish())
        QSKIP("the en_US Hunspell dictionary is not installed (Debian: hunspell-en-us)");
    SpellChecker checker;
    QVERIFY(checker.setLanguage(QStringLiteral("en_US")));
    QVERIFY(!checker.isCorrect(QStringLiteral("recieve")));
    QVERIFY(checker.suggestions(QStringLiteral("recieve")).contains(QStringLiteral("receive")));
    QVERIFY(!checker.isCorrect(QStringLiteral("Folioish")));
    QSignalSpy changed(&checker, &SpellChecker::dictionaryChanged);
    checker.addToPersonalDictionary(QStringLiteral("Folioish"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(checker.isCorrect(QStringLiteral("Folioish")));
    QFile list(SpellChecker::personalDictionaryPath());
    QVERIFY(list.open(QIODevice::ReadOnly));
    QCOMPARE(list.readAll(), QByteArray("Folioish\n"));

    // A new checker (the next start) reads the personal list.
    SpellChecker next;
    QVERIFY(next.setLanguage(QStringLiteral("en-US")));
    QVERIFY(next.isCorrect(QStringLiteral("Folioish")));
}

void TestSpellCheck::noDictionaryMeansNoMarksAndOneNotice()
{
    qputenv("FOLIO_HUNSPELL_ONLY", "1");
    qputenv("FOLIO_HUNSPELL_PATH", QFile::encodeName(QDir::tempPath() + QStringLiteral("/folio-no-dictionaries")));
    MarkdownEditor editor;
    QSignalSpy notices(&editor, &MarkdownEditor::notice);
    editor.setPlainText(QStringLiteral("Thiss is wrongg."));
    editor.setSpellLanguage(QStringLiteral("en-US"));
    editor.setSpellLanguage(QStringLiteral("de"));
    editor.refreshVisibleMarks();
    QVERIFY(!editor.spellChecker()->isAvailable());
    QCOMPARE(underlined(editor), QStringList());
    QCOMPARE(notices.count(), 1);
    QVERIFY(notices.first().first().toString().contains(QStringLiteral("hunspell")));
    MarkdownEditor second;
    QSignalSpy secondNotices(&second, &MarkdownEditor::notice);
    second.setSpellLanguage(QString());
    QCOMPARE(secondNotices.count(), 0); // once per run
    // The editor still edits.
    QTest::keyClicks(&editor, QStringLiteral("ok "));
    QVERIFY(editor.toPlainText().startsWith(QStringLiteral("ok ")));
    qunsetenv("FOLIO_HUNSPELL_ONLY");
    qunsetenv("FOLIO_HUNSPELL_PATH");
}

QTEST_MAIN(TestSpellCheck)
#include "tst_spellcheck.moc"
