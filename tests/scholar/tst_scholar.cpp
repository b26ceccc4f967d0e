// jekyll-scholar in Folio. scenarios.txt holds the gem's cucumber suite
// (features/*.feature of jekyll-scholar 7.3), one scenario per block: the
// `_config.yml` its steps write (plus `plugins: [jekyll-scholar]`, which the
// gem's test harness loads by `require` instead), its files, and its
// checks, the gem's regular expressions as written. Each block becomes a
// row: a site written to a temporary folder, built with loadSite, Renderer
// and Builder, its output checked as the scenario checks it.
//
// Rows marked `% skip` are features Folio does not have (said why); rows
// with a `% note` had a check adjusted where citeproc-js, which formats
// here, writes a detail differently from citeproc-ruby, which the gem uses.
//
// The other tests: bibtex-ruby's query language and the gem's option
// parser on their own, an al-folio-like site, the messages for bad input,
// and the time of a 1,000-entry bibliography.
#include "site/build/builder.h"
#include "site/build/renderer.h"
#include "site/build/writer.h"
#include "site/scholar/config.h"
#include "site/scholar/format.h"
#include "site/scholar/library.h"
#include "site/scholar/options.h"
#include "site/scholar/query.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using namespace folio::site;

namespace {

const QString kScenarios = QStringLiteral(FOLIO_SOURCE_DIR "/tests/scholar/scenarios.txt");

struct Check final {
    QString kind;   // see, not, before, exists, absent
    QString path;
    QStringList patterns;
};

struct Scenario final {
    QString name;
    QString skip;
    QString xfail;   // a check that fails for a reason named here (another module's gap)
    QString note;
    QByteArray config;
    std::vector<std::pair<QString, QByteArray>> files;
    QStringList dirs;
    std::vector<Check> checks;
};

// scenarios.txt: "=== name", then "% directive args" lines; the lines after
// `% config`, `% file PATH` and the check directives are their content.
std::vector<Scenario> readScenarios()
{
    QFile file(kScenarios);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(kScenarios));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    static const QRegularExpression directive(
        QStringLiteral("^% (config|file|dir|see|not|before|exists|absent|skip|xfail|note)(?: (.*))?$"));
    std::vector<Scenario> out;
    QString current;           // the directive whose content follows
    QStringList content;
    const auto flush = [&] {
        if (out.empty() || current.isEmpty())
            return;
        Scenario &s = out.back();
        QString text = content.join(QLatin1Char('\n'));
        if (current == QLatin1String("config"))
            s.config = text.toUtf8() + '\n';
        else if (current.startsWith(QLatin1String("file ")))
            s.files.emplace_back(current.mid(5), text.toUtf8());
        else if (!s.checks.empty() && current.startsWith(QLatin1String("check")))
            s.checks.back().patterns = content;
        current.clear();
        content.clear();
    };
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("=== "))) {
            flush();
            out.push_back({});
            out.back().name = line.mid(4);
            continue;
        }
        const QRegularExpressionMatch m = directive.match(line);
        if (!m.hasMatch()) {
            content << line;
            continue;
        }
        flush();
        const QString kind = m.captured(1), arg = m.captured(2);
        Scenario &s = out.back();
        if (kind == QLatin1String("config"))
            current = kind;
        else if (kind == QLatin1String("file"))
            current = QStringLiteral("file ") + arg;
        else if (kind == QLatin1String("dir"))
            s.dirs << arg;
        else if (kind == QLatin1String("skip"))
            s.skip = arg;
        else if (kind == QLatin1String("xfail"))
            s.xfail = arg;
        else if (kind == QLatin1String("note"))
            s.note += (s.note.isEmpty() ? QString() : QStringLiteral(" ")) + arg;
        else {
            s.checks.push_back({kind, arg, {}});
            if (kind != QLatin1String("exists") && kind != QLatin1String("absent"))
                current = QStringLiteral("check");
        }
    }
    flush();
    // A block's trailing blank line belongs to no file.
    for (Scenario &s : out)
        for (Check &c : s.checks)
            while (!c.patterns.isEmpty() && c.patterns.back().isEmpty())
                c.patterns.removeLast();
    return out;
}

struct BuiltSite final {
    QTemporaryDir dir;
    build::MemoryWriter writer;
    std::vector<Diagnostic> diagnostics;
    build::BuildStats stats;

