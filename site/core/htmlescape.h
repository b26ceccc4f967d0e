// Escaping text for HTML and XML, in the variants the Ruby libraries Jekyll
// uses produce (so Folio's output matches theirs byte for byte).
#pragma once

#include <string>
#include <string_view>

namespace folio::site {

enum class Quotes {
    None,        // & < >             (Rouge, kramdown text)
    Double,      // & < > "           (String#encode(xml: :attr))
    HtmlSingle,  // & < > " '->&#39;  (CGI.escapeHTML, Liquid's escape)
    XmlSingle,   // & < > " '->&apos; (Jekyll's xml_escape)
};

void appendEscapedHtml(std::string &out, std::string_view text, Quotes quotes);
std::string escapeHtml(std::string_view text, Quotes quotes);

} // namespace folio::site
