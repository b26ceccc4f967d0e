#include "diagnostic.h"

#include <algorithm>

namespace folio::site {

QString Diagnostic::format() const
{
    QString out = file.isEmpty() ? QStringLiteral("<site>") : file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    out += severity == Severity::Error ? QStringLiteral(": error: ") : QStringLiteral(": warning: ");
    out += message;
    if (!snippet.isEmpty()) {
        out += QLatin1String("\n    ") + snippet;
        if (column > 0)
            out += QLatin1String("\n    ") + QString(column - 1, QLatin1Char(' ')) + QLatin1Char('^');
    }
    return out;
}

void DiagnosticSink::report(Diagnostic d)
{
    std::lock_guard lock(m_mutex);
    m_items.push_back(std::move(d));
}

void DiagnosticSink::error(const QString &file, int line, int column, const QString &message,
                           const QString &snippet)
{
    report({Severity::Error, file, line, column, message, snippet});
}

void DiagnosticSink::warning(const QString &file, int line, int column, const QString &message,
                             const QString &snippet)
{
    report({Severity::Warning, file, line, column, message, snippet});
}

std::vector<Diagnostic> DiagnosticSink::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_items, {});
}

std::vector<Diagnostic> DiagnosticSink::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_items;
}

bool DiagnosticSink::hasErrors() const { return errorCount() > 0; }

int DiagnosticSink::errorCount() const
{
    std::lock_guard lock(m_mutex);
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const Diagnostic &d) { return d.severity == Severity::Error; }));
}

int DiagnosticSink::warningCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_items.size()) - int(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic &d) {
               return d.severity == Severity::Error;
           }));
}

} // namespace folio::site
