#include "url.h"

#include <QRegularExpression>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cstdint>

namespace folio::site::jekyll {

namespace {

// Character sets of RFC 3986 as Addressable spells them (CharacterClasses).
constexpr std::string_view kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kUnreservedExtra = "-._~";
constexpr std::string_view kSubDelims = "!$&'()*+,;=";
constexpr std::string_view kGenDelims = ":/?#[]@";

// A byte table: true = the byte may appear unencoded.
using ByteSet = std::array<bool, 256>;

ByteSet makeSet(std::initializer_list<std::string_view> parts)
{
    ByteSet set{};
    for (std::string_view part : parts)
        for (char c : part)
            set[static_cast<unsigned char>(c)] = true;
    return set;
}

const ByteSet &unreservedSet()
{
    static const ByteSet s = makeSet({kAlnum, kUnreservedExtra});
    return s;
}
const ByteSet &pcharSet()
{
    static const ByteSet s = makeSet({kAlnum, kUnreservedExtra, kSubDelims, ":@"});
    return s;
}
const ByteSet &fragmentSet()
{
    static const ByteSet s = makeSet({kAlnum, kUnreservedExtra, kSubDelims, ":@/?"});
    return s;
}
const ByteSet &hostSet()
{
    static const ByteSet s = makeSet({kAlnum, kUnreservedExtra, kSubDelims, "[:]"});
    return s;
}
const ByteSet &schemeSet()
{
    static const ByteSet s = makeSet({kAlnum, "-+."});
    return s;
}
const ByteSet &reservedUnreservedSet()
{
    static const ByteSet s = makeSet({kAlnum, kUnreservedExtra, kSubDelims, kGenDelims});
    return s;
}
// NormalizeCharacterClasses::QUERY: no '&', ';', '#', '[', ']' (pairs were split
// on '&'), and '%' only as the start of a kept "%2B".
const ByteSet &querySet()
{
    static const ByteSet s = makeSet({kAlnum, kUnreservedExtra, "!$'()*+,=:@/?"});
    return s;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendPercent(std::string &out, unsigned char byte)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
}

// Addressable::URI.unencode: every %XX becomes its byte, except bytes listed in
// `leaveEncoded`, which keep their (original-case) escape.
std::string unencode(std::string_view text, std::string_view leaveEncoded)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                const char c = char(hi * 16 + lo);
                if (leaveEncoded.find(c) != std::string_view::npos) {
                    out.append(text.substr(i, 3));
                } else {
                    out += c;
                }
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool isValidUtf8(std::string_view s)
{
    const QByteArray bytes(s.data(), qsizetype(s.size()));
    const QString decoded = QString::fromUtf8(bytes);
    return decoded.toUtf8() == bytes;
}

// Addressable's normalize_component: unencode, NFKC, then encode every byte not
// in `allowed`. `keepPlusEscape` is the query's leave_encoded "+": "%2B" stays an
// escape (upper-cased) so that a literal '+' and an encoded one stay distinct.
bool isAscii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string normalizeWith(std::string_view component, const ByteSet &allowed, bool keepPlusEscape)
{
    std::string unencoded = unencode(component, keepPlusEscape ? "+" : "");
    const ByteSet *set = &allowed;
    if (isAscii(unencoded)) {
        // NFKC leaves ASCII alone; skip the round trip through QString (hot: every relative_url).
    } else if (isValidUtf8(unencoded)) {
        unencoded = QString::fromUtf8(unencoded.data(), qsizetype(unencoded.size()))
                        .normalized(QString::NormalizationForm_KC)
                        .toStdString();
    } else {
        // Ruby's unicode_normalize raises on invalid UTF-8; Addressable then
        // encodes with its default (reserved + unreserved) class.
        set = &reservedUnreservedSet();
        keepPlusEscape = false;
    }
    std::string out;
    out.reserve(unencoded.size() + 8);
    for (std::size_t i = 0; i < unencoded.size(); ++i) {
        const auto byte = static_cast<unsigned char>(unencoded[i]);
        if (keepPlusEscape && byte == '%' && i + 2 < unencoded.size() && unencoded[i + 1] == '2'
            && (unencoded[i + 2] == 'B' || unencoded[i + 2] == 'b')) {
            out += "%2B";
            i += 2;
            continue;
        }
        if ((*set)[byte])
            out += char(byte);
        else
            appendPercent(out, byte);
    }
    return out;
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

std::string_view trimAsciiSpace(std::string_view s)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '\0'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

int defaultPort(std::string_view scheme)
{
    if (scheme == "http") return 80;
    if (scheme == "https") return 443;
    if (scheme == "ftp") return 21;
    if (scheme == "tftp") return 69;
    if (scheme == "ssh") return 22;
    if (scheme == "svn+ssh") return 22;
    if (scheme == "telnet") return 23;
    if (scheme == "nntp") return 119;
    if (scheme == "gopher") return 70;
    if (scheme == "wais") return 210;
    if (scheme == "ldap") return 389;
    if (scheme == "prospero") return 1525;
    return -1;
}

std::string normalizeHost(std::string_view host)
{
    std::string_view trimmed = trimAsciiSpace(host);
    if (trimmed.empty())
        return {};
    std::string result = unencode(asciiLower(trimmed), "");
    if (!isAscii(result) && isValidUtf8(result)) {
        // Addressable::IDNA.to_ascii: punycode labels ("bücher" -> "xn--bcher-kva").
        const QByteArray ace = QUrl::toAce(QString::fromUtf8(result.data(), qsizetype(result.size())));
        if (!ace.isEmpty())
            result = ace.toStdString();
    }
    if (result.size() >= 2 && result.back() == '.' && result[result.size() - 2] != '.')
        result.pop_back();
    return normalizeWith(result, hostSet(), false);
}

// Addressable's split of an authority: userinfo before an '@' outside
// brackets, port after the last ':' not followed by ':', '@' or brackets.
struct AuthorityParts {
    std::optional<std::string> userinfo;
    std::string host;
    std::optional<std::string> port;   // absent when empty
};

AuthorityParts splitAuthority(std::string_view authority)
{
    AuthorityParts parts;
    std::string_view rest = authority;
    const std::size_t at = rest.find('@');
    if (at != std::string_view::npos && rest.substr(0, at).find_first_of("[]") == std::string_view::npos) {
        parts.userinfo = std::string(rest.substr(0, at));
        rest = rest.substr(at + 1);
    }
    const std::size_t colon = rest.rfind(':');
    if (colon != std::string_view::npos && rest.substr(colon + 1).find_first_of(":@[]") == std::string_view::npos) {
        if (colon + 1 < rest.size())
            parts.port = std::string(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
    }
    parts.host = std::string(rest);
    return parts;
}

std::string normalizeAuthority(std::string_view authority, const std::optional<std::string> &scheme)
{
    const AuthorityParts parts = splitAuthority(authority);
    std::string out;
    if (parts.userinfo) {
        const std::string_view userinfo = trimAsciiSpace(*parts.userinfo);
        const std::size_t colon = userinfo.find(':');
        out += normalizeWith(userinfo.substr(0, colon), unreservedSet(), false);
        if (colon != std::string_view::npos)
            out += ":" + normalizeWith(userinfo.substr(colon + 1), unreservedSet(), false);
        out += '@';
    }
    out += normalizeHost(parts.host);
    if (parts.port && !(scheme && std::to_string(defaultPort(*scheme)) == *parts.port))
        out += ":" + *parts.port;
    return out;
}

// URI.normalize_path: RFC 3986 section 5.2.4 dot-segment removal, as Addressable
// loops its four rewrite rules until none applies.
std::string removeDotSegments(std::string path)
{
    // Only paths with a "." segment start can change; most URLs have none.
    if (path.find("/.") == std::string::npos && (path.empty() || path.front() != '.'))
        return path;
    thread_local const QRegularExpression rule2a(QStringLiteral("/\\./|/\\.$"));
    thread_local const QRegularExpression rule2b2c(QStringLiteral("/([^/]*)/\\.\\./|/([^/]*)/\\.\\.$"));
    thread_local const QRegularExpression rule2d(QStringLiteral("^\\.\\.?/?"));
    thread_local const QRegularExpression rulePrefixed(QStringLiteral("^/\\.\\.?/|^(/\\.\\.?)+/?$"));
    QString p = QString::fromStdString(path);
    for (int guard = 0; guard < 10000; ++guard) {
        QString before = p;
        p.replace(rule2a, QStringLiteral("/"));
        if (p != before)
            continue;
        const QRegularExpressionMatch pair = rule2b2c.match(p);
        if (pair.hasMatch()) {
            const QString parent = pair.captured(1);
            const QString current = pair.captured(2);
            const bool parentIsDots = parent == u"." || parent == u"..";
            const bool currentIsDots = current == u"." || current == u"..";
            // Addressable compares the unmatched group (nil) too: nil is not a dot segment.
            const bool parentMatched = pair.capturedStart(1) >= 0;
            const bool currentMatched = pair.capturedStart(2) >= 0;
            if ((!parentMatched || !parentIsDots) || (!currentMatched || !currentIsDots)) {
                const QRegularExpression rule(QStringLiteral("/%1/\\.\\./|(/%2/\\.\\.$)")
                                                  .arg(QRegularExpression::escape(parent),
                                                       QRegularExpression::escape(current)));
                p.replace(rule, QStringLiteral("/"));
                if (p != before)
                    continue;
            }
        }
        p.replace(rule2d, QString());
        if (p != before)
            continue;
        p.replace(rulePrefixed, QStringLiteral("/"));
        if (p != before)
            continue;
        break;
    }
    return p.toStdString();
}

std::string normalizePath(std::string_view rawPath, const std::optional<std::string> &scheme)
{
    std::string path(rawPath);
    // A relative path whose first segment has a colon would read as a scheme.
    thread_local const QRegularExpression normpath(QStringLiteral("^(?!/)[^/:]*:.*$"));
    if (!scheme && !path.empty() && path.front() != '/' && path.find(':') != std::string::npos
        && normpath.match(QString::fromStdString(path)).hasMatch())
        path.replace(path.find(':'), 1, "%2F");
    std::string_view trimmed = trimAsciiSpace(path);
    std::string result;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = trimmed.find('/', start);
        result += normalizeWith(trimmed.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start),
                                pcharSet(), false);
        if (slash == std::string_view::npos)
            break;
        result += '/';
        start = slash + 1;
    }
    result = removeDotSegments(std::move(result));
    if (result.empty() && scheme && (*scheme == "http" || *scheme == "https" || *scheme == "ftp" || *scheme == "tftp"))
        result = "/";
    return result;
}

std::optional<std::string> normalizeQuery(std::string_view query)
{
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t amp = query.find('&', start);
        out += normalizeWith(query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start),
                             querySet(), true);
        if (amp == std::string_view::npos)
            break;
        out += '&';
        start = amp + 1;
    }
    if (out.empty())
        return std::nullopt;
    return out;
}