    // `_site/x` is the output; other paths are the sources (the gem's steps
    // read _config.yml too).
    std::optional<QByteArray> read(const QString &path) const
    {
        if (path.startsWith(QLatin1String("_site/")))
            return writer.read(path.mid(6));
        QFile f(dir.filePath(path));
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        return f.readAll();
    }
    QStringList messages() const
    {
        QStringList out;
        for (const Diagnostic &d : diagnostics)
            out << d.format();
        return out;
    }
};

bool writeFiles(const QString &dir, const std::vector<std::pair<QString, QByteArray>> &files,
                const QStringList &dirs = {})
{
    for (const QString &d : dirs)
        QDir(dir).mkpath(d);
    for (const auto &[path, bytes] : files) {
        const QString target = QDir(dir).filePath(path);
        QDir().mkpath(QFileInfo(target).path());
        QFile f(target);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return false;
    }
    return true;
}

void buildInto(BuiltSite &built)
{
    DiagnosticSink sink;
    auto site = build::loadSite(built.dir.path(), model::BuildOptions{}, sink);
    build::Renderer renderer(*site, sink);
    build::Builder builder(*site, renderer, built.writer, sink);
    builder.setJobs(2);
    built.stats = builder.run();
    built.diagnostics = sink.take();
}

std::unique_ptr<BuiltSite> buildSite(const std::vector<std::pair<QString, QByteArray>> &files,
                                     const QStringList &dirs = {})
{
    auto built = std::make_unique<BuiltSite>();
    if (!built->dir.isValid() || !writeFiles(built->dir.path(), files, dirs))
        return nullptr;
    buildInto(*built);
    return built;
}

QString excerpt(const QByteArray &bytes) { return QString::fromUtf8(bytes.left(3000)); }

// A small library for the query and option tests.
std::shared_ptr<const scholar::Library> sampleLibrary(QTemporaryDir &dir)
{
    const QByteArray bib = R"(@article{chen2023,
  title = {Deep Learning for Cells},
  author = {Chen, Yineng and Li, Wei},
  journal = {Nature},
  year = {2023},
  selected = {true},
  abbr = {Nature}
}
@inproceedings{li2020,
  title = {Graphs at Scale},
  author = {Li, Wei and Albert, Alex},
  booktitle = {NeurIPS},
  year = {2020},
  month = aug
}
@book{old1999,
  title = {The Old Book},
  author = {Booth, Brian},
  year = {1999}
}
@misc{draft,
  title = {A Draft},
  author = {Done, Daniel},
  note = {in preparation}
}
)";
    QDir(dir.path()).mkpath(QStringLiteral("_bibliography"));
    QFile f(dir.filePath(QStringLiteral("_bibliography/references.bib")));
    if (!f.open(QIODevice::WriteOnly))
        return nullptr;
    f.write(bib);
    f.close();
    const scholar::Config config;
    return scholar::loadLibrary(scholar::bibtexPaths(config, {}, dir.path()), config, dir.path());
}

QByteArray alFolioBibLayout()
{
    // al-folio's _layouts/bib.liquid reduced to what it reads of the entry.
    return R"(---
---
<div class="row">
  {%- if entry.abbr -%}<abbr class="badge">{{ entry.abbr }}</abbr>{%- endif -%}
  <div id="{{ entry.key }}" class="col-sm-8">
    <div class="title">{{ entry.title }}</div>
    <div class="author">
      {%- for author in entry.author_array -%}
        {%- if forloop.first == false %}, {% endif -%}
        {%- if site.scholar.last_name contains author.last -%}<em>{{ author.first }} {{ author.last }}</em>
        {%- else -%}{{ author.first }} {{ author.last }}{%- endif -%}
      {%- endfor -%}
    </div>
    {% if entry.type == 'article' %}<div class="periodical"><em>{{ entry.journal }}</em>, {{ entry.year }}</div>
    {% else %}<div class="periodical"><em>In {{ entry.booktitle }}</em> {{ entry.month | capitalize }} {{ entry.year }}</div>{% endif %}
    {% if entry.bibtex_show %}<div class="bibtex hidden"><pre>{{ entry.bibtex }}</pre></div>{% endif %}
  </div>
</div>
)";
}

