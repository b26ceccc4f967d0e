#include "htmlescape.h"

namespace folio::site {

void appendEscapedHtml(std::string &out, std::string_view text, Quotes quotes)
{
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"':
            if (quotes == Quotes::None)
                out += c;
            else
                out += "&quot;";
            break;
        case '\'':
            if (quotes == Quotes::HtmlSingle)
                out += "&#39;";
            else if (quotes == Quotes::XmlSingle)
                out += "&apos;";
            else
                out += c;
            break;
        default: out += c;
        }
    }
}

std::string escapeHtml(std::string_view text, Quotes quotes)
{
    std::string out;
    out.reserve(text.size() + 16);
    appendEscapedHtml(out, text, quotes);
    return out;
}

} // namespace folio::site
