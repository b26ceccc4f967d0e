// What Jekyll's filters and tags need from the site being built. The site model
// implements it; the Liquid Context carries a pointer to it in its registers
// (Jekyll keeps the Site in `registers[:site]`), see setHost()/host().
#pragma once

#include "site/core/result.h"
#include "site/liquid/value.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::liquid {
class Context;
}

namespace folio::site::jekyll {

// One post as `{% post_url %}` matches it (Jekyll::Tags::PostComparer).
struct PostRef final {
    std::string relativePath;   // "_posts/2010-07-21-name.md", "blog/_posts/x/2010-07-21-name.md"
    std::string basename;       // the post's name under _posts without extension, may hold
                                // subdirectories ("x/2010-07-21-name"); Document#basename
    std::string slug;           // data["slug"]
    int year = 0, month = 0, day = 0;   // the post's date in the site's zone
    std::string url;            // Document#url, before relative_url adds the baseurl
};

class Host
{
public:
    virtual ~Host() = default;

    // site.config["url"] and ["baseurl"] as strings ("" when nil).
    virtual std::string siteUrl() const = 0;
    virtual std::string baseurl() const = 0;
    // The `timezone` setting (IANA name), "" for the process's local zone.
    virtual std::string timezone() const = 0;

    // The site's Markdown converter on `text` (Jekyll's markdownify), its
    // SmartyPants converter (smartify), and its Sass/SCSS converter (sassify /
    // scssify; an error says file:line:col as libsass reports it).
    virtual std::string markdownify(std::string_view text) const = 0;
    virtual std::string smartify(std::string_view text) const = 0;
    virtual Result<std::string> sassify(std::string_view text, bool scss) const = 0;

    // `{% link path %}`: the URL (before relative_url) of the page, written
    // static file or written collection document whose relative_path is `path`
    // (static files also as "/" + path), scanned in Site#each_site_file order.
    virtual std::optional<std::string> linkTarget(std::string_view relativePath) const = 0;

    // The site's posts (site.posts.docs) in their order, for `{% post_url %}`.
    virtual std::vector<PostRef> posts() const = 0;

    // The `highlighter:` setting ("rouge" by default): `{% highlight %}` escapes
    // the code its own way for any value other than rouge or pygments.
    virtual std::string highlighter() const { return "rouge"; }

    // `{% include_relative %}`: the absolute directory of the document `page`
    // (the `page` variable: its path, with collections_dir for collection
    // documents, "/#excerpt" stripped). The site model's IncludeLoader uses it.
    virtual QString includeRelativeBase(const liquid::Value &page) const = 0;
};

// Registers key under which the Context carries the Host.
inline constexpr const char *kHostRegister = "site";

void setHost(liquid::Context &ctx, const Host *host);
const Host *host(const liquid::Context &ctx);

// `{% post_url name %}`'s lookup: exact path-date-slug match first, then Jekyll's
// deprecated date+slug match (sets *deprecated). The URL is the post's url, or an
// error with Jekyll's PostURLError text.
Result<std::string> findPostUrl(std::string_view name, const std::vector<PostRef> &posts,
                                bool *deprecated = nullptr);

} // namespace folio::site::jekyll
