// Which of an item's names are the site owner's. Written by hand because it is
// a judgment no library makes: "Y. Chen", "Chen, Yineng" and "Yineng Chen" are
// one person, "Chen, Z." is another. Names are compared as data (family plus
// given name or initials) on the CSL-JSON item, before citeproc-js formats
// it, so the answer does not depend on what form a style prints.
#include "site/csl/csl.h"
#include "site/csl/styles_p.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace folio::site::csl {

namespace {

struct PersonName final {
    QString family;         // folded
    QStringList givenParts; // folded, one per given name or initial
};

// Case and accents do not tell two people apart here: "Garcia" is how many
// people type "García".
QString fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c.toCaseFolded());
    }
    return folded.simplified();
}

QStringList givenParts(const QString &given)
{
    static const QRegularExpression separators(QStringLiteral("[\\s.\\-\u2010\u2011]+"));
    return fold(given).split(separators, Qt::SkipEmptyParts);
}

// "Chen, Yineng", "Yineng Chen", "Y. Chen".
PersonName parseWrittenName(const QString &written)
{
    const QString name = written.simplified();
    const int comma = name.indexOf(QLatin1Char(','));
    if (comma >= 0)
        return {fold(name.left(comma)), givenParts(name.mid(comma + 1))};
    const int space = name.lastIndexOf(QLatin1Char(' '));
    if (space < 0)
        return {fold(name), {}};
    return {fold(name.mid(space + 1)), givenParts(name.left(space))};
}

PersonName fromCslName(const QJsonObject &name)
{
    const QString literal = name.value(QLatin1String("literal")).toString();
    if (!literal.isEmpty() && !name.contains(QLatin1String("family")))
        return parseWrittenName(literal);
    QString family = name.value(QLatin1String("family")).toString();
    // "van Beethoven" or family "Beethoven" with a particle: the same family.
    family = family.section(QLatin1Char(' '), -1);
    return {fold(family), givenParts(name.value(QLatin1String("given")).toString())};
}

bool isInitial(const QString &part) { return part.size() == 1; }

// "Yineng" matches "Yineng", "Y." and "Y. Z."; "Yi-Neng" matches "Yineng";
// "Zhao" matches neither "Yineng" nor "Y.". Where both sides spell a part out,
// the parts must be equal; an initial matches a part it begins.
bool compatibleGiven(const QStringList &a, const QStringList &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty();   // a written name without given name means any
    const bool allFullA = std::none_of(a.begin(), a.end(), isInitial);
    const bool allFullB = std::none_of(b.begin(), b.end(), isInitial);
    if (allFullA && allFullB)
        return a.join(QString()) == b.join(QString());
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype n = 0; n < common; ++n) {
        const QString &x = a.at(n);
        const QString &y = b.at(n);
        if (isInitial(x) || isInitial(y)) {
            if (x.at(0) != y.at(0))
                return false;
        } else if (x != y) {
            return false;
        }
    }
    return true;
}

bool isNameList(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    const QJsonArray list = value.toArray();
    return !list.isEmpty() && list.first().isObject()
        && (list.first().toObject().contains(QLatin1String("family"))
            || list.first().toObject().contains(QLatin1String("literal")));
}

} // namespace

bool matchesName(const QJsonObject &cslName, const QString &writtenName)
{
    const PersonName person = fromCslName(cslName);
    const PersonName wanted = parseWrittenName(writtenName);
    if (person.family.isEmpty() || person.family != wanted.family)
        return false;
    return compatibleGiven(wanted.givenParts, person.givenParts);
}

QJsonObject markBoldNames(const QJsonObject &item, const QStringList &boldNames)
{
    if (boldNames.isEmpty())
        return item;
    QJsonObject marked = item;
    for (auto field = marked.begin(); field != marked.end(); ++field) {
        if (!isNameList(field.value()))
            continue;
        QJsonArray names = field.value().toArray();
        for (auto entry = names.begin(); entry != names.end(); ++entry) {
            QJsonObject name = entry->toObject();
            const bool owner = std::any_of(boldNames.begin(), boldNames.end(), [&](const QString &w) {
                return !w.trimmed().isEmpty() && matchesName(name, w);
            });
            if (owner) {
                name.insert(QLatin1String("folio-bold"), true);
                *entry = name;
            }
        }
        field.value() = names;
    }
    return marked;
}

} // namespace folio::site::csl