QByteArray alFolioPapers(int count)
{
    QByteArray bib;
    for (int i = 0; i < count; ++i) {
        const int year = 2015 + i % 9;
        const bool article = i % 2 == 0;
        bib += QStringLiteral("@%1{paper%2,\n  title = {Paper Number %2 on {DNA} and M{\\\"u}ller's Method},\n"
                              "  author = {Chen, Yineng and M{\\\"u}ller, Hans and Smith, Jane},\n"
                              "  %3 = {%4},\n  year = {%5},\n  month = {%6},\n  abbr = {V%7},\n"
                              "  bibtex_show = {true},\n  selected = {%8}\n}\n\n")
                   .arg(article ? QStringLiteral("article") : QStringLiteral("inproceedings"))
                   .arg(i)
                   .arg(article ? QStringLiteral("journal") : QStringLiteral("booktitle"))
                   .arg(article ? QStringLiteral("Journal of Tests") : QStringLiteral("Conference on Tests"))
                   .arg(year)
                   .arg(1 + i % 12)
                   .arg(i % 5)
                   .arg(i % 7 == 0 ? QStringLiteral("true") : QStringLiteral("false"))
                   .toUtf8();
    }
    return bib;
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestScholar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarios_data();
    void scenarios();
    void query_data();
    void query();
    void tagOptions();
    void alFolioSite();
    void tagsNeedThePlugin();
    void missingBibliography();
    void brokenBibliography();
    void unknownKey();
    void largeBibliography();
    void formatScaling();
};

void TestScholar::scenarios_data()
{
    QTest::addColumn<Scenario>("scenario");
    for (const Scenario &s : readScenarios())
        QTest::newRow(qPrintable(s.name)) << s;
}

void TestScholar::scenarios()
{
    QFETCH(Scenario, scenario);
    if (!scenario.skip.isEmpty())
        QSKIP(qPrintable(scenario.skip));
    auto files = scenario.files;
    files.emplace_back(QStringLiteral("_config.yml"), scenario.config);
    const auto built = buildSite(files, scenario.dirs);
    QVERIFY(built);
    QStringList failures;
    for (const Check &c : scenario.checks) {
        const std::optional<QByteArray> bytes = built->read(c.path);
        if (c.kind == QLatin1String("exists") || c.kind == QLatin1String("absent")) {
            if (bool(bytes) != (c.kind == QLatin1String("exists")))
                failures << c.path + (bytes ? QStringLiteral(" was written") : QStringLiteral(" was not written"));
            continue;
        }
        if (!bytes) {
            failures << c.path + QStringLiteral(" was not written");
            continue;
        }
        const QString text = QString::fromUtf8(*bytes);
        QVERIFY2(!c.patterns.isEmpty(), qPrintable(scenario.name));
        std::vector<QRegularExpressionMatch> matches;
        for (const QString &p : c.patterns) {
            const QRegularExpression re(p);
            QVERIFY2(re.isValid(), qPrintable(p + QStringLiteral(": ") + re.errorString()));
            matches.push_back(re.match(text));
        }
        if (c.kind == QLatin1String("see") && !matches[0].hasMatch())
            failures << QStringLiteral("/%1/ not found in %2:\n%3").arg(c.patterns[0], c.path, excerpt(*bytes));
        else if (c.kind == QLatin1String("not") && matches[0].hasMatch())
            failures << QStringLiteral("/%1/ unexpected in %2:\n%3").arg(c.patterns[0], c.path, excerpt(*bytes));
        else if (c.kind == QLatin1String("before")
                 && !(c.patterns.size() == 2 && matches[0].hasMatch() && matches[1].hasMatch()
                      && matches[0].capturedStart() < matches[1].capturedStart()))
            failures << QStringLiteral("/%1/ not before /%2/ in %3:\n%4")
                            .arg(c.patterns.value(0), c.patterns.value(1), c.path, excerpt(*bytes));
    }
    const QString report = QStringLiteral("%1\nnote: %2\nmessages:\n%3")
                               .arg(failures.join(QLatin1Char('\n')), scenario.note, built->messages().join('\n'));
    if (!scenario.xfail.isEmpty())
        QEXPECT_FAIL("", qPrintable(scenario.xfail), Continue);
    QVERIFY2(failures.isEmpty(), qPrintable(report));
}