bool validScheme(std::string_view scheme)
{
    if (scheme.empty() || !((scheme[0] >= 'a' && scheme[0] <= 'z') || (scheme[0] >= 'A' && scheme[0] <= 'Z')))
        return false;
    for (char c : scheme)
        if (!schemeSet()[static_cast<unsigned char>(c)])
            return false;
    return true;
}

std::string ensureLeadingSlash(std::string_view s)
{
    if (s.empty() || s.front() == '/')
        return std::string(s);
    return "/" + std::string(s);
}

} // namespace

UriParts splitUri(std::string_view uri);

namespace {

// What Addressable::URI.parse refuses before Jekyll can ask `absolute?`: a
// malformed scheme, or a scheme-less path whose first segment holds a colon
// (its to_s, called while constructing, raises on that ambiguity).
Result<void> checkParsable(const UriParts &parts)
{
    if (parts.scheme && !validScheme(*parts.scheme))
        return makeError(QStringLiteral("Invalid scheme format: '%1'").arg(QString::fromStdString(*parts.scheme)));
    if (parts.authority) {
        const AuthorityParts a = splitAuthority(*parts.authority);
        if (a.port && !std::all_of(a.port->begin(), a.port->end(), [](char c) { return c >= '0' && c <= '9'; }))
            return makeError(QStringLiteral("Invalid port number: \"%1\"").arg(QString::fromStdString(*a.port)));
        if (a.host.find_first_of("<>{}/\\?#@\" \t\n\v\f\r") != std::string::npos)
            return makeError(QStringLiteral("Invalid character in host: '%1'").arg(QString::fromStdString(a.host)));
    }
    if (!parts.scheme && !parts.path.empty() && parts.path.front() != '/') {
        const std::size_t colon = parts.path.find(':');
        if (colon != std::string::npos && parts.path.find('/') > colon)
            return makeError(QStringLiteral("Cannot assemble URI string with ambiguous path: '%1'")
                                 .arg(QString::fromStdString(parts.path)));
    }
    return {};
}

} // namespace

