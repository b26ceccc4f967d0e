// The BibTeX reader (site/bib/bibtex.h) on exports as Google Scholar, DBLP,
// Zotero, JabRef and ACM write them, on broken files (each problem named at
// its line, the other entries still read), months, format(), CSL-JSON and
// RIS; the site's own publications.bib from ../shared when it is there.
#include "site/bib/bibtex.h"
#include "site/bib/csljson.h"
#include "site/bib/latex.h"
#include "site/bib/names.h"
#include "site/bib/ris.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

using namespace folio::site;
using namespace folio::site::bib;

namespace {

Database read(const char *text, const char *file = "refs.bib")
{
    ReadOptions options;
    options.fileName = QString::fromUtf8(file);
    return parse(QByteArrayView(text, qsizetype(std::strlen(text))), options);
}

QString messages(const Database &db)
{
    QStringList out;
    for (const Diagnostic &d : db.diagnostics)
        out << d.format();
    return out.join(QLatin1Char('\n'));
}

const Diagnostic *findDiagnostic(const Database &db, const QString &containing)
{
    for (const Diagnostic &d : db.diagnostics)
        if (d.message.contains(containing))
            return &d;
    return nullptr;
}

QString text(const Entry &e, const char *field) { return QString::fromStdString(toText(e.value(field))); }

const char *kGoogleScholar = R"(@article{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  journal={Proceedings of the IEEE conference on computer vision and pattern recognition},
  pages={770--778},
  year={2016}
}

@inproceedings{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N and Kaiser, {\L}ukasz and Polosukhin, Illia},
  booktitle={Advances in neural information processing systems},
  volume={30},
  year={2017}
}
)";