void TestScholar::query_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("keys");
    const auto keys = [](std::initializer_list<const char *> k) {
        QStringList out;
        for (const char *s : k)
            out << QString::fromLatin1(s);
        return out;
    };
    QTest::newRow("all") << "@*" << keys({"chen2023", "li2020", "old1999", "draft"});
    QTest::newRow("entry") << "@entry" << keys({"chen2023", "li2020", "old1999", "draft"});
    QTest::newRow("empty") << "" << keys({"chen2023", "li2020", "old1999", "draft"});
    QTest::newRow("type") << "@article" << keys({"chen2023"});
    QTest::newRow("type any case") << "@Book" << keys({"old1999"});
    QTest::newRow("two types") << "@book, @misc" << keys({"old1999", "draft"});
    QTest::newRow("not type") << "!@misc" << keys({"chen2023", "li2020", "old1999"});
    QTest::newRow("equals") << "@*[year=2020]" << keys({"li2020"});
    QTest::newRow("al-folio year, trailing star") << "@*[year=2023]*" << keys({"chen2023"});
    QTest::newRow("selected") << "@*[selected=true]*" << keys({"chen2023"});
    QTest::newRow("not equal, missing counts") << "@*[year!=2020]" << keys({"chen2023", "old1999", "draft"});
    QTest::newRow("numeric >=") << "@*[year>=2020]" << keys({"chen2023", "li2020"});
    QTest::newRow("numeric <") << "@article[year<2020]" << keys({});
    QTest::newRow("numeric <= with spaces") << "@book[year <= 2000]" << keys({"old1999"});
    QTest::newRow("prefix") << "@*[title^=The]" << keys({"old1999"});
    QTest::newRow("regex") << "@*[author~=\\bAlbert\\b]" << keys({"li2020"});
    QTest::newRow("regex on parsed names") << "@*[author~=^Chen]" << keys({"chen2023"});
    QTest::newRow("a comma splits conditions") << "@*[author~=^Li, year=2020]" << keys({"li2020"});
    QTest::newRow("not regex") << "@*[note!~prep]" << keys({"chen2023", "li2020", "old1999"});
    QTest::newRow("presence") << "@*[note]" << keys({"draft"});
    QTest::newRow("and, comma") << "@*[year>=2020, author~=Chen]" << keys({"chen2023"});
    QTest::newRow("and, &&") << "@*[year>=2020 && author~=Albert]" << keys({"li2020"});
    QTest::newRow("or") << "@*[year=1999 || year=2023]" << keys({"chen2023", "old1999"});
    QTest::newRow("parsed month") << "@*[month=aug]" << keys({"li2020"});
    QTest::newRow("key field") << "@*[key=draft]" << keys({"draft"});
    QTest::newRow("a key") << "old1999" << keys({"old1999"});
    QTest::newRow("unknown key") << "nope" << keys({});
}

void TestScholar::query()
{
    QFETCH(QString, query);
    QFETCH(QStringList, keys);
    QTemporaryDir dir;
    const auto library = sampleLibrary(dir);
    QVERIFY(library);
    QCOMPARE(library->items.size(), std::size_t(4));
    QStringList got;
    for (const scholar::Item *item : scholar::Query(query.toStdString()).select(*library))
        got << QString::fromStdString(item->key);
    QCOMPARE(got, keys);
}

void TestScholar::tagOptions()
{
    using scholar::parseTagOptions;
    auto o = parseTagOptions("-f papers -q @*[year={{y}}]*", false);
    QCOMPARE(o.files, std::vector<std::string>{"papers"});
    QCOMPARE(*o.query, std::string("@*[year={{y}}]*"));
    o = parseTagOptions("-f references --query @book[year <= 2000] --max 2 --cited_in_order", false);
    QCOMPARE(*o.query, std::string("@book[year <= 2000]"));
    QCOMPARE(*o.max, 2);
    QVERIFY(o.cited && o.citedInOrder);
    o = parseTagOptions("ruby microscope -l 2-3 --locator 23 & 42 --label chapter -L figure", true);
    QCOMPARE(o.keys, (std::vector<std::string>{"ruby", "microscope"}));
    QCOMPARE(o.locators, (std::vector<std::string>{"2-3", "23 & 42"}));
    QCOMPARE(o.labels, (std::vector<std::string>{"chapter", "figure"}));
    o = parseTagOptions("ruby --prefix a", true);
    QCOMPARE(*o.prefix, std::string("a"));
    o = parseTagOptions("ruby --text Click For More", true);
    QCOMPARE(*o.text, std::string("Click For More"));
    o = parseTagOptions("--group_by year, month --group_order descending -T bib --style ieee", false);
    QCOMPARE(*o.groupBy, std::string("year, month"));
    QCOMPARE(*o.groupOrder, std::string("descending"));
    QCOMPARE(*o.templ, std::string("bib"));
    QCOMPARE(*o.style, std::string("ieee"));
    o = parseTagOptions("-x", false);
    QCOMPARE(o.problems.size(), std::size_t(1));
}

