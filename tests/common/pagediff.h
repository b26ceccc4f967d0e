// Comparing a page as Folio built it with the same page as Jekyll built it,
// word by word, where the only accepted difference is a formula: Folio keeps
// TeX intact for MathJax (\(…\), \[…\], $…$, $$…$$, environments) where
// kramdown eats backslashes. Shared by tests/site (the seed site) and
// tests/starter (Folio's starter site).
#pragma once

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

} // namespace folio::tests