const char *kDblp = R"(@inproceedings{DBLP:conf/aaai/LiCZ23,
  author       = {Zuchao Li and
                  Yineng Chen and
                  Hai Zhao},
  title        = {Fine-Grained Position Helps Memorizing More, a Novel Music Compound
                  Transformer Model with Feature Interaction Fusion},
  pages        = {5203--5211},
  year         = {2023},
  crossref     = {DBLP:conf/aaai/2023},
  url          = {https://doi.org/10.1609/aaai.v37i4.25650},
  doi          = {10.1609/AAAI.V37I4.25650},
  timestamp    = {Tue, 07 May 2024 20:09:11 +0200},
  biburl       = {https://dblp.org/rec/conf/aaai/LiCZ23.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}

@proceedings{DBLP:conf/aaai/2023,
  editor       = {Brian Williams and
                  Yiling Chen and
                  Jennifer Neville},
  title        = {Thirty-Seventh {AAAI} Conference on Artificial Intelligence, {AAAI}
                  2023, Washington, DC, USA, February 7-14, 2023},
  publisher    = {{AAAI} Press},
  year         = {2023},
  url          = {https://doi.org/10.1609/aaai.v37i1},
  isbn         = {978-1-57735-880-0},
  timestamp    = {Mon, 04 Sep 2023 16:50:48 +0200},
  biburl       = {https://dblp.org/rec/conf/aaai/2023.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}
)";

const char *kZotero = R"(@article{smithDeepLearningProtein2021,
  title = {Deep Learning for Protein Structure: {{A}} Review},
  shorttitle = {Deep Learning for Protein Structure},
  author = {Smith, Jane and M{\"u}ller, Hans and {van der Berg}, Pieter},
  date = {2021-03-15},
  journaltitle = {Nature Methods},
  volume = {18},
  number = {3},
  pages = {245--256},
  doi = {10.1038/s41592-021-01234-5},
  url = {https://www.nature.com/articles/s41592-021-01234-5},
  urldate = {2023-01-10},
  langid = {english},
  keywords = {deep learning,protein structure},
  file = {/home/jane/Zotero/storage/ABCD1234/Smith et al. - 2021 - Deep Learning.pdf}
}
)";

const char *kJabRef = R"(% Encoding: UTF-8

@Article{Doe2019,
  author    = {John Doe and Jane Roe},
  title     = {A Study of Things},
  journal   = {Journal of Things},
  year      = {2019},
  volume    = {12},
  number    = {4},
  pages     = {1--20},
  month     = aug,
  owner     = {jdoe},
  timestamp = {2019.08.01},
}

@Comment{jabref-meta: databaseType:bibtex;}

@Comment{jabref-meta: grouping:
0 AllEntriesGroup:;
1 StaticGroup:Thesis\;0\;1\;\;\;\;;
}
)";

const char *kAcm = R"(@inproceedings{10.1145/3544548.3581234,
author = {Lee, Min and Garc\'{\i}a, Ana},
title = {Designing for Trust: An Interview Study},
year = {2023},
isbn = {9781450394215},
publisher = {Association for Computing Machinery},
address = {New York, NY, USA},
url = {https://doi.org/10.1145/3544548.3581234},
doi = {10.1145/3544548.3581234},
abstract = {We interviewed 24 practitioners about trust.},
booktitle = {Proceedings of the 2023 CHI Conference on Human Factors in Computing Systems},
articleno = {123},
numpages = {15},
keywords = {trust, interviews},
location = {Hamburg, Germany},
series = {CHI '23}
}
)";

} // namespace

class TestBib final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void googleScholar()
    {
        const Database db = read(kGoogleScholar);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        QCOMPARE(db.entries.size(), std::size_t(2));
        const Entry &he = db.entries[0];
        QCOMPARE(he.type, "article");
        QCOMPARE(he.key, "he2016deep");
        QCOMPARE(he.line, 1);
        QCOMPARE(he.file, "refs.bib");
        QCOMPARE(text(he, "title"), "Deep residual learning for image recognition");
        QCOMPARE(he.field("pages")->line, 5);
        QCOMPARE(text(he, "pages"), "770–778");
        const NameList authors = splitNames(he.value("author"));
        QCOMPARE(authors.names.size(), std::size_t(4));
        QCOMPARE(authors.names[3].display(), "Jian Sun");
        // source: the entry's exact text, '@' to the closing brace.
        const std::string all = kGoogleScholar;
        QCOMPARE(he.source, all.substr(0, all.find("}\n\n@") + 1));
        QCOMPARE(db.entries[1].line, 9);
        QCOMPARE(QString::fromStdString(splitNames(db.entries[1].value("author")).names[6].display()), "Łukasz Kaiser");
    }

    void dblpCrossref()
    {
        const Database db = read(kDblp);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        QCOMPARE(db.entries.size(), std::size_t(2));
        const Entry &paper = *db.find("dblp:conf/aaai/licz23");   // keys compare case-insensitively
        QCOMPARE(paper.key, "DBLP:conf/aaai/LiCZ23");
        // Whitespace collapsed as BibTeX does.
        QCOMPARE(text(paper, "title"), "Fine-Grained Position Helps Memorizing More, a Novel Music Compound "
                                       "Transformer Model with Feature Interaction Fusion");
        QCOMPARE(paper.value("timestamp"), "Tue, 07 May 2024 20:09:11 +0200");
        QCOMPARE(paper.value("biburl"), "https://dblp.org/rec/conf/aaai/LiCZ23.bib");
        // Inherited from the proceedings: editor, publisher, isbn, and its title as booktitle.
        QVERIFY(paper.field("editor")->inherited);
        QCOMPARE(splitNames(paper.value("editor")).names.size(), std::size_t(3));
        QCOMPARE(text(paper, "publisher"), "AAAI Press");
        QCOMPARE(paper.value("isbn"), "978-1-57735-880-0");
        QVERIFY(paper.field("booktitle")->inherited);
        QVERIFY(text(paper, "booktitle").startsWith("Thirty-Seventh AAAI Conference"));
        // Its own fields win.
        QVERIFY(!paper.field("url")->inherited);
        QCOMPARE(paper.value("url"), "https://doi.org/10.1609/aaai.v37i4.25650");
        QVERIFY(!paper.field("year")->inherited);
        // Without resolution, nothing is copied.
        ReadOptions options;
        options.resolveCrossref = false;
        const Database raw = parse(QByteArrayView(kDblp, qsizetype(std::strlen(kDblp))), options);
        QVERIFY(!raw.entries[0].has("editor"));

        const QJsonObject csl = toCslJson(paper);
        QCOMPARE(csl["type"].toString(), "paper-conference");
        QCOMPARE(csl["container-title"].toString(),
                 "Thirty-Seventh <span class=\"nocase\">AAAI</span> Conference on Artificial Intelligence, "
                 "<span class=\"nocase\">AAAI</span> 2023, Washington, DC, USA, February 7-14, 2023");
        QCOMPARE(csl["editor"].toArray().size(), 3);
    }

    void missingCrossref()
    {
        const Database db = read("@inproceedings{a,\n  title = {T},\n  crossref = {nowhere}\n}\n");
        QCOMPARE(db.entries.size(), std::size_t(1));
        const Diagnostic *d = findDiagnostic(db, "nowhere");
        QVERIFY2(d, qPrintable(messages(db)));
        QCOMPARE(d->line, 3);
        QCOMPARE(d->severity, Severity::Warning);
    }

    void zotero()
    {
        const Database db = read(kZotero);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        const Entry &e = db.entries.at(0);
        QCOMPARE(text(e, "title"), "Deep Learning for Protein Structure: A Review");
        QCOMPARE(e.value("file"), "/home/jane/Zotero/storage/ABCD1234/Smith et al. - 2021 - Deep Learning.pdf");
        const NameList authors = splitNames(e.value("author"));
        QCOMPARE(authors.names[1].last, "Müller");
        QCOMPARE(authors.names[2].last, "van der Berg");   // braced: no von part
        QVERIFY(authors.names[2].von.empty());

        const QJsonObject csl = toCslJson(e);
        QCOMPARE(csl["id"].toString(), "smithDeepLearningProtein2021");
        QCOMPARE(csl["type"].toString(), "article-journal");
        QCOMPARE(csl["title"].toString(), "Deep Learning for Protein Structure: <span class=\"nocase\">A</span> Review");
        QCOMPARE(csl["container-title"].toString(), "Nature Methods");
        QCOMPARE(csl["issued"].toObject()["date-parts"].toArray(), QJsonArray({QJsonArray{2021, 3, 15}}));
        QCOMPARE(csl["accessed"].toObject()["date-parts"].toArray(), QJsonArray({QJsonArray{2023, 1, 10}}));
        QCOMPARE(csl["issue"].toString(), "3");
        QCOMPARE(csl["page"].toString(), "245–256");
        QCOMPARE(csl["DOI"].toString(), "10.1038/s41592-021-01234-5");
        QCOMPARE(csl["URL"].toString(), "https://www.nature.com/articles/s41592-021-01234-5");
        QCOMPARE(csl["title-short"].toString(), "Deep Learning for Protein Structure");
        QCOMPARE(csl["language"].toString(), "english");
        const QJsonArray author = csl["author"].toArray();
        QCOMPARE(author.size(), 3);
        QCOMPARE(author[1].toObject()["family"].toString(), "Müller");
        QCOMPARE(author[1].toObject()["given"].toString(), "Hans");
    }

    void jabRef()
    {
        const Database db = read(kJabRef);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        QCOMPARE(db.entries.size(), std::size_t(1));   // the @Comment blocks are not entries
        const Entry &e = db.entries[0];
        QCOMPARE(e.type, "article");                   // lower-case, as written "Article"
        QCOMPARE(e.key, "Doe2019");
        QCOMPARE(e.value("owner"), "jdoe");
        QCOMPARE(e.value("month"), "August");          // the month macro every style defines
        QCOMPARE(parseMonth(e.value("month")), 8);
        QCOMPARE(toCslJson(e)["issued"].toObject()["date-parts"].toArray(), QJsonArray({QJsonArray{2019, 8}}));
        QCOMPARE(e.line, 3);
    }

    void acm()
    {
        const Database db = read(kAcm);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        const Entry &e = db.entries.at(0);
        QCOMPARE(e.key, "10.1145/3544548.3581234");
        QCOMPARE(QString::fromStdString(splitNames(e.value("author")).names[1].last), "García");
        QCOMPARE(text(e, "series"), "CHI '23");
        const QJsonObject csl = toCslJson(e);
        QCOMPARE(csl["type"].toString(), "paper-conference");
        QCOMPARE(csl["number-of-pages"].toString(), "15");
        QCOMPARE(csl["number"].toString(), "123");
        QCOMPARE(csl["event-place"].toString(), "Hamburg, Germany");
        QCOMPARE(csl["publisher-place"].toString(), "New York, NY, USA");
        QCOMPARE(csl["publisher"].toString(), "Association for Computing Machinery");
        QCOMPARE(csl["ISBN"].toString(), "9781450394215");
        QCOMPARE(csl["collection-title"].toString(), "CHI '23");
        QCOMPARE(csl["abstract"].toString(), "We interviewed 24 practitioners about trust.");
    }

    void syntax()
    {
        // @string with #, @preamble, upper-case keys and names, parentheses, quotes,
        // numbers, nested braces, CRLF and a BOM.
        const QByteArray bib = "\xEF\xBB\xBF"
                               "@STRING{ieee = \"IEEE\"}\r\n"
                               "@String(tpami = ieee # \" Transactions on Pattern Analysis\")\r\n"
                               "@PREAMBLE{ \"\\newcommand{\\noopsort}[1]{}\" # \"%\" }\r\n"
                               "\r\n"
                               "@ARTICLE{Upper:2020,\r\n"
                               "  TITLE = \"A {\\\"u}ber {Nested {Braces}} Title\",\r\n"
                               "  Journal = tpami # { and Machine Intelligence},\r\n"
                               "  Year = 2020,\r\n"
                               "  MONTH = sep\r\n"
                               "}\r\n"
                               "@misc(paren, note = {a (b) c}, howpublished = \"x\")\r\n";
        ReadOptions options;
        options.fileName = QStringLiteral("syntax.bib");
        const Database db = parse(bib, options);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        QCOMPARE(db.strings.at("ieee"), "IEEE");
        QCOMPARE(db.strings.at("tpami"), "IEEE Transactions on Pattern Analysis");
        QCOMPARE(db.preambles, std::vector<std::string>{"\\newcommand{\\noopsort}[1]{}%"});
        QCOMPARE(db.entries.size(), std::size_t(2));
        const Entry &e = db.entries[0];
        QCOMPARE(e.line, 5);
        QCOMPARE(e.field("title")->name, "title");
        QCOMPARE(e.value("TITLE"), "A {\\\"u}ber {Nested {Braces}} Title");
        QCOMPARE(text(e, "title"), "A über Nested Braces Title");
        QCOMPARE(e.value("journal"), "IEEE Transactions on Pattern Analysis and Machine Intelligence");
        QCOMPARE(e.value("year"), "2020");
        QCOMPARE(e.field("month")->line, 9);
        QCOMPARE(parseMonth(e.value("month")), 9);
        QVERIFY(e.source.starts_with("@ARTICLE{Upper:2020,\r\n"));
        QVERIFY(e.source.ends_with("MONTH = sep\r\n}"));
        QCOMPARE(db.entries[1].value("note"), "a (b) c");
        QCOMPARE(db.entries[1].source, "@misc(paren, note = {a (b) c}, howpublished = \"x\")");
    }

    void unbalancedBraceInTheMiddle()
    {
        const Database db = read("@article{good1,\n"
                                 "  title = {First},\n"
                                 "  year = 2020\n"
                                 "}\n"
                                 "\n"
                                 "@article{broken,\n"
                                 "  title = {Unclosed title,\n"
                                 "  author = {Someone},\n"
                                 "  year = {2021}\n"
                                 "}\n"
                                 "\n"
                                 "@book{good2,\n"
                                 "  title = {After the broken one},\n"
                                 "}\n"
                                 "@misc{good3, title = {Last}}\n",
                                 "broken.bib");
        QCOMPARE(db.entries.size(), std::size_t(3));
        QCOMPARE(db.entries[0].key, "good1");
        QCOMPARE(db.entries[1].key, "good2");
        QCOMPARE(db.entries[1].line, 12);
        QCOMPARE(text(db.entries[1], "title"), "After the broken one");
        QCOMPARE(db.entries[2].key, "good3");
        QVERIFY(db.hasErrors());
        QCOMPARE(db.diagnostics.size(), std::size_t(1));
        const Diagnostic &d = db.diagnostics[0];
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(d.file, "broken.bib");
        QCOMPARE(d.line, 7);
        QVERIFY2(d.message.contains("entry 'broken' starting at line 6"), qPrintable(d.message));
        QVERIFY2(d.message.contains("close the brace of the field 'title' on line 7"), qPrintable(d.message));
        QCOMPARE(d.snippet, "  title = {Unclosed title,");
        QVERIFY(d.format().startsWith("broken.bib:7:"));
    }

    void unclosedAtEndOfFile()
    {
        const Database db = read("@article{ok, title = {Fine}}\n@article{last,\n  title = {No end}\n");
        QCOMPARE(db.entries.size(), std::size_t(1));
        const Diagnostic *d = findDiagnostic(db, "entry 'last'");
        QVERIFY2(d, qPrintable(messages(db)));
        QVERIFY2(d->message.contains("end of the file"), qPrintable(d->message));
        QCOMPARE(d->line, 2);
    }

    void extraClosingBrace()
    {
        const Database db = read("@article{early,\n  title = {Closed}},\n  year = {2020}\n}\n@misc{next, title={N}}\n");
        QCOMPARE(db.entries.size(), std::size_t(2));
        QVERIFY(!db.entries[0].has("year"));
        const Diagnostic *d = findDiagnostic(db, "extra '}'");
        QVERIFY2(d, qPrintable(messages(db)));
        QCOMPARE(d->line, 3);
        QCOMPARE(d->severity, Severity::Warning);
    }

    void syntaxErrorSkipsOnlyThatEntry()
    {
        const Database db = read("@article{nocomma,\n  title = {A}\n  year = {2020}\n}\n@misc{fine, title = {B}}\n");
        QCOMPARE(db.entries.size(), std::size_t(1));
        QCOMPARE(db.entries[0].key, "fine");
        QVERIFY(db.hasErrors());
        QVERIFY2(db.diagnostics[0].message.contains("entry 'nocomma'"), qPrintable(messages(db)));
        QVERIFY2(db.diagnostics[0].message.contains("a comma is missing before 'year'"), qPrintable(messages(db)));
        QCOMPARE(db.diagnostics.size(), std::size_t(1));
        QCOMPARE(db.diagnostics[0].line, 3);   // where btparse found the problem
    }

    void lexicalError()
    {
        // btparse's lexer reports this through its own hook, not print_error.
        const Database db = read("@article{bad,\n  title = {x},\n  \\weird = {y}\n}\n@misc{ok, title = {z}}\n");
        QCOMPARE(db.entries.size(), std::size_t(1));
        QCOMPARE(db.entries[0].key, "ok");
        QVERIFY(db.hasErrors());
        const Diagnostic *d = findDiagnostic(db, "entry 'bad'");
        QVERIFY2(d && d->line == 3, qPrintable(messages(db)));
    }

    void nothingOnStderr()
    {
        // btparse prints its errors; here they become diagnostics instead.
        std::fflush(stderr);
        const int saved = dup(2);
        int pipeEnds[2];
        QVERIFY(pipe(pipeEnds) == 0);
        dup2(pipeEnds[1], 2);
        const Database db = read("@article{a, title = {x} year = 2020}\n@article{b, \\x = {y}}\n"
                                 "@article{c, journal = undefinedmacro}\n");
        std::fflush(stderr);
        dup2(saved, 2);
        close(saved);
        close(pipeEnds[1]);
        fcntl(pipeEnds[0], F_SETFL, O_NONBLOCK);
        char buffer[512];
        const ssize_t n = ::read(pipeEnds[0], buffer, sizeof buffer);
        close(pipeEnds[0]);
        QCOMPARE(n > 0 ? QByteArray(buffer, int(n)) : QByteArray(), QByteArray());
        QCOMPARE(db.diagnostics.size(), std::size_t(3));
        QCOMPARE(db.entries.size(), std::size_t(1));
    }

    void unknownTypeMissingKeyDuplicate()
    {
        const Database db = read("@webthing{w1, title = {Read anyway}}\n"
                                 "@article{\n  title = {No key},\n  year = 2020\n}\n"
                                 "@article{Dup, title = {First}}\n"
                                 "@article{dup, title = {Second}}\n"
                                 "@article{withmacro, title = {T}, journal = jacm}\n");
        QCOMPARE(db.entries.size(), std::size_t(3));
        QCOMPARE(db.entries[0].type, "webthing");
        QCOMPARE(text(db.entries[1], "title"), "First");
        const Diagnostic *unknown = findDiagnostic(db, "@webthing");
        QVERIFY2(unknown && unknown->severity == Severity::Warning && unknown->line == 1, qPrintable(messages(db)));
        const Diagnostic *noKey = findDiagnostic(db, "no key");
        QVERIFY2(noKey && noKey->severity == Severity::Error && noKey->line == 2, qPrintable(messages(db)));
        const Diagnostic *dup = findDiagnostic(db, "duplicate key");
        QVERIFY2(dup && dup->severity == Severity::Warning && dup->line == 7, qPrintable(messages(db)));
        QVERIFY(dup->message.contains("lines 6 and 7"));
        const Diagnostic *macro = findDiagnostic(db, "'jacm'");
        QVERIFY2(macro && macro->line == 8, qPrintable(messages(db)));
        QCOMPARE(db.entries[2].value("journal"), "");
    }

    void oddButValid()
    {
        const Database db = read("Some notes before the entries, with an e-mail: me@example.org (office 3).\n"
                                 "@comment this line is a comment too\n"
                                 "@article{m\xC3\xBCller2020, title = {Umlaut key}, title = {Again}}\n"
                                 "@article{ spaced ,\n  title = \"Quoted {\\\"u} value\",\n}\n");
        QCOMPARE(db.entries.size(), std::size_t(2));
        QCOMPARE(db.entries[0].key, "m\xC3\xBCller2020");
        QCOMPARE(text(db.entries[0], "title"), "Umlaut key");
        const Diagnostic *twice = findDiagnostic(db, "twice");
        QVERIFY2(twice && twice->line == 3 && twice->severity == Severity::Warning, qPrintable(messages(db)));
        QCOMPARE(db.diagnostics.size(), std::size_t(1));
        QCOMPARE(db.entries[1].key, "spaced");
        QCOMPARE(text(db.entries[1], "title"), "Quoted ü value");
        QCOMPARE(db.entries[1].line, 4);
        QVERIFY(read("").entries.empty());
        QVERIFY(read("").diagnostics.empty());
    }

    void stringRedefined()
    {
        const Database db = read("@string{aug = {Aug.}}\n@string{x = {X}}\n@string{x = {Y}}\n"
                                 "@article{a, month = aug, note = x}\n");
        QCOMPARE(db.entries.at(0).value("month"), "Aug.");   // the file's own month spelling, silently
        QCOMPARE(db.entries.at(0).value("note"), "Y");
        QCOMPARE(db.diagnostics.size(), std::size_t(1));
        QCOMPARE(db.diagnostics[0].line, 3);
        QVERIFY(db.diagnostics[0].message.contains("'x' is defined a second time"));
    }

    void commentedOut()
    {
        const Database db = read("@comment{\n@article{old, title = {Withdrawn}}\n}\n@misc{kept, title = {K}}\n"
                                 "@comment{not closed\n@misc{after, title = {A}}\n");
        QCOMPARE(db.entries.size(), std::size_t(2));
        QCOMPARE(db.entries[0].key, "kept");
        QCOMPARE(db.entries[1].key, "after");
        const Diagnostic *d = findDiagnostic(db, "@comment at line 5 is not closed");
        QVERIFY2(d && d->severity == Severity::Warning, qPrintable(messages(db)));
        QCOMPARE(db.diagnostics.size(), std::size_t(1));
    }

    void latin1()
    {
        const QByteArray bib = "@article{muller,\n  author = {M\xFCller, J\xF6rg},\n  title = {Caf\xE9 \x93quoted\x94}\n}\n";
        ReadOptions options;
        options.fileName = QStringLiteral("old.bib");
        const Database db = parse(bib, options);
        QCOMPARE(db.entries.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(splitNames(db.entries[0].value("author")).names[0].display()), "Jörg Müller");
        QCOMPARE(text(db.entries[0], "title"), "Café “quoted”");
        const Diagnostic *d = findDiagnostic(db, "not UTF-8");
        QVERIFY2(d && d->severity == Severity::Warning && d->line == 2, qPrintable(messages(db)));
        QVERIFY(d->message.contains("old.bib"));
    }

    void months_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("month");
        QTest::newRow("aug") << "aug" << 8;
        QTest::newRow("8") << "8" << 8;
        QTest::newRow("08") << "08" << 8;
        QTest::newRow("August") << "August" << 8;
        QTest::newRow("Aug.") << "Aug." << 8;
        QTest::newRow("AUG") << "AUG" << 8;
        QTest::newRow("{Sept.}") << "{Sept.}" << 9;
        QTest::newRow("dec") << "dec" << 12;
        QTest::newRow("13") << "13" << 0;
        QTest::newRow("0") << "0" << 0;
        QTest::newRow("summer") << "summer" << 0;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("ma") << "ma" << 0;   // March or May: not a month
    }
    void months()
    {
        QFETCH(QString, text);
        QFETCH(int, month);
        QCOMPARE(parseMonth(text.toStdString()), month);
    }

    void dates()
    {
        const Database db = read("@article{a, year = 2019, month = aug, day = {17}}\n"
                                 "@article{b, date = {2021-03-15}}\n"
                                 "@article{c, date = {2021-03}}\n"
                                 "@article{d, date = {2020/2021}}\n"
                                 "@article{e, year = {in press}}\n"
                                 "@article{f, year = {2018}, month = {Sept.}}\n"
                                 "@article{g, year = {2017}, date = {2016-01-01}}\n");
        const auto check = [&](const char *key, int y, int m, int d) {
            const Date date = entryDate(*db.find(key));
            return date.year == y && date.month == m && date.day == d;
        };
        QVERIFY(check("a", 2019, 8, 17));
        QVERIFY(check("b", 2021, 3, 15));
        QVERIFY(check("c", 2021, 3, 0));
        QVERIFY(check("d", 2020, 0, 0));
        QVERIFY(check("e", 0, 0, 0));
        QVERIFY(check("f", 2018, 9, 0));
        QVERIFY(check("g", 2017, 0, 0));   // year wins over date
    }

    void formatEntry()
    {
        const Database db = read("@Article{k1, Title = {A {DNA} Study}, author=\"Doe, J.\", year=2020, crossref={p}}\n"
                                 "@proceedings{p, publisher = {ACM}}\n");
        const std::string written = format(db.entries[0]);
        QCOMPARE(written, "@article{k1,\n  title = {A {DNA} Study},\n  author = {Doe, J.},\n  year = {2020},\n"
                          "  crossref = {p},\n}\n");   // the inherited publisher is not written
        const Database again = parse(QByteArray::fromStdString(written + "@proceedings{p, publisher = {ACM}}\n"));
        QVERIFY2(again.diagnostics.empty(), qPrintable(messages(again)));
        QCOMPARE(again.entries[0].value("title"), "A {DNA} Study");
        Entry odd;
        odd.type = "misc";
        odd.key = "odd";
        odd.fields.push_back({"note", "one } too many", 1, false});
        QCOMPARE(format(odd), "@misc{odd,\n  note = {one \\textbraceright{} too many},\n}\n");
        const Database oddAgain = parse(QByteArray::fromStdString(format(odd)));
        QVERIFY2(oddAgain.diagnostics.empty(), qPrintable(messages(oddAgain)));
        QCOMPARE(text(oddAgain.entries.at(0), "note"), "one } too many");
    }

    void cslTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("csl");
        QTest::addColumn<QString>("genre");
        QTest::newRow("article") << "article" << "article-journal" << "";
        QTest::newRow("inproceedings") << "inproceedings" << "paper-conference" << "";
        QTest::newRow("conference") << "conference" << "paper-conference" << "";
        QTest::newRow("book") << "book" << "book" << "";
        QTest::newRow("incollection") << "incollection" << "chapter" << "";
        QTest::newRow("inbook") << "inbook" << "chapter" << "";
        QTest::newRow("phdthesis") << "phdthesis" << "thesis" << "PhD thesis";
        QTest::newRow("mastersthesis") << "mastersthesis" << "thesis" << "Master's thesis";
        QTest::newRow("techreport") << "techreport" << "report" << "";
        QTest::newRow("misc") << "misc" << "document" << "";
        QTest::newRow("unpublished") << "unpublished" << "manuscript" << "";
        QTest::newRow("proceedings") << "proceedings" << "book" << "";
        QTest::newRow("online") << "online" << "webpage" << "";
        QTest::newRow("unknown") << "webthing" << "document" << "";
    }
    void cslTypes()
    {
        QFETCH(QString, type);
        QFETCH(QString, csl);
        QFETCH(QString, genre);
        Entry e;
        e.type = type.toStdString();
        e.key = "k";
        const QJsonObject o = toCslJson(e);
        QCOMPARE(o["type"].toString(), csl);
        QCOMPARE(o["genre"].toString(), genre);
    }

    void cslFields()
    {
        const Database db = read(R"(@phdthesis{thesis,
  author = {de la Fontaine, Jean and Ford, Jr., Henry and {Barnes and Noble}},
  title = {On \emph{Fables} and {LaTeX}},
  school = {Universit{\'e} de Paris},
  address = {Paris},
  year = {2001},
  month = {08},
  day = {17},
  type = {Th\`ese de doctorat},
  series = {Theses},
  doi = {https://doi.org/10.1000/xyz\_1},
  note = {In French},
  edition = {2nd},
  issn = {1234-5678}
}
@techreport{tr, title = {T}, institution = {MIT}, number = {TR-7}, year = {in press}}
)");
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        const QJsonObject o = toCslJson(db.entries[0]);
        QCOMPARE(o["type"].toString(), "thesis");
        QCOMPARE(o["genre"].toString(), "Thèse de doctorat");   // the entry's own type field wins
        QCOMPARE(o["title"].toString(), "On <i>Fables</i> and <span class=\"nocase\">LaTeX</span>");
        QCOMPARE(o["publisher"].toString(), "Université de Paris");
        QCOMPARE(o["publisher-place"].toString(), "Paris");
        QCOMPARE(o["issued"].toObject()["date-parts"].toArray(), QJsonArray({QJsonArray{2001, 8, 17}}));
        QCOMPARE(o["DOI"].toString(), "10.1000/xyz_1");
        QCOMPARE(o["collection-title"].toString(), "Theses");
        QCOMPARE(o["note"].toString(), "In French");
        QCOMPARE(o["edition"].toString(), "2nd");
        QCOMPARE(o["ISSN"].toString(), "1234-5678");
        const QJsonArray authors = o["author"].toArray();
        QCOMPARE(authors.size(), 3);
        QCOMPARE(authors[0].toObject(), QJsonObject({{"family", "Fontaine"}, {"given", "Jean"},
                                                     {"non-dropping-particle", "de la"}}));
        QCOMPARE(authors[1].toObject(), QJsonObject({{"family", "Ford"}, {"given", "Henry"}, {"suffix", "Jr."}}));
        QCOMPARE(authors[2].toObject(), QJsonObject({{"literal", "Barnes and Noble"}}));

        const QJsonObject tr = toCslJson(db.entries[1]);
        QCOMPARE(tr["type"].toString(), "report");
        QCOMPARE(tr["publisher"].toString(), "MIT");
        QCOMPARE(tr["number"].toString(), "TR-7");
        QCOMPARE(tr["issued"].toObject()["literal"].toString(), "in press");
        // Valid JSON for citeproc-js.
        QVERIFY(!QJsonDocument(tr).toJson().isEmpty());
    }

    void ris()
    {
        // Google Scholar's RefMan export, Scopus' and Web of Science's RIS.
        const char *ris = "TY  - JOUR\r\n"
                           "T1  - Deep residual learning for image recognition\r\n"
                           "A1  - He, Kaiming\r\n"
                           "A1  - Zhang, Xiangyu\r\n"
                           "JO  - Proceedings of the IEEE conference on computer vision and pattern recognition\r\n"
                           "SP  - 770\r\n"
                           "EP  - 778\r\n"
                           "Y1  - 2016\r\n"
                           "ER  - \r\n"
                           "\r\n"
                           "TY  - CONF\n"
                           "AU  - Müller, Jörg\n"
                           "AU  - Smith, A.B.\n"
                           "TI  - The R&D of 100% Safe Systems_v2\n"
                           "T2  - Proceedings of the 2022 IEEE International Conference on Robotics\n"
                           "PY  - 2022\n"
                           "DA  - 2022/05/17/\n"
                           "SP  - 112-119\n"
                           "DO  - 10.1109/ICRA.2022.1234567\n"
                           "UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85&partnerID=40\n"
                           "AB  - We present a method that works.\n"
                           "  It continues on a second line.\n"
                           "KW  - robotics\n"
                           "KW  - safety\n"
                           "PB  - IEEE\n"
                           "SN  - 10504729 (ISSN)\n"
                           "SN  - 9781728196817 (ISBN)\n"
                           "LA  - English\n"
                           "J2  - Proc IEEE Int Conf Rob Autom\n"
                           "M3  - Conference Paper\n"
                           "DB  - Scopus\n"
                           "N1  - Export Date: 01 June 2023; Cited By: 3\n"
                           "ER  - \n"
                           "TY  - JOUR\n"
                           "AU  - Garcia, Ana\n"
                           "TI  - The Journal Paper\n"
                           "T2  - JOURNAL OF THINGS\n"
                           "JA  - J. Things\n"
                           "VL  - 12\n"
                           "IS  - 3\n"
                           "PY  - 2019\n"
                           "SN  - 0001-0782\n"
                           "SP  - 45\n"
                           "EP  - 67\n"
                           "AN  - WOS:000123456700001\n"
                           "ER  -\n";   // Web of Science: no space after the dash
        ReadOptions options;
        options.fileName = QStringLiteral("export.ris");
        const Database db = parseRis(QByteArrayView(ris, qsizetype(std::strlen(ris))), options);
        QVERIFY2(db.diagnostics.empty(), qPrintable(messages(db)));
        QCOMPARE(db.entries.size(), std::size_t(3));
        const Entry &gs = db.entries[0];
        QCOMPARE(gs.type, "article");
        QCOMPARE(gs.key, "he2016deep");
        QCOMPARE(gs.line, 1);
        QCOMPARE(gs.file, "export.ris");
        QCOMPARE(gs.value("pages"), "770--778");
        QCOMPARE(gs.value("year"), "2016");
        QCOMPARE(text(gs, "journal"), "Proceedings of the IEEE conference on computer vision and pattern recognition");
        QCOMPARE(splitNames(gs.value("author")).names.size(), std::size_t(2));

        const Entry &scopus = db.entries[1];
        QCOMPARE(scopus.type, "inproceedings");
        QCOMPARE(scopus.key, "muller2022rd");
        QCOMPARE(scopus.line, 11);
        QCOMPARE(text(scopus, "title"), "The R&D of 100% Safe Systems_v2");
        QCOMPARE(scopus.value("title"), "The R\\&D of 100\\% Safe Systems\\_v2");
        QCOMPARE(text(scopus, "booktitle"), "Proceedings of the 2022 IEEE International Conference on Robotics");
        QCOMPARE(scopus.value("month"), "5");
        QCOMPARE(scopus.value("day"), "17");
        QCOMPARE(scopus.value("pages"), "112--119");
        QCOMPARE(scopus.value("doi"), "10.1109/ICRA.2022.1234567");
        QCOMPARE(scopus.value("url"), "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85&partnerID=40");
        QCOMPARE(text(scopus, "abstract"), "We present a method that works. It continues on a second line.");
        QCOMPARE(scopus.value("keywords"), "robotics, safety");
        QCOMPARE(scopus.value("isbn"), "9781728196817");
        QCOMPARE(scopus.value("issn"), "10504729");
        QCOMPARE(scopus.value("language"), "English");
        QCOMPARE(text(scopus, "note"), "Export Date: 01 June 2023; Cited By: 3");
        QCOMPARE(QString::fromStdString(splitNames(scopus.value("author")).names[0].last), "Müller");
        // source is the entry as BibTeX, readable again.
        const Database again = parse(QByteArray::fromStdString(scopus.source));
        QVERIFY2(again.diagnostics.empty(), qPrintable(messages(again)));
        QCOMPARE(again.entries[0].value("title"), scopus.value("title"));
        const QJsonObject csl = toCslJson(scopus);
        QCOMPARE(csl["issued"].toObject()["date-parts"].toArray(), QJsonArray({QJsonArray{2022, 5, 17}}));
        QCOMPARE(csl["URL"].toString(), "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85&partnerID=40");

        const Entry &wos = db.entries[2];
        QCOMPARE(text(wos, "journal"), "JOURNAL OF THINGS");   // the full title before the abbreviation
        QCOMPARE(wos.value("volume"), "12");
        QCOMPARE(wos.value("number"), "3");
        QCOMPARE(wos.value("issn"), "0001-0782");
        QCOMPARE(wos.key, "garcia2019journal");
        QCOMPARE(wos.value("pages"), "45--67");
    }

    void risProblems()
    {
        const char *ris = "AU  - Stray, Tag\nTY  - JOUR\nTI  - Unended\nPY  - 2020\n";
        const Database db = parseRis(QByteArrayView(ris, qsizetype(std::strlen(ris))));
        QCOMPARE(db.entries.size(), std::size_t(1));
        QCOMPARE(db.diagnostics.size(), std::size_t(2));
        QCOMPARE(db.diagnostics[0].line, 1);
        QVERIFY(db.diagnostics[1].message.contains("ER  - "));
        QCOMPARE(db.diagnostics[1].line, 2);
        const Database empty = parseRis("just some text\n");
        QVERIFY(empty.entries.empty());
        QVERIFY(findDiagnostic(empty, "no RIS records"));
    }

    void threads()
    {
        // btparse is not thread-safe: reads are serialised inside; each thread
        // sees its own file's macros.
        std::vector<std::thread> workers;
        std::atomic<int> failures = 0;
        for (int t = 0; t < 4; ++t)
            workers.emplace_back([t, &failures] {
                const std::string bib = "@string{j = {Journal " + std::to_string(t) + "}}\n"
                                        "@article{a, journal = j, author = {A. Author and B. Author}}\n";
                for (int i = 0; i < 50; ++i) {
                    const Database db = parse(QByteArray::fromStdString(bib));
                    if (db.entries.size() != 1 || db.entries[0].value("journal") != "Journal " + std::to_string(t)
                        || splitNames(db.entries[0].value("author")).names.size() != 2)
                        ++failures;
                }
            });
        for (auto &w : workers)
            w.join();
        QCOMPARE(failures.load(), 0);
    }

    void readFileFails()
    {
        const Result<Database> missing = readFile(QStringLiteral("/nonexistent/refs.bib"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains("/nonexistent/refs.bib"));
        QTemporaryDir dir;
        const Result<Database> folder = readFile(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().contains("folder"));
        QFile file(dir.filePath("refs.bib"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kGoogleScholar);
        file.close();
        const Result<Database> db = readFile(dir.filePath("refs.bib"));
        QVERIFY(db.ok());
        QCOMPARE(db->entries.size(), std::size_t(2));
        QCOMPARE(db->entries[0].file, dir.filePath("refs.bib"));   // no fileName given: the path
    }

    void sharedPublications()
    {
        const QString path = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/bib/publications.bib");
        if (!QFile::exists(path))
            QSKIP("../shared/fixtures/bib/publications.bib is not there");
        const Result<Database> db = readFile(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QVERIFY2(db->diagnostics.empty(), qPrintable(messages(*db)));
        QCOMPARE(db->entries.size(), std::size_t(2));
        const Entry &first = *db->find("chen2023bidirectional");
        QCOMPARE(text(first, "title"), "Bidirectional Looking with A Novel Double Exponential Moving Average to "
                                       "Adaptive and Non-adaptive Momentum Optimizers");
        const NameList authors = splitNames(first.value("author"));
        QCOMPARE(authors.names.size(), std::size_t(5));
        QCOMPARE(authors.names[0].display(), "Yineng Chen");
        QCOMPARE(authors.names[4].display(), "Hai Zhao");
        QVERIFY(!authors.others);
        const Entry &second = *db->find("li2023finegrained");
        QCOMPARE(text(second, "title"), "Fine-Grained Position Helps Memorizing More, a Novel Music Compound "
                                        "Transformer Model with Feature Interaction Fusion");
        const NameList others = splitNames(second.value("author"));
        QCOMPARE(others.names.size(), std::size_t(1));
        QCOMPARE(others.names[0].last, "Chen");
        QVERIFY(others.others);
        const QJsonArray cslAuthors = toCslJson(second)["author"].toArray();
        QCOMPARE(cslAuthors.size(), 2);
        QCOMPARE(cslAuthors[1].toObject(), QJsonObject({{"literal", "others"}}));
        QCOMPARE(text(second, "booktitle"), "Proceedings of the AAAI Conference on Artificial Intelligence");
        QCOMPARE(toCslJson(second)["container-title"].toString(),
                 "Proceedings of the <span class=\"nocase\">AAAI</span> Conference on Artificial Intelligence");
        QVERIFY(second.source.starts_with("@inproceedings{li2023finegrained,"));
        QVERIFY(second.source.ends_with("}"));
    }

    void benchmark()
    {
        // Not asserted: a figure for the report.
        std::string bib;
        for (int i = 0; i < 500; ++i)
            bib += "@inproceedings{key" + std::to_string(i) + ",\n  title = {A {Study} of Things, Part " +
                   std::to_string(i) + "},\n  author = {M{\\\"u}ller, J{\\\"o}rg and Smith, Jane and others},\n"
                   "  booktitle = {Proceedings of the {AAAI} Conference},\n  pages = {1--10},\n  year = {2023},\n"
                   "  month = aug,\n  doi = {10.1000/" + std::to_string(i) + "}\n}\n\n";
        // CPU time of this thread beside wall time: the machine may be busy.
        const auto cpuNs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
        };
        QElapsedTimer timer;
        timer.start();
        qint64 cpu = cpuNs();
        const Database db = parse(QByteArray::fromStdString(bib));
        const qint64 parseNs = timer.nsecsElapsed();
        const qint64 parseCpuNs = cpuNs() - cpu;
        timer.restart();
        cpu = cpuNs();
        int names = 0;
        for (const Entry &e : db.entries) {
            names += int(splitNames(e.value("author")).names.size());
            (void)toCslJson(e);
        }
        const qint64 cslNs = timer.nsecsElapsed();
        const qint64 cslCpuNs = cpuNs() - cpu;
        QCOMPARE(db.entries.size(), std::size_t(500));
        QCOMPARE(names, 1000);
        qInfo("500-entry .bib (%zu KB): parse %.1f ms (CPU %.1f ms), names + toCslJson of all %.1f ms (CPU %.1f ms)",
              bib.size() / 1024, parseNs / 1e6, parseCpuNs / 1e6, cslNs / 1e6, cslCpuNs / 1e6);
    }
};

QTEST_GUILESS_MAIN(TestBib)
#include "tst_bib.moc"
