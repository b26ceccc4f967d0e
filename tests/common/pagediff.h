// Comparing a page as Folio built it with the same page as Jekyll built it,
// word by word, where the only accepted difference is a formula: Folio keeps
// TeX intact for MathJax (\(…\), \[…\], $…$, $$…$$, environments) where
// kramdown eats backslashes. Shared by tests/site (the seed site) and
// tests/starter (Folio's starter site).
#pragma once

#include "site/htmltext.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace folio::tests {

inline const QString &mathToken()
{
    static const QString token = QStringLiteral("\u27e8math\u27e9");
    return token;
}

// Replaces each formula in Folio's text by one ⟨math⟩ token.
inline QString maskFolioMath(QString text)
{
    static const QRegularExpression math(QStringLiteral(
        R"(\\\((?:.|\n)*?\\\)|\\\[(?:.|\n)*?\\\]|\$\$(?:.|\n)*?\$\$|(?<![\\$])\$(?=\S)(?:[^$\n]|\n(?!\n))*?(?<=\S)\$(?!\d)|\\begin\{(\w+\*?)\}(?:.|\n)*?\\end\{\1\})"));
    text.replace(math, mathToken());
    return text;
}

// True when every difference between the word lists is a place where Folio
// shows a formula; otherwise the first other difference is described in
// *firstDifference.
inline bool sameButMath(const QStringList &jekyll, const QStringList &folio, QString *firstDifference)
{
    const qsizetype n = jekyll.size(), m = folio.size();
    // Longest common subsequence over words; pages are a few thousand words.
    std::vector<std::uint16_t> lcs(std::size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> std::uint16_t & { return lcs[std::size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = jekyll[i] == folio[j] ? std::uint16_t(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
    qsizetype i = 0, j = 0;
    QStringList jekyllHunk, folioHunk;
    auto flush = [&]() {
        if (jekyllHunk.isEmpty() && folioHunk.isEmpty())
            return true;
        const bool mathOnly = !folioHunk.isEmpty()
                              && std::all_of(folioHunk.begin(), folioHunk.end(), [](const QString &w) { return w.contains(mathToken()); });
        if (!mathOnly && firstDifference && firstDifference->isEmpty())
            *firstDifference = QStringLiteral("Jekyll: «%1»\n      Folio:  «%2»")
                                   .arg(jekyllHunk.join(QLatin1Char(' ')).left(300), folioHunk.join(QLatin1Char(' ')).left(300));
        jekyllHunk.clear();
        folioHunk.clear();
        return mathOnly;
    };
    bool same = true;
    while (i < n || j < m) {
        if (i < n && j < m && jekyll[i] == folio[j]) {
            same = flush() && same;
            ++i;
            ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            folioHunk << folio[j++];
        } else {
            jekyllHunk << jekyll[i++];
        }
    }
    return flush() && same;
}

// A `$` inside <code>/<pre> (shell variables, prices in code) is no formula:
// it is hidden from maskFolioMath as this private-use character.
inline QChar codeDollar() { return QChar(0xE024); }

inline QString protectCodeDollars(QString html)
{
    static const QRegularExpression code(QStringLiteral("<(pre|code)\\b[^>]*>.*?</\\1>"),
                                         QRegularExpression::DotMatchesEverythingOption
                                             | QRegularExpression::CaseInsensitiveOption);
    qsizetype from = 0;
    for (QRegularExpressionMatch m = code.match(html, from); m.hasMatch(); m = code.match(html, from)) {
        QString inner = m.captured(0);
        inner.replace(QLatin1Char('$'), codeDollar());
        html.replace(m.capturedStart(), m.capturedLength(), inner);
        from = m.capturedStart() + inner.size();
    }
    return html;
}

// Which output files are compared: pages, the feed and the sitemap.
inline bool isComparedOutput(const QString &path)
{
    return path.endsWith(QLatin1String(".html")) || path == QLatin1String("feed.xml")
           || path == QLatin1String("sitemap.xml");
}

// One output file as Jekyll and Folio wrote it, compared as a reader sees it:
// visible words (Folio's formulas masked) and the sorted href/src values.
// Feeds carry HTML in CDATA and are read as one HTML text, with build times
// masked. On a difference, *difference says where (first words, links).
inline bool samePage(const QString &path, QString jekyll, QString folio, QString *difference)
{
    if (!path.endsWith(QLatin1String(".html"))) {
        static const QRegularExpression buildTime(
            QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)"));
        for (QString *x : {&jekyll, &folio}) {
            x->replace(buildTime, QStringLiteral("<time>"));
            x->remove(QStringLiteral("<![CDATA[")).remove(QStringLiteral("]]>"));
        }
    }
    const PageView jv = viewOf(jekyll);
    PageView fv = viewOf(protectCodeDollars(folio));
    fv.words = maskFolioMath(fv.words.join(QLatin1Char(' '))).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &w : fv.words)
        w.replace(codeDollar(), QLatin1Char('$'));
    QString text;
    const bool sameText = sameButMath(jv.words, fv.words, &text);
    const bool sameLinks = jv.links == fv.links;
    if (sameText && sameLinks)
        return true;
    if (!sameLinks) {
        QStringList onlyJ, onlyF;
        for (const QString &l : jv.links)
            if (!fv.links.contains(l))
                onlyJ << l;
        for (const QString &l : fv.links)
            if (!jv.links.contains(l))
                onlyF << l;
        text += QStringLiteral("\n      links only in Jekyll: %1\n      links only in Folio: %2")
                    .arg(onlyJ.join(QLatin1Char(' ')), onlyF.join(QLatin1Char(' ')));
    }
    if (difference)
        *difference = text;
    return false;
}

} // namespace folio::tests