UriParts splitUri(std::string_view uri)
{
    // ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$
    UriParts parts;
    std::string_view rest = uri;
    const std::size_t colon = rest.find_first_of(":/?#");
    if (colon != std::string_view::npos && colon > 0 && rest[colon] == ':') {
        parts.scheme = std::string(rest.substr(0, colon));
        rest.remove_prefix(colon + 1);
    }
    if (rest.substr(0, 2) == "//") {
        rest.remove_prefix(2);
        const std::size_t end = rest.find_first_of("/?#");
        parts.authority = std::string(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    const std::size_t pathEnd = rest.find_first_of("?#");
    parts.path = std::string(rest.substr(0, pathEnd));
    rest = pathEnd == std::string_view::npos ? std::string_view{} : rest.substr(pathEnd);
    if (!rest.empty() && rest.front() == '?') {
        rest.remove_prefix(1);
        const std::size_t hash = rest.find('#');
        parts.query = std::string(rest.substr(0, hash));
        rest = hash == std::string_view::npos ? std::string_view{} : rest.substr(hash);
    }
    if (!rest.empty() && rest.front() == '#')
        parts.fragment = std::string(rest.substr(1));
    return parts;
}

bool isAbsoluteUri(std::string_view uri)
{
    return splitUri(uri).scheme.has_value();
}

Result<std::string> normalizeUri(std::string_view uri)
{
    UriParts parts = splitUri(uri);
    if (Result<void> parsable = checkParsable(parts); !parsable)
        return Error{parsable.error()};
    std::optional<std::string> scheme;
    if (parts.scheme)
        scheme = asciiLower(trimAsciiSpace(*parts.scheme));
    std::string out;
    if (scheme)
        out += *scheme + ":";
    if (parts.authority)
        out += "//" + normalizeAuthority(*parts.authority, scheme);
    std::string path = normalizePath(parts.path, scheme);
    // Addressable's path= adds the slash a path needs after an authority.
    if (parts.authority && !path.empty() && path.front() != '/')
        path.insert(path.begin(), '/');
    out += path;
    if (parts.query)
        if (auto q = normalizeQuery(*parts.query))
            out += "?" + *q;
    if (parts.fragment) {
        std::string f = normalizeWith(*parts.fragment, fragmentSet(), false);
        if (!f.empty())
            out += "#" + f;
    }
    // The normalized URI is validated as it is built: removing dot segments can
    // leave "//x", which would read as an authority.
    if (!parts.authority && path.size() >= 2 && path[0] == '/' && path[1] == '/')
        return makeError(QStringLiteral("Cannot have a path with two leading slashes without an authority set: '%1'")
                             .arg(QString::fromStdString(out)));
    return out;
}

std::string normalizeComponent(std::string_view text)
{
    return normalizeWith(text, reservedUnreservedSet(), false);
}

std::string cgiEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ')
            out += '+';
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                 || c == '.' || c == '-' || c == '~')
            out += ch;
        else
            appendPercent(out, c);
    }
    return out;
}


