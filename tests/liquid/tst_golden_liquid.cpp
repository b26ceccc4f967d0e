// The golden-liquid conformance suite (../shared/golden-liquid), judged against
// what Debian's Jekyll 4.3.1 (Liquid 5.4.0) really produced: the case's own
// result where Jekyll passed, Jekyll's actual output ("got") where it did not.
// Every `core` case must pass except those listed in golden-exceptions.txt.
// Skipped without ../shared.
#include "json_value.h"

#include "site/liquid/liquid.h"

#include <QFile>
#include <QMap>
#include <QSet>
#include <QtTest>

#include <cstdlib>
#include <ctime>

using namespace folio::site;
using liquid::Value;

namespace {

struct Outcome {
    bool passed = false;
    QString detail;
};

// What the reference engine did for a case.
struct Reference {
    enum Kind { Output, AnyOf, Error, AnyOutput } kind = Output;
    std::vector<std::string> outputs;
};

Reference referenceFor(const Value &testCase, const Value &run)
{
    Reference ref;
    const Value jekyll = run.get("jekyll_4_3_1_debian");
    const bool jekyllPassed = jekyll.get("status").str() == "pass";
    if (jekyllPassed) {
        if (testCase.get("invalid").truthy()) {
            ref.kind = Reference::Error;
        } else if (testCase.hash().contains("results")) {
            ref.kind = Reference::AnyOf;
            for (const Value &r : testCase.get("results").array())
                ref.outputs.push_back(r.str());
        } else {
            ref.outputs.push_back(testCase.get("result").str());
        }
        return ref;
    }
    if (jekyll.hash().contains("got")) {
        ref.outputs.push_back(jekyll.get("got").str());
        return ref;
    }
    // A note: either Jekyll raised where golden expected output, or it did
    // not raise where golden expected an error (its output is not recorded).
    const std::string note = jekyll.get("note").str();
    ref.kind = note.starts_with("expected error, none raised") ? Reference::AnyOutput : Reference::Error;
    return ref;
}

Outcome runCase(const liquid::Environment &env, const Value &testCase, const Reference &ref)
{
    const std::string &source = testCase.get("template").str();
    bool strict = false;
    for (const Value &t : testCase.get("tags").array())
        strict |= t.str() == "strict";
    liquid::ParseOptions options;
    options.mode = strict ? liquid::ParseMode::Strict : liquid::ParseMode::Lax;
    const auto parsed = liquid::Template::parse(source, env, QStringLiteral("golden"), options);
    const Value data = testCase.hash().contains("data") ? testCase.get("data") : Value(liquid::Hash());

    if (ref.kind == Reference::Error) {
        if (!parsed.ok())
            return {true, {}};
        liquid::Context ctx(env, data, liquid::ErrorMode::Strict);
        std::string out;
        if (!parsed.tmpl->render(ctx, out))
            return {true, {}};
        return {false, QStringLiteral("expected an error, rendered \"%1\"").arg(QString::fromStdString(out))};
    }
    if (!parsed.ok())
        return {false, QStringLiteral("parse error: %1").arg(parsed.errorText())};
    liquid::Context ctx(env, data, liquid::ErrorMode::Inline);
    std::string out;
    parsed.tmpl->render(ctx, out);
    if (ref.kind == Reference::AnyOutput)
        return {true, {}};
    for (const std::string &expected : ref.outputs)
        if (out == expected)
            return {true, {}};
    return {false, QStringLiteral("expected \"%1\"\n      got \"%2\"")
                       .arg(QString::fromStdString(ref.outputs.empty() ? std::string() : ref.outputs.front()),
                            QString::fromStdString(out))};
}

bool readJson(const QString &path, Value *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    return folio::tests::JsonReader(std::string_view(bytes.constData(), std::size_t(bytes.size()))).parse(out);
}

QMap<QString, QString> readExceptions()
{
    QMap<QString, QString> out;
    QFile f(QStringLiteral(FOLIO_SOURCE_DIR "/tests/liquid/golden-exceptions.txt"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int bar = line.indexOf(QLatin1String(" | "));
        out.insert(bar < 0 ? line : line.left(bar), bar < 0 ? QString() : line.mid(bar + 3));
    }
    return out;
}

} // namespace

class TstGoldenLiquid final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The suite's `utc` case and Time.at() assume TZ=UTC.
        qputenv("TZ", "UTC");
        tzset();
    }

    void golden()
    {
        Value suite, runs;
        if (!readJson(QStringLiteral(FOLIO_SHARED_DIR "/golden-liquid/golden_liquid.json"), &suite)
            || !readJson(QStringLiteral(FOLIO_SHARED_DIR "/golden-liquid/golden_liquid.runs.json"), &runs))
            QSKIP("needs ../shared/golden-liquid (golden_liquid.json and golden_liquid.runs.json)");

        QHash<QString, Value> runByName;
        for (const Value &r : runs.get("cases").array())
            runByName.insert(QString::fromStdString(r.get("name").str()), r);

        const liquid::Environment env = liquid::Environment::standard();
        const QMap<QString, QString> exceptions = readExceptions();
        struct Count {
            int pass = 0, total = 0;
        };
        QMap<QString, QMap<QString, Count>> counts;   // applicability -> group -> counts
        QStringList unexpectedFailures, fixedExceptions;

        for (const Value &testCase : suite.get("tests").array()) {
            const QString name = QString::fromStdString(testCase.get("name").str());
            const Value run = runByName.value(name);
            const QString group = QString::fromStdString(run.get("group").str());
            const QString applicability = QString::fromStdString(run.get("jekyll43_applicability").str());
            if (group == QLatin1String("tags, include"))
                continue;   // golden's include is Liquid's; Jekyll's include is tested in tst_liquid
            const Reference ref = referenceFor(testCase, run);
            const Outcome outcome = runCase(env, testCase, ref);
            Count &c = counts[applicability][group];
            ++c.total;
            if (outcome.passed)
                ++c.pass;
            if (applicability != QLatin1String("core")) {
                if (!outcome.passed && qEnvironmentVariableIsSet("FOLIO_GOLDEN_VERBOSE"))
                    qInfo("  (%s) %s: %s", qPrintable(applicability), qPrintable(name), qPrintable(outcome.detail));
                continue;
            }
            if (!outcome.passed && !exceptions.contains(name))
                unexpectedFailures << QStringLiteral("%1\n      template: %2\n      %3")
                                          .arg(name, QString::fromStdString(testCase.get("template").str()), outcome.detail);
            if (outcome.passed && exceptions.contains(name))
                fixedExceptions << name;
        }

        for (auto a = counts.cbegin(); a != counts.cend(); ++a) {
            int pass = 0, total = 0;
            for (auto g = a.value().cbegin(); g != a.value().cend(); ++g) {
                pass += g.value().pass;
                total += g.value().total;
                if (a.key() == QLatin1String("core") || g.value().pass != g.value().total)
                    qInfo("  [%s] %s: %d/%d", qPrintable(a.key()), qPrintable(g.key()), g.value().pass, g.value().total);
            }
            qInfo("%s: %d/%d pass", qPrintable(a.key()), pass, total);
        }
        for (const QString &n : fixedExceptions)
            qInfo("listed in golden-exceptions.txt but passes now (remove it): %s", qPrintable(n));
        if (!unexpectedFailures.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 core case(s) fail:\n  ").arg(unexpectedFailures.size())
                             + unexpectedFailures.join(QLatin1String("\n  "))));
    }

    // The same core cases in Jekyll's `warn` mode (strict parser first, then
    // lax), against the Liquid 5.4 gem's output in data/golden_warn_expected.json
    // (see data/generate_golden_warn.rb). Jekyll sites are parsed this way.
    void goldenWarnMode()
    {
        Value suite, expected;
        if (!readJson(QStringLiteral(FOLIO_SHARED_DIR "/golden-liquid/golden_liquid.json"), &suite))
            QSKIP("needs ../shared/golden-liquid/golden_liquid.json for the templates");
        QVERIFY(readJson(QStringLiteral(FOLIO_SOURCE_DIR "/tests/liquid/data/golden_warn_expected.json"), &expected));
        const liquid::Environment env = liquid::Environment::standard();
        const QMap<QString, QString> exceptions = readExceptions();
        QStringList failures;
        int pass = 0, total = 0;
        for (const Value &testCase : suite.get("tests").array()) {
            const std::string &name = testCase.get("name").str();
            const Value ref = expected.get(name);
            if (ref.isNil())
                continue;
            ++total;
            const QString qname = QStringLiteral("warn mode: ") + QString::fromStdString(name);
            const auto parsed = liquid::Template::parse(testCase.get("template").str(), env, QStringLiteral("golden"),
                                                        liquid::ParseOptions{liquid::ParseMode::Warn, 1});
            bool ok;
            QString detail;
            if (ref.hash().contains("error")) {
                ok = !parsed.ok();
                if (ok == false) {
                    // A render-time error under render! also counts, as for `invalid`.
                    liquid::Context ctx(env, testCase.hash().contains("data") ? testCase.get("data") : Value(liquid::Hash()),
                                        liquid::ErrorMode::Strict);
                    std::string out;
                    ok = !parsed.tmpl->render(ctx, out);
                }
                detail = QStringLiteral("expected error %1").arg(QString::fromStdString(ref.get("error").str()));
            } else if (!parsed.ok()) {
                ok = false;
                detail = QStringLiteral("parse error: %1").arg(parsed.errorText());
            } else {
                liquid::Context ctx(env, testCase.hash().contains("data") ? testCase.get("data") : Value(liquid::Hash()));
                const std::string out = parsed.tmpl->render(ctx);
                ok = out == ref.get("output").str();
                detail = QStringLiteral("expected \"%1\"\n      got \"%2\"")
                             .arg(QString::fromStdString(ref.get("output").str()), QString::fromStdString(out));
            }
            if (ok)
                ++pass;
            else if (!exceptions.contains(qname))
                failures << QStringLiteral("%1\n      template: %2\n      %3")
                                .arg(qname, QString::fromStdString(testCase.get("template").str()), detail);
        }
        qInfo("core cases in warn mode: %d/%d pass", pass, total);
        if (!failures.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 case(s) fail:\n  ").arg(failures.size()) + failures.join(QLatin1String("\n  "))));
    }
};

QTEST_GUILESS_MAIN(TstGoldenLiquid)
#include "tst_golden_liquid.moc"