// An al-folio-like site: its bib layout as the bibliography_template, one
// bibliography per year in a for loop, every publication shown once under
// its year, with the fields the layout reads.
void TestScholar::alFolioSite()
{
    const int count = 60;
    const auto built = buildSite({
        {QStringLiteral("_config.yml"),
         "title: Lab\nplugins: [jekyll-scholar]\nscholar:\n  last_name: [Chen]\n  first_name: [Yineng]\n"
         "  style: apa\n  locale: en\n  source: /_bibliography/\n  bibliography: papers.bib\n"
         "  bibliography_template: bib\n  replace_strings: true\n  join_strings: true\n"
         "  details_dir: bibliography\n  details_layout: bibtex.html\n  details_link: Details\n"
         "  query: \"@*\"\n"},
        {QStringLiteral("_layouts/bib.liquid"), alFolioBibLayout()},
        {QStringLiteral("_bibliography/papers.bib"), alFolioPapers(count)},
        {QStringLiteral("publications.md"),
         "---\nlayout: null\npermalink: /publications/\ntitle: Publications\n"
         "years: [2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015]\n---\n"
         "<div class=\"publications\">\n\n{%- for y in page.years %}\n  <h2 class=\"year\">{{y}}</h2>\n"
         "  {% bibliography -f papers -q @*[year={{y}}]* %}\n{% endfor %}\n\n</div>\n"},
        {QStringLiteral("index.md"), "---\n---\n{% bibliography -f papers -q @*[selected=true]* %}\n"},
    });
    QVERIFY(built);
    const QString page = QString::fromUtf8(built->read(QStringLiteral("_site/publications/index.html")).value_or(""));
    QVERIFY2(!page.isEmpty(), qPrintable(built->messages().join('\n')));
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("<div id=\"paper%1\" class=\"col-sm-8\">").arg(i);
        QCOMPARE(page.count(id), 1);
    }
    QCOMPARE(page.count(QStringLiteral("<ol class=\"bibliography\"><li>")), 9);
    // Under its year: paper 8 is 2023's only one, listed after that heading.
    QVERIFY(page.indexOf(QStringLiteral("paper8\"")) > page.indexOf(QStringLiteral("<h2 class=\"year\">2023</h2>")));
    QVERIFY(page.indexOf(QStringLiteral("paper8\"")) < page.indexOf(QStringLiteral("<h2 class=\"year\">2022</h2>")));
    // Fields as the layout prints them: LaTeX made text, names split, the
    // owner's name emphasised, the month parsed, the BibTeX as written.
    QVERIFY2(page.contains(QStringLiteral("<div class=\"title\">Paper Number 1 on DNA and Müller’s Method</div>"))
                 || page.contains(QStringLiteral("<div class=\"title\">Paper Number 1 on DNA and Müller's Method</div>"))
                 || page.contains(QStringLiteral("<div class=\"title\">Paper Number 1 on DNA and Müller&#39;s Method</div>")),
             qPrintable(page.mid(page.indexOf(QStringLiteral("paper1\"")), 400)));
    QVERIFY(page.contains(QStringLiteral("<em>Yineng Chen</em>, Hans Müller, Jane Smith")));
    QVERIFY(page.contains(QStringLiteral("<em>In Conference on Tests</em> Feb 2016")));
    QVERIFY(page.contains(QStringLiteral("<em>Journal of Tests</em>, 2015")));
    QVERIFY(page.contains(QStringLiteral("<abbr class=\"badge\">V0</abbr>")));
    // (The page is Markdown: the HTML block's lines come out indented.)
    QVERIFY2(page.contains(QRegularExpression(
                 QStringLiteral("@article\\{paper0,\\s+title = \\{Paper Number 0 on \\{DNA\\} and M\\{\\\\\"u\\}ller's Method\\},"))),
             qPrintable(page.mid(page.indexOf(QStringLiteral("@article{paper0")), 300)));
    QVERIFY(page.contains(QRegularExpression(QStringLiteral("\\s+month = jan,\\s+abbr = \\{V0\\}"))));
    // The selected ones on the home page.
    const QString index = QString::fromUtf8(built->read(QStringLiteral("_site/index.html")).value_or(""));
    QCOMPARE(index.count(QStringLiteral("<li>")), (count + 6) / 7);
    // No details layout in the site: no details pages, no links.
    QVERIFY(!built->read(QStringLiteral("_site/bibliography/paper0.html")));
    QVERIFY(!page.contains(QStringLiteral("class=\"details\"")));
    QVERIFY2(built->diagnostics.empty(), qPrintable(built->messages().join('\n')));
}

