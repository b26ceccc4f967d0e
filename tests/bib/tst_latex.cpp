// LaTeX in BibTeX values to text, HTML and CSL rich text (site/bib/latex.h):
// the accents in all their spellings, special characters, dashes, quotes,
// emphasis, case-protecting braces, math.
#include "site/bib/latex.h"

#include <QTest>

using namespace folio::site::bib;

class TestLatex final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accents_data()
    {
        QTest::addColumn<QString>("latex");
        QTest::addColumn<QString>("text");
        const QList<QPair<const char *, const char *>> rows = {
            {"{\\\"o}", "ö"}, {"\\\"{o}", "ö"}, {"\\\"o", "ö"}, {"\\'e", "é"}, {"{\\'e}", "é"},
            {"\\'{e}", "é"}, {"{\\ss}", "ß"}, {"\\ss{}", "ß"}, {"\\o", "ø"}, {"\\O", "Ø"},
            {"\\l", "ł"}, {"\\L", "Ł"}, {"\\aa", "å"}, {"\\AA", "Å"}, {"\\ae", "æ"}, {"\\AE", "Æ"},
            {"\\oe", "œ"}, {"\\i", "ı"}, {"\\j", "ȷ"}, {"\\'\\i", "í"}, {"\\'{\\i}", "í"}, {"{\\'\\i}", "í"},
            {"\\c{c}", "ç"}, {"\\c c", "ç"}, {"\\v{s}", "š"}, {"\\v s", "š"}, {"\\v{C}", "Č"},
            {"\\H{o}", "ő"}, {"\\k{a}", "ą"}, {"\\u{g}", "ğ"}, {"\\={a}", "ā"}, {"\\=a", "ā"},
            {"\\.{z}", "ż"}, {"\\~{n}", "ñ"}, {"\\~n", "ñ"}, {"\\^{o}", "ô"}, {"\\^o", "ô"},
            {"\\`{a}", "à"}, {"\\`a", "à"}, {"\\r{a}", "å"}, {"\\d{s}", "ṣ"}, {"\\b{k}", "ḵ"},
            {"\\t{oo}", "o\u0361o"}, {"\\\"{\\i}", "ï"}, {"\\'{E}", "É"},
            {"Erd{\\H{o}}s", "Erdős"}, {"G{\\\"o}del", "Gödel"}, {"Schr\\\"odinger", "Schrödinger"},
            {"Fran\\c{c}ois", "François"}, {"{\\L}ukasiewicz", "Łukasiewicz"}, {"Ma{\\l}gorzata", "Małgorzata"},
            {"Stra{\\ss}e", "Straße"}, {"\\v{Z}i\\v{z}ek", "Žižek"}, {"P{\\'{a}}l", "Pál"},
            {"{\\aa}ngstr{\\\"o}m", "ångström"}, {"Ko\\c{s}ar", "Koşar"}, {"Dvo{\\v r}{\\'a}k", "Dvořák"},
        };
        for (const auto &[latex, text] : rows)
            QTest::newRow(latex) << QString::fromUtf8(latex) << QString::fromUtf8(text);
    }
    void accents()
    {
        QFETCH(QString, latex);
        QFETCH(QString, text);
        const QString got = QString::fromStdString(toText(latex.toStdString()));
        QCOMPARE(got, text);
        QCOMPARE(got, got.normalized(QString::NormalizationForm_C));
    }

    void specials_data()
    {
        QTest::addColumn<QString>("latex");
        QTest::addColumn<QString>("text");
        const QList<QPair<const char *, const char *>> rows = {
            {"Smith \\& Sons", "Smith & Sons"}, {"50\\%", "50%"}, {"\\$5", "$5"}, {"\\#1", "#1"},
            {"a\\_b", "a_b"}, {"\\{x\\}", "{x}"}, {"pages 1--10", "pages 1–10"}, {"yes---no", "yes—no"},
            {"D.~E. Knuth", "D. E. Knuth"}, {"\\LaTeX{} and \\TeX", "LaTeX and TeX"}, {"wait\\ldots", "wait…"},
            {"``quoted''", "“quoted”"}, {"`single'", "‘single'"}, {"O'Brien", "O'Brien"},
            {"{DNA} repair", "DNA repair"}, {"{{Whole Title}}", "Whole Title"},
            {"\\textit{Homo sapiens}", "Homo sapiens"}, {"\\emph{very}", "very"}, {"{\\it it}", "it"},
            {"\\textbf{bold}", "bold"}, {"\\textsc{Caps}", "Caps"}, {"H\\textsubscript{2}O", "H2O"},
            {"\\url{https://x.org/a_b}", "https://x.org/a_b"}, {"\\href{https://x.org}{the site}", "the site"},
            {"an  extra\n  space", "an extra space"}, {"\\unknowncmd{kept} text", "kept text"},
            {"\\noopsort{a}Zeta", "Zeta"}, {"the $O(n^2)$ bound", "the $O(n^2)$ bound"},
            {"$\\alpha$--$\\beta$ {DNA}", "$\\alpha$–$\\beta$ DNA"}, {"\\(x_1\\)", "\\(x_1\\)"},
            {"stray } brace", "stray brace"}, {"the \\alpha-helix", "the α-helix"},
            {"\\ensuremath{\\beta} cells", "β cells"}, {"$\\alpha$ stays", "$\\alpha$ stays"},
            // AASTeX's journal macros, in every NASA ADS export.
            {"\\apjl", "ApJL"}, {"\\mnras", "MNRAS"}, {"{\\aap}", "A&A"}, {"\\prd", "Phys. Rev. D"},
        };
        for (const auto &[latex, text] : rows)
            QTest::newRow(latex) << QString::fromUtf8(latex) << QString::fromUtf8(text);
    }
    void specials()
    {
        QFETCH(QString, latex);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(toText(latex.toStdString())), text);
    }

    // Nesting no real value has (a hostile file) is flattened, not recursed
    // into until the stack overflows: the text is kept.
    void deepNesting()
    {
        const int n = 100000;
        const std::string braces = std::string(n, '{') + "deep" + std::string(n, '}') + " end";
        QCOMPARE(toText(braces), std::string("deep end"));
        QVERIFY(toCslMarkup(braces).find("deep") != std::string::npos);
        std::string commands;
        for (int i = 0; i < n; ++i)
            commands += "\\textit";
        commands += "{x}";
        QVERIFY(toHtml(commands).find('x') != std::string::npos);
        QCOMPARE(toText("{{a}b}"), std::string("ab"));   // shallow nesting as before
    }

    void html()
    {
        QCOMPARE(toHtml("\\emph{Deep} {Learning} \\& <b>"), "<em>Deep</em> Learning &amp; &lt;b&gt;");
        QCOMPARE(toHtml("{\\em a} \\textbf{b} \\textit{c}"), "<em>a</em> <strong>b</strong> <em>c</em>");
        QCOMPARE(toHtml("D.~E."), "D.&nbsp;E.");
        QCOMPARE(toHtml("\\aap"), "A&amp;A");
        QCOMPARE(toHtml("\\url{https://a.org/?x=1&y=2}"),
                 "<a href=\"https://a.org/?x=1&amp;y=2\">https://a.org/?x=1&amp;y=2</a>");
        QCOMPARE(toHtml("see \\href{https://a.org}{\\emph{here}}"), "see <a href=\"https://a.org\"><em>here</em></a>");
        QCOMPARE(toHtml("$a<b$ and \\\"o"), "$a&lt;b$ and ö");
        QCOMPARE(toHtml("x\\textsuperscript{2}"), "x<sup>2</sup>");
    }

    void cslMarkup()
    {
        QCOMPARE(toCslMarkup("The {DNA} of {\\\"O}sterreich"),
                 "The <span class=\"nocase\">DNA</span> of Österreich");
        QCOMPARE(toCslMarkup("{{Title Kept}}"), "<span class=\"nocase\">Title Kept</span>");
        QCOMPARE(toCslMarkup("\\emph{Drosophila} genes"), "<i>Drosophila</i> genes");
        QCOMPARE(toCslMarkup("\\textit{{HIV} in vitro}"), "<i><span class=\"nocase\">HIV</span> in vitro</i>");
        QCOMPARE(toCslMarkup("\\textbf{B} \\textsc{Sc} x\\textsuperscript{2} H\\textsubscript{2}O"),
                 "<b>B</b> <span style=\"font-variant:small-caps;\">Sc</span> x<sup>2</sup> H<sub>2</sub>O");
        QCOMPARE(toCslMarkup("on $\\mathbb{R}^n$"), "on <span class=\"nocase\">$\\mathbb{R}^n$</span>");
        QCOMPARE(toCslMarkup("A~B"), "A\u00A0B");
        QCOMPARE(toCslMarkup("R\\&D"), "R&D");   // citeproc-js escapes its output itself
    }

    void verbatim()
    {
        QCOMPARE(toVerbatim("https://example.org/~user/a--b_c"), "https://example.org/~user/a--b_c");
        QCOMPARE(toVerbatim(" \\url{https://x.org/a\\_b\\%20} "), "https://x.org/a_b%20");
        QCOMPARE(toVerbatim("10.1000/{ABC}\\_1"), "10.1000/ABC_1");
        QCOMPARE(toText("https://example.org/~user"), "https://example.org/ user");   // why url needs toVerbatim
    }
};

QTEST_APPLESS_MAIN(TestLatex)
#include "tst_latex.moc"
