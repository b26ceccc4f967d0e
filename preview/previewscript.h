// The script Folio adds to every preview page (window.__folio): patches the
// body in place from a newly rendered page, re-typesets the changed math with
// whichever MathJax the page loaded (2 or 3), and scrolls to a source line.
#pragma once

#include <QString>

namespace folio::preview {

// Messages the script sends back through console.debug start with this.
inline constexpr const char *kMessagePrefix = "\x01" "folio:";

QString previewScript();

} // namespace folio::preview
