// Applying a fix's edits, and the unified diff that shows a fix first.
//
// The diff is written here because neither Qt nor a Debian library made for
// C++ programs offers a line diff as a function (diffutils is a program;
// libgit2 would be a new dependency for forty lines). Fixes change a few
// lines of a small file: the common head and tail are cut off, and the rest
// is compared by a longest-common-subsequence table, which is small then.
#include "checks.h"
#include "publicationstr.h"

#include <algorithm>

namespace folio::site::publications {

namespace {

struct Line final {
    std::string_view text;   // without its line end
    bool newline = true;     // ended by '\n' (the last line may not be)
};

std::vector<Line> linesOf(std::string_view text)
{
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) {
            lines.push_back({text.substr(pos), false});
            break;
        }
        lines.push_back({text.substr(pos, nl - pos), true});
        pos = nl + 1;
    }
    return lines;
}

bool same(const Line &a, const Line &b) { return a.text == b.text && a.newline == b.newline; }

enum class Op { Keep, Remove, Add };

struct Step final {
    Op op;
    std::size_t a, b;   // line indexes in before/after
};

// The edit script between a[lo, ahi) and b[lo, bhi): an LCS table when it is
// small, else all of a's lines removed and b's added (still a correct diff).
// Removals come before additions, as diff -u shows a replaced line.
void middleSteps(const std::vector<Line> &a, const std::vector<Line> &b, std::size_t lo, std::size_t ahi,
                 std::size_t bhi, std::size_t blo, std::vector<Step> &steps)
{
    const std::size_t n = ahi - lo, m = bhi - blo;
    constexpr std::size_t kTableLimit = 4'000'000;
    if (n * m > kTableLimit) {
        for (std::size_t i = 0; i < n; ++i)
            steps.push_back({Op::Remove, lo + i, blo});
        for (std::size_t j = 0; j < m; ++j)
            steps.push_back({Op::Add, ahi, blo + j});
        return;
    }
    std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & { return table[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            at(i, j) = same(a[lo + i], b[blo + j]) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(a[lo + i], b[blo + j])) {
            steps.push_back({Op::Keep, lo + i, blo + j});
            ++i, ++j;
        } else if (j < m && (i == n || at(i, j + 1) > at(i + 1, j))) {
            steps.push_back({Op::Add, lo + i, blo + j});
            ++j;
        } else {
            steps.push_back({Op::Remove, lo + i, blo + j});
            ++i;
        }
    }
}

void appendLine(std::string &out, char mark, const Line &line)
{
    out += mark;
    out.append(line.text);
    out += '\n';
    if (!line.newline)
        out += "\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count)
{
    // diff -u: "start,count", the start of an empty range is the line before it.
    const std::size_t first = count == 0 ? start : start + 1;
    return count == 1 ? std::to_string(first) : std::to_string(first) + "," + std::to_string(count);
}

} // namespace

Result<std::string> applyFix(std::string_view text, const Fix &fix)
{
    std::size_t previousEnd = 0;
    for (const yaml::TextEdit &edit : fix.edits) {
        if (edit.begin > edit.end || edit.end > text.size())
            return makeError(Tr::tr("the fix does not fit the file any more (it changed since it was checked); "
                                    "check it again"));
        if (edit.begin < previousEnd)
            return makeError(Tr::tr("the fix's edits overlap; check the file again"));
        previousEnd = edit.end;
    }
    std::string out;
    out.reserve(text.size() + 256);
    std::size_t pos = 0;
    for (const yaml::TextEdit &edit : fix.edits) {
        out.append(text.substr(pos, edit.begin - pos));
        out += edit.replacement;
        pos = edit.end;
    }
    out.append(text.substr(pos));
    return out;
}

std::string diff(std::string_view before, std::string_view after, QString file)
{
    if (before == after)
        return {};
    const std::vector<Line> a = linesOf(before), b = linesOf(after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && same(a[head], b[head]))
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && same(a[a.size() - 1 - tail], b[b.size() - 1 - tail]))
        ++tail;

    std::vector<Step> steps;
    for (std::size_t i = 0; i < head; ++i)
        steps.push_back({Op::Keep, i, i});
    middleSteps(a, b, head, a.size() - tail, b.size() - tail, head, steps);
    for (std::size_t k = 0; k < tail; ++k)
        steps.push_back({Op::Keep, a.size() - tail + k, b.size() - tail + k});

    // Hunks: changes with 3 lines of context, joined when their contexts meet.
    constexpr std::size_t kContext = 3;
    const std::string name = file.toStdString();
    std::string out = "--- a/" + name + "\n+++ b/" + name + "\n";
    std::size_t s = 0;
    while (s < steps.size()) {
        while (s < steps.size() && steps[s].op == Op::Keep)
            ++s;
        if (s == steps.size())
            break;
        std::size_t begin = s >= kContext ? s - kContext : 0;
        std::size_t end = s;   // past the last change of the hunk
        std::size_t keeps = 0;
        for (std::size_t k = s; k < steps.size(); ++k) {
            if (steps[k].op == Op::Keep) {
                if (++keeps > 2 * kContext)
                    break;
            } else {
                keeps = 0;
                end = k + 1;
            }
        }
        const std::size_t stop = std::min(steps.size(), end + kContext);
        std::size_t aStart = steps[begin].a, bStart = steps[begin].b, aCount = 0, bCount = 0;
        std::string body;
        for (std::size_t k = begin; k < stop; ++k) {
            const Step &step = steps[k];
            if (step.op == Op::Keep) {
                appendLine(body, ' ', a[step.a]);
                ++aCount, ++bCount;
            } else if (step.op == Op::Remove) {
                appendLine(body, '-', a[step.a]);
                ++aCount;
            } else {
                appendLine(body, '+', b[step.b]);
                ++bCount;
            }
        }
        out += "@@ -" + range(aStart, aCount) + " +" + range(bStart, bCount) + " @@\n" + body;
        s = stop;
    }
    return out;
}

} // namespace folio::site::publications