Result<std::string> relativeUrl(std::string_view input, std::string_view baseurl)
{
    const UriParts parts = splitUri(input);
    if (Result<void> parsable = checkParsable(parts); !parsable)
        return Error{parsable.error()};
    if (parts.scheme)
        return std::string(input);
    std::string_view base = baseurl;
    if (!base.empty() && base.back() == '/')
        base.remove_suffix(1);
    return normalizeUri(ensureLeadingSlash(base) + ensureLeadingSlash(input));
}

Result<std::string> absoluteUrl(std::string_view input, std::string_view siteUrl, std::string_view baseurl)
{
    if (isAbsoluteUri(input))
        return relativeUrl(input, baseurl);   // unchanged, with the same validation
    Result<std::string> relative = relativeUrl(input, baseurl);
    if (!relative || siteUrl.empty())
        return relative;
    return normalizeUri(std::string(siteUrl) + *relative);
}

std::string stripIndex(std::string_view url)
{
    thread_local const QRegularExpression indexRe(QStringLiteral("/index\\.html?$"),
                                            QRegularExpression::MultilineOption);
    QString s = QString::fromUtf8(url.data(), qsizetype(url.size()));
    const QRegularExpressionMatch m = indexRe.match(s);
    if (!m.hasMatch())
        return std::string(url);
    s.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("/"));
    return s.toStdString();
}

} // namespace folio::site::jekyll