// As any plugin's tags: without jekyll-scholar in `plugins:` they are
// Jekyll's "Unknown tag" error and the page is not written.
void TestScholar::tagsNeedThePlugin()
{
    const auto built = buildSite({{QStringLiteral("_config.yml"), "title: T\n"},
                                  {QStringLiteral("_bibliography/references.bib"), "@book{ruby, title = {R}}\n"},
                                  {QStringLiteral("scholar.html"), "---\n---\n{% cite ruby %}\n"},
                                  {QStringLiteral("other.html"), "---\n---\nfine\n"}});
    QVERIFY(built);
    QVERIFY(!built->read(QStringLiteral("_site/scholar.html")));
    QVERIFY(built->read(QStringLiteral("_site/other.html")));
    const QString messages = built->messages().join('\n');
    QVERIFY2(messages.contains(QStringLiteral("Unknown tag 'cite'")), qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("scholar.html:3")), qPrintable(messages));
}

void TestScholar::missingBibliography()
{
    const auto built = buildSite({{QStringLiteral("_config.yml"),
                                   "title: T\nplugins: [jekyll-scholar]\nscholar:\n  style: apa\n  bibliography: mine.bib\n"},
                                  {QStringLiteral("scholar.html"), "---\n---\nRefs:\n{% bibliography %}\n"}});
    QVERIFY(built);
    const QString page = QString::fromUtf8(built->read(QStringLiteral("_site/scholar.html")).value_or("<none>"));
    QVERIFY2(page.contains(QStringLiteral("<ol class=\"bibliography\"></ol>")), qPrintable(page));
    const QString messages = built->messages().join('\n');
    QVERIFY2(messages.contains(QStringLiteral("scholar.html:4:")) && messages.contains(QStringLiteral("_bibliography/mine.bib"))
                 && messages.contains(QStringLiteral("_config.yml, line 5")),
             qPrintable(messages));
    QVERIFY(!built->stats.failed);
}

void TestScholar::brokenBibliography()
{
    const auto built = buildSite(
        {{QStringLiteral("_config.yml"), "title: T\nplugins: [jekyll-scholar]\n"},
         {QStringLiteral("_bibliography/references.bib"),
          "@book{ruby,\n  title = {The Ruby Programming Language},\n  year = {2008}\n}\n\n"
          "@article{broken,\n  title = {Unclosed,\n  year = 2001\n\n"
          "@book{smalltalk,\n  title = {Smalltalk Best Practice Patterns},\n  year = {1996}\n}\n"},
         {QStringLiteral("scholar.html"), "---\n---\n{% bibliography %}\n"}});
    QVERIFY(built);
    const QString page = QString::fromUtf8(built->read(QStringLiteral("_site/scholar.html")).value_or("<none>"));
    QVERIFY2(page.contains(QStringLiteral("The Ruby Programming Language")), qPrintable(page));
    const QString messages = built->messages().join('\n');
    QVERIFY2(messages.contains(QStringLiteral("_bibliography/references.bib:")), qPrintable(messages));
}

