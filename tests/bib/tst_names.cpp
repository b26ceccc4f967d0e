// BibTeX's name splitting (site/bib/names.h), with the examples of Tame the
// BeaST and Text::BibTeX's documentation.
#include "site/bib/names.h"

#include <QTest>

using namespace folio::site::bib;

namespace {

QString parts(const Name &n)
{
    return QString::fromStdString("[" + n.first + "|" + n.von + "|" + n.last + "|" + n.jr + "]");
}

} // namespace

class TestNames final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("parts");   // [first|von|last|jr]
        const QList<QPair<const char *, const char *>> rows = {
            {"Donald E. Knuth", "[Donald E.||Knuth|]"},
            {"Knuth, Donald E.", "[Donald E.||Knuth|]"},
            {"D.~E. Knuth", "[D. E.||Knuth|]"},
            {"Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
             "[Charles Louis Xavier Joseph|de la|Vallée Poussin|]"},
            {"de la Vall{\\'e}e Poussin, Charles Louis Xavier Joseph",
             "[Charles Louis Xavier Joseph|de la|Vallée Poussin|]"},
            {"Ford, Jr., Henry", "[Henry||Ford|Jr.]"},
            {"van der Graaf, Jr., Horace Q.", "[Horace Q.|van der|Graaf|Jr.]"},
            {"Ludwig van Beethoven", "[Ludwig|van|Beethoven|]"},
            {"van Beethoven, Ludwig", "[Ludwig|van|Beethoven|]"},
            {"jean de la fontaine", "[|jean de la|fontaine|]"},
            {"Jean de La Fontaine", "[Jean|de|La Fontaine|]"},
            {"Jean {de la} Fontaine", "[Jean de la||Fontaine|]"},
            {"Jean-Paul Sartre", "[Jean-Paul||Sartre|]"},
            {"Kurt G{\\\"o}del", "[Kurt||Gödel|]"},
            {"{\\\"U}mit Kaya", "[Ümit||Kaya|]"},
            {"Aristotle", "[||Aristotle|]"},
            {"Chen, Yineng", "[Yineng||Chen|]"},
            {"{von Neumann}, John", "[John||von Neumann|]"},
            // BibTeX's own quirks, kept: a capitalised word before a von word
            // is von in the comma form, and the hyphen splits tokens.
            {"Van der Graaf, Horace", "[Horace|Van der|Graaf|]"},
            {"Jean-Claude Van Damme", "[Jean-Claude Van||Damme|]"},
            {"Smith-jones", "[||Smith-jones|]"},              // BibTeX backs Last up over '-'
            {"Marie Curie-Sklodowska", "[Marie||Curie-Sklodowska|]"},
            {"Juan de la Cierva y Codorniu", "[Juan|de la Cierva y|Codorniu|]"},
            {"Brinch Hansen, Per", "[Per||Brinch Hansen|]"},
            {"A. {van Dam}", "[A.||van Dam|]"},
            {"Ronald {von} Braun", "[Ronald von||Braun|]"},    // a braced group has no case
            {"Ludovico di {Conti}", "[Ludovico|di|Conti|]"},
            {"J.~R.~R. Tolkien", "[J. R. R.||Tolkien|]"},
            {"E. {\\v{S}}{\\v{c}}ukin", "[E.||Ščukin|]"},
            // bibtex.web's foreign letters: {\o}, {\aa}, {\ss} are lower case, {\O} upper.
            {"Ole {\\o}stergaard Hansen", "[Ole|østergaard|Hansen|]"},
            {"Per {\\O}stergaard Hansen", "[Per Østergaard||Hansen|]"},
            {"Maria {\\'{E}}milie du Ch\\^atelet", "[Maria Émilie|du|Châtelet|]"},
            {"{\\ss}chmidt von Hans", "[|ßchmidt von|Hans|]"},
            // Typos are read, not fatal.
            {", X", "[||X|]"},
            {"a, b", "[b||a|]"},
            {"A, B, C, D", "[C D||A|B]"},
        };
        for (const auto &[name, p] : rows)
            QTest::newRow(name) << QString::fromUtf8(name) << QString::fromUtf8(p);
    }
    void split()
    {
        QFETCH(QString, name);
        QFETCH(QString, parts);
        const NameList list = splitNames(name.toStdString());
        QCOMPARE(list.names.size(), std::size_t(1));
        QCOMPARE(::parts(list.names.front()), parts);
        QVERIFY(!list.names.front().corporate);
    }

    void lists()
    {
        const NameList list = splitNames("Chen, Yineng and Li, Zuchao and Zhang, Lefei");
        QCOMPARE(list.names.size(), std::size_t(3));
        QCOMPARE(list.names[1].last, "Li");
        QCOMPARE(list.names[2].first, "Lefei");
        QVERIFY(!list.others);

        const NameList others = splitNames("Chen, Yineng and others");
        QCOMPARE(others.names.size(), std::size_t(1));
        QVERIFY(others.others);
        QCOMPARE(others.names[0].display(), "Yineng Chen");

        const NameList mixedCase = splitNames("A. Smith AND B. Jones\n and\tC. Brown");
        QCOMPARE(mixedCase.names.size(), std::size_t(3));
        QCOMPARE(mixedCase.names[2].last, "Brown");

        // "and" inside a word or braces does not split.
        const NameList words = splitNames("Alexander Sanders and {Barnes and Noble}");
        QCOMPARE(words.names.size(), std::size_t(2));
        QCOMPARE(words.names[0].last, "Sanders");
        QVERIFY(words.names[1].corporate);
        QCOMPARE(words.names[1].last, "Barnes and Noble");
        QCOMPARE(words.names[1].display(), "Barnes and Noble");

        QVERIFY(splitNames("").names.empty());
    }

    void corporate()
    {
        const NameList list = splitNames("{World Health Organization}");
        QCOMPARE(list.names.size(), std::size_t(1));
        QVERIFY(list.names[0].corporate);
        QCOMPARE(list.names[0].last, "World Health Organization");
        QVERIFY(list.names[0].first.empty());
    }

    void display()
    {
        QCOMPARE(splitNames("van der Graaf, Jr., Horace Q.").names[0].display(), "Horace Q. van der Graaf, Jr.");
        QCOMPARE(splitNames("Aristotle").names[0].display(), "Aristotle");
    }
};

QTEST_APPLESS_MAIN(TestNames)
#include "tst_names.moc"
