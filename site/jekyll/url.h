// URL helpers of Jekyll's URL filters and `uri_escape`/`cgi_escape`, ported from
// the Ruby libraries Jekyll calls (Addressable::URI 2.8, CGI) so that Folio writes
// byte-identical links.
#pragma once

#include "site/core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace folio::site::jekyll {

// The pieces of a URI as RFC 3986's regular expression splits it (Addressable::URI.parse).
struct UriParts final {
    std::optional<std::string> scheme;
    std::optional<std::string> authority;
    std::string path;
    std::optional<std::string> query;
    std::optional<std::string> fragment;
};

UriParts splitUri(std::string_view uri);

// Addressable::URI.parse(uri).absolute?: true when the URI has a scheme.
bool isAbsoluteUri(std::string_view uri);

// Addressable::URI.parse(uri).normalize.to_s: lowercases scheme and host, drops a
// default port, percent-encodes what must be encoded (and decodes what need not
// be), NFKC-normalizes, removes dot segments. Fails like Addressable on an
// invalid scheme ("Invalid scheme format: 'a b'").
Result<std::string> normalizeUri(std::string_view uri);

// Addressable::URI.normalize_component(text): Jekyll's `uri_escape`. Reserved and
// unreserved characters stay, everything else is percent-encoded.
std::string normalizeComponent(std::string_view text);

// CGI.escape: `cgi_escape`. Space becomes '+', all but [A-Za-z0-9_.~-] become %XX.
std::string cgiEscape(std::string_view text);

// Jekyll's relative_url for a string (the caller resolves a `.url` first):
// absolute URIs unchanged, else baseurl (chomped of one "/") + input, each with
// a leading slash, normalized.
Result<std::string> relativeUrl(std::string_view input, std::string_view baseurl);

// Jekyll's absolute_url: unchanged when absolute, relative_url when the site has
// no url, else normalize(siteUrl + relative_url(input)).
Result<std::string> absoluteUrl(std::string_view input, std::string_view siteUrl,
                                std::string_view baseurl);

// Jekyll's strip_index: a trailing "/index.html" or "/index.htm" becomes "/".
// (Ruby's `$` also matches before a final newline, which this keeps.)
std::string stripIndex(std::string_view url);

} // namespace folio::site::jekyll
