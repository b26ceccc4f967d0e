// What a reader sees of an HTML page, for comparing Folio's output with
// Jekyll's: the visible text (no script/style/comments, entities decoded,
// whitespace collapsed) and the sorted list of href/src values.
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace folio::tests {

struct PageView final {
    QStringList words;   // visible text split on whitespace
    QStringList links;   // href and src values, sorted
};

inline QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);"));
    static const QHash<QString, QString> named{
        {QStringLiteral("amp"), QStringLiteral("&")},    {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},     {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},   {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("copy"), QStringLiteral("©")},   {QStringLiteral("larr"), QStringLiteral("←")},
        {QStringLiteral("rarr"), QStringLiteral("→")},   {QStringLiteral("mdash"), QStringLiteral("—")},
        {QStringLiteral("ndash"), QStringLiteral("–")},  {QStringLiteral("hellip"), QStringLiteral("…")},
        {QStringLiteral("middot"), QStringLiteral("·")}, {QStringLiteral("raquo"), QStringLiteral("»")},
        {QStringLiteral("laquo"), QStringLiteral("«")}};
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name.startsWith(QLatin1String("#x")))
            out += QString::fromUcs4(std::array<char32_t, 1>{char32_t(name.mid(2).toUInt(nullptr, 16))}.data(), 1);
        else if (name.startsWith(QLatin1Char('#')))
            out += QString::fromUcs4(std::array<char32_t, 1>{char32_t(name.mid(1).toUInt())}.data(), 1);
        else
            out += named.value(name, m.captured(0));
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

inline PageView viewOf(const QString &html)
{
    PageView view;
    QString text;
    static const QRegularExpression attr(QStringLiteral("\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"),
                                         QRegularExpression::CaseInsensitiveOption);
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        if (html[i] != QLatin1Char('<')) {
            const qsizetype next = html.indexOf(QLatin1Char('<'), i);
            const qsizetype end = next < 0 ? n : next;
            text += html.mid(i, end - i);
            i = end;
            continue;
        }
        if (html.mid(i, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        const qsizetype close = html.indexOf(QLatin1Char('>'), i);
        if (close < 0)
            break;
        const QString tag = html.mid(i, close - i + 1);
        for (auto it = attr.globalMatch(tag); it.hasNext();) {
            const auto m = it.next();
            const QString value = !m.captured(1).isNull() ? m.captured(1) : !m.captured(2).isNull() ? m.captured(2) : m.captured(3);
            view.links << decodeEntities(value);
        }
        const QString lower = tag.left(8).toLower();
        i = close + 1;
        for (const char *raw : {"script", "style"}) {
            if (lower.startsWith(QLatin1Char('<') + QLatin1String(raw))) {
                const qsizetype end = html.indexOf(QLatin1String("</") + QLatin1String(raw), i, Qt::CaseInsensitive);
                i = end < 0 ? n : html.indexOf(QLatin1Char('>'), end) + 1;
            }
        }
        // Spans (Rouge's tokens in code blocks) do not separate what a reader
        // sees: "<span>a</span><span>=</span>" reads "a=". Other tags do.
        static const QRegularExpression span(QStringLiteral("^</?span[\\s>/]"), QRegularExpression::CaseInsensitiveOption);
        if (!span.match(tag).hasMatch())
            text += QLatin1Char(' ');
    }
    view.words = decodeEntities(text).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    view.links.sort();
    return view;
}

} // namespace folio::tests