void TestScholar::unknownKey()
{
    const auto built = buildSite({{QStringLiteral("_config.yml"), "title: T\nplugins: [jekyll-scholar]\n"},
                                  {QStringLiteral("_bibliography/references.bib"), "@book{ruby, title = {R}, year = 2008}\n"},
                                  {QStringLiteral("scholar.md"), "---\n---\nSee\n\n{% cite java %}\n"}});
    QVERIFY(built);
    const QString page = QString::fromUtf8(built->read(QStringLiteral("_site/scholar.html")).value_or("<none>"));
    QVERIFY2(page.contains(QStringLiteral("(missing reference)")), qPrintable(page));
    const QString messages = built->messages().join('\n');
    QVERIFY2(messages.contains(QStringLiteral("scholar.md:5:")) && messages.contains(QStringLiteral("'java'")),
             qPrintable(messages));
}

// A large bibliography formatted with APA through citeproc-js: one batch
// for the tag; the figure is printed. A second build of the same sources
// reuses the formatted entries.
void TestScholar::largeBibliography()
{
    // 1,000 entries take minutes of citeproc-js on a loaded machine; the
    // suite formats 100 unless FOLIO_SCHOLAR_LARGE=1 asks for the figure.
    const int count = qEnvironmentVariableIsEmpty("FOLIO_SCHOLAR_LARGE") ? 100 : 1000;
    const QByteArray bib = alFolioPapers(count);
    const std::vector<std::pair<QString, QByteArray>> files{
        {QStringLiteral("_config.yml"), "title: T\nplugins: [jekyll-scholar]\nscholar:\n  sort_by: year\n  order: descending\n"},
        {QStringLiteral("_bibliography/references.bib"), bib},
        {QStringLiteral("scholar.html"), "---\n---\n{% bibliography %}\n"}};
    auto built = std::make_unique<BuiltSite>();
    QVERIFY(built->dir.isValid() && writeFiles(built->dir.path(), files));
    QElapsedTimer timer;
    timer.start();
    buildInto(*built);
    const qint64 first = timer.elapsed();
    const QString page = QString::fromUtf8(built->read(QStringLiteral("_site/scholar.html")).value_or(""));
    QCOMPARE(page.count(QStringLiteral("<li><span id=\"paper")), count);
    // citeproc-js formats the batch at once and so tells same-author
    // same-year entries apart (2023a, 2023b), which citeproc-ruby, asked
    // entry by entry by the gem, does not.
    QVERIFY2(page.contains(QRegularExpression(QStringLiteral("Chen, Y\\., Müller, H\\., (&amp;|&#38;) Smith, J\\. \\(2023[a-z]*\\)"))),
             qPrintable(page.left(1500)));
    // The same sources again (the window rebuilding after an edit elsewhere):
    // the library and the formatted batch come from the caches.
    timer.restart();
    buildInto(*built);
    const qint64 second = timer.elapsed();
    QCOMPARE(QString::fromUtf8(built->read(QStringLiteral("_site/scholar.html")).value_or("")), page);
    qInfo("%d-entry bibliography page (APA, sorted by year): first build %lld ms, same sources again %lld ms", count,
          first, second);
}

void TestScholar::formatScaling()
{
    if (qEnvironmentVariableIsEmpty("FOLIO_SCHOLAR_SCALING"))
        QSKIP("set FOLIO_SCHOLAR_SCALING=1 to time citeproc-js batches of 50..800 entries");
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("_bibliography"));
    QFile f(dir.filePath(QStringLiteral("_bibliography/references.bib")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(alFolioPapers(800));
    f.close();
    const scholar::Config config;
    const auto library = scholar::loadLibrary(scholar::bibtexPaths(config, {}, dir.path()), config, dir.path());
    for (int n : {50, 100, 200, 400, 800}) {
        std::vector<const scholar::Item *> items;
        for (int i = 0; i < n; ++i)
            items.push_back(&library->items[std::size_t(i)]);
        QElapsedTimer t;
        t.start();
        auto r = scholar::formatReferences(*library, items, scholar::Style{QStringLiteral("apa"), QStringLiteral("en"), {}});
        QVERIFY(r);
        qInfo("%d entries: %lld ms", n, t.elapsed());
    }
}

QTEST_GUILESS_MAIN(TestScholar)
#include "tst_scholar.moc"
