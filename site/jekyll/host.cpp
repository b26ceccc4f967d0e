#include "host.h"

#include "site/liquid/liquid.h"

#include <QDate>
#include <QRegularExpression>

namespace folio::site::jekyll {

void setHost(liquid::Context &ctx, const Host *host)
{
    ctx.registers()[kHostRegister] = host;
}

const Host *host(const liquid::Context &ctx)
{
    return ctx.registerAs<const Host>(kHostRegister);
}

namespace {

// Jekyll::Tags::PostComparer: name split into (dir/)(date)-(slug).
struct PostName final {
    QString path;   // "" or "dir/" (Ruby keeps the last repetition of (.+/)*, which is all of it)
    QString date;
    QString slug;
};

std::optional<PostName> splitPostName(QString name)
{
    thread_local const QRegularExpression matcher(QStringLiteral("^((?:.+/)*)(\\d+-\\d+-\\d+)-(.*)$"));
    if (name.startsWith(u'/'))
        name.remove(0, 1);
    const QRegularExpressionMatch m = matcher.match(name);
    if (!m.hasMatch())
        return std::nullopt;
    return PostName{m.captured(1), m.captured(2), m.captured(3)};
}

QString postSlug(const PostRef &post)
{
    const QString base = QString::fromStdString(post.basename);
    const qsizetype slash = base.lastIndexOf(u'/');
    const QString slug = QString::fromStdString(post.slug);
    return slash < 0 ? slug : base.left(slash) + u'/' + slug;
}

} // namespace

Result<std::string> findPostUrl(std::string_view name, const std::vector<PostRef> &posts, bool *deprecated)
{
    if (deprecated)
        *deprecated = false;
    const QString original = QString::fromUtf8(name.data(), qsizetype(name.size())).trimmed();
    const std::optional<PostName> parsed = splitPostName(original);
    if (!parsed)
        return makeError(QStringLiteral("Could not parse name of post \"%1\" in tag 'post_url'.\n"
                                        " Make sure the post exists and the name is correct.\n"
                                        " Jekyll::Errors::InvalidPostNameError: '%1' does not contain valid date and/or title.")
                             .arg(original));
    // The path goes into the pattern unescaped, as in Jekyll; the slug is escaped.
    const QString basename = parsed->date + u'-' + QRegularExpression::escape(parsed->slug) + QStringLiteral("\\.[^.]+");
    const QRegularExpression nameRe(QStringLiteral("^_posts/%1%2|^%1_posts/?%2").arg(parsed->path, basename));
    for (const PostRef &post : posts)
        if (nameRe.match(QString::fromStdString(post.relativePath)).hasMatch())
            return post.url;

    const QStringList parts = parsed->date.split(u'-');
    const QDate date(parts[0].toInt(), parts[1].toInt(), parts[2].toInt());
    if (!date.isValid())
        return makeError(QStringLiteral("'%1' does not contain valid date and/or title.").arg(parsed->date));
    for (const PostRef &post : posts) {
        if (parsed->slug == postSlug(post) && date.year() == post.year && date.month() == post.month
            && date.day() == post.day) {
            if (deprecated)
                *deprecated = true;
            return post.url;
        }
    }
    return makeError(QStringLiteral("Could not find post \"%1\" in tag 'post_url'.\n"
                                    "Make sure the post exists and the name is correct.")
                         .arg(original));
}

} // namespace folio::site::jekyll
