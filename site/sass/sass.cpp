#include "sass.h"
#include "sasstr.h"

#include <sass/context.h>

#include <QDir>
#include <QFileInfo>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

namespace folio::site::sass {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Sass_Output_Style libsassStyle(Style style)
{
    switch (style) {
    case Style::Expanded: return SASS_STYLE_EXPANDED;
    case Style::Compressed: return SASS_STYLE_COMPRESSED;
    case Style::Nested: return SASS_STYLE_NESTED;
    case Style::Compact: return SASS_STYLE_COMPACT;
    }
    return SASS_STYLE_COMPACT;
}

// libsass takes ownership of the source (it frees it with free()).
char *copyForLibsass(std::string_view source)
{
    char *buffer = static_cast<char *>(std::malloc(source.size() + 1));
    std::memcpy(buffer, source.data(), source.size());
    buffer[source.size()] = '\0';
    return buffer;
}

struct DataContextDeleter final {
    void operator()(Sass_Data_Context *context) const { sass_delete_data_context(context); }
};

std::mutex &libsassMutex()
{
    static std::mutex mutex;
    return mutex;
}

void applyOptions(Sass_Options *native, const Options &options)
{
    sass_option_set_output_style(native, libsassStyle(options.style));
    sass_option_set_is_indented_syntax_src(native, options.indentedSyntax);
    if (options.precision > 0)
        sass_option_set_precision(native, options.precision);
    sass_option_set_source_comments(native, options.lineComments);
    // Relative @import resolves against the input file's folder first, then
    // the load paths, as with sassc (which passes Jekyll's filename).
    if (!options.inputPath.isEmpty())
        sass_option_set_input_path(native, options.inputPath.toUtf8().constData());
    if (!options.loadPaths.isEmpty())
        sass_option_set_include_path(native, options.loadPaths.join(QDir::listSeparator()).toUtf8().constData());
    if (!options.sourceMapFile.isEmpty()) {
        sass_option_set_source_map_file(native, options.sourceMapFile.toUtf8().constData());
        sass_option_set_source_map_contents(native, true);   // Jekyll: source_map_contents: true
        if (!options.outputPath.isEmpty())
            sass_option_set_output_path(native, options.outputPath.toUtf8().constData());
    }
}

QString errorMessage(Sass_Context *context, const Options &options)
{
    const char *file = sass_context_get_error_file(context);
    // error_text is the bare sentence; error_message adds "on line ..." and
    // a source excerpt, which the file:line:col prefix already gives.
    const char *message = sass_context_get_error_text(context);
    QString where = file && *file ? QString::fromUtf8(file) : options.inputPath;
    if (where.isEmpty() || where == u"stdin")
        where = options.inputPath.isEmpty() ? QStringLiteral("stdin") : options.inputPath;
    const auto line = sass_context_get_error_line(context);
    const auto column = sass_context_get_error_column(context);
    // libsass's message is a single sentence, e.g. "Invalid CSS after ...";
    // "File to import not found or unreadable: x." is the usual Jekyll trouble.
    QString text = QString::fromUtf8(message ? message : "Sass error").trimmed();
    if (text.startsWith(u"Error: "))
        text = text.mid(7);
    if (text.contains(u"File to import not found"))
        text = Tr::tr("%1 Put the partial (_name.scss) in the sass_dir (default _sass) or in a load_paths folder.").arg(text);
    return QStringLiteral("%1:%2:%3: %4").arg(where).arg(line).arg(column).arg(text);
}

} // namespace

namespace {

bool hasGlob(const QString &path)
{
    return path.contains(u'*') || path.contains(u'?') || path.contains(u'[');
}

// Dir.glob for a relative pattern inside `base`, one path component at a time.
QStringList expandGlob(const QString &base, const QString &pattern)
{
    QStringList current{QDir::cleanPath(base)};
    for (const QString &component : pattern.split(u'/', Qt::SkipEmptyParts)) {
        QStringList next;
        for (const QString &dir : std::as_const(current)) {
            if (!hasGlob(component)) {
                next << dir + u'/' + component;
                continue;
            }
            const QStringList names = QDir(dir).entryList({component}, QDir::AllEntries | QDir::NoDotAndDotDot,
                                                          QDir::Name);
            for (const QString &name : names)
                next << dir + u'/' + name;
        }
        current = next;
    }
    return current;
}

} // namespace

QStringList jekyllLoadPaths(const QString &siteSource, const QString &sassDir, const QStringList &userLoadPaths)
{
    QStringList patterns = userLoadPaths;
    patterns << (sassDir.isEmpty() ? QStringLiteral("_sass") : sassDir);
    QStringList out;
    for (const QString &pattern : std::as_const(patterns)) {
        const QStringList expanded = QDir::isAbsolutePath(pattern)
                                         ? (hasGlob(pattern) ? expandGlob(QStringLiteral("/"), pattern.mid(1))
                                                             : QStringList{pattern})
                                         : expandGlob(siteSource, pattern);
        for (const QString &path : expanded) {
            const QString clean = QDir::cleanPath(QDir(siteSource).absoluteFilePath(path));
            if (QFileInfo(clean).isDir() && !out.contains(clean))
                out << clean;
        }
    }
    return out;
}

bool jekyllWritesSourceMap(std::string_view sourcemapOption, std::string_view jekyllEnv)
{
    if (sourcemapOption.starts_with(':'))
        sourcemapOption.remove_prefix(1);
    if (sourcemapOption.empty() || sourcemapOption == "always")
        return true;
    if (sourcemapOption == "never")
        return false;
    if (sourcemapOption == "development")
        return jekyllEnv == "development";
    return true;   // any other value: Jekyll treats it like :always
}

Style styleFromName(std::string_view name)
{
    if (name.starts_with(':'))
        name.remove_prefix(1);
    if (name == "nested")
        return Style::Nested;
    if (name == "expanded")
        return Style::Expanded;
    if (name == "compressed")
        return Style::Compressed;
    return Style::Compact;
}

Result<Output> compileWithDetails(std::string_view source, const Options &options)
{
    Output output;
    // sassc returns an empty template unchanged, without calling libsass.
    if (source.empty())
        return output;

    std::lock_guard lock(libsassMutex());
    std::unique_ptr<Sass_Data_Context, DataContextDeleter> data(sass_make_data_context(copyForLibsass(source)));
    Sass_Context *context = sass_data_context_get_context(data.get());
    applyOptions(sass_context_get_options(context), options);

    if (sass_compile_data_context(data.get()) != 0)
        return makeError(errorMessage(context, options));

    const char *css = sass_context_get_output_string(context);
    output.css = css ? css : "";
    // libsass starts non-ASCII output with a BOM (compressed) and Jekyll
    // removes it (it would add @charset only with `add_charset: true`).
    if (std::string_view(output.css).starts_with(kBom))
        output.css.erase(0, kBom.size());
    if (const char *map = sass_context_get_source_map_string(context))
        output.sourceMap = map;
    if (char **files = sass_context_get_included_files(context)) {
        for (; *files; ++files)
            output.includedFiles << QString::fromUtf8(*files);
    }
    return output;
}

Result<std::string> compile(std::string_view source, const Options &options)
{
    Result<Output> out = compileWithDetails(source, options);
    if (!out)
        return Error{out.error()};
    return std::move(out->css);
}

} // namespace folio::site::sass
