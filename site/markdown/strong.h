// kramdown's `**strong**` where cmark-gfm's flanking rules refuse it.
//
// kramdown opens `**` when no whitespace follows and closes at the next `**`
// with no whitespace before it (emphasis.rb); CommonMark also asks a delimiter
// next to punctuation to have whitespace or punctuation on its other side, so
// `使用**二元交叉熵（BCE）**计算`, `这是**（粗体）**文字` and `x**(y)**` stay
// literal asterisks in cmark and are bold in kramdown. Such pairs are written
// as inline <strong> tags before cmark sees the text; pairs cmark accepts are
// left to it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::site::markdown::detail {

// `text` with those pairs (on one line, outside code) replaced; `code` is
// codeMask(text).
std::string strongWhereCmarkRefuses(std::string_view text, const std::vector<char> &code);

} // namespace folio::site::markdown::detail
