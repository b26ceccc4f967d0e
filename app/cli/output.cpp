#include "output.h"

#include <QFileInfo>

#include <cstdio>

namespace folio::cli {

using namespace folio::site;

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool checkSourceDir(const QString &source)
{
    if (!QFileInfo(source).isDir()) {
        err() << source << ": error: not a folder; give the folder of a Jekyll site (the one with _config.yml)\n";
        return false;
    }
    return true;
}

model::BuildOptions buildOptions(const BuildArguments &args)
{
    model::BuildOptions options;
    if (args.drafts)
        options.showDrafts = true;
    options.future = args.future;
    const QString env = qEnvironmentVariable("JEKYLL_ENV");
    options.environment = args.development || env == QLatin1String("development")
                              ? model::Environment::Development
                              : model::Environment::Production;
    return options;
}

int printDiagnostics(DiagnosticSink &sink, int verbosity)
{
    int errors = 0;
    for (const Diagnostic &d : sink.take()) {
        if (d.severity == Severity::Error)
            ++errors;
        else if (verbosity == 0)
            continue;
        err() << d.format() << '\n';
    }
    err().flush();
    return errors;
}

} // namespace folio::cli
