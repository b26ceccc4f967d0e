// A message about the user's site, pointing at the file and line it is about.
// Every layer of the engine reports through this one type so that folio-cli
// prints `path:line:col: error: message` and the GUI can open the file at the line.
#pragma once

#include <QString>

#include <mutex>
#include <vector>

namespace folio::site {

enum class Severity { Warning, Error };

struct Diagnostic final {
    Severity severity = Severity::Error;
    QString file;      // path relative to the site root where possible
    int line = 0;      // 1-based; 0 = the whole file
    int column = 0;    // 1-based; 0 = unknown
    QString message;   // says what is wrong and what to do
    QString snippet;   // the offending source line, if known

    // `path:line:col: error: message`, the format compilers use, which editors
    // and CI log viewers turn into links.
    QString format() const;
};

// Collects diagnostics from many threads of one build.
class DiagnosticSink final
{
public:
    void report(Diagnostic d);
    void error(const QString &file, int line, int column, const QString &message,
               const QString &snippet = {});
    void warning(const QString &file, int line, int column, const QString &message,
                 const QString &snippet = {});

    std::vector<Diagnostic> take();
    std::vector<Diagnostic> snapshot() const;
    bool hasErrors() const;
    int errorCount() const;
    int warningCount() const;

private:
    mutable std::mutex m_mutex;
    std::vector<Diagnostic> m_items;
};

} // namespace folio::site
