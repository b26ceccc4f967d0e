// Prints how fast Folio highlights each sample of tests/highlight/samples,
// and how fast Rouge does in the same run (ruby, when installed): figures,
// not assertions. Usage: highlight_throughput [SECONDS_PER_SAMPLE]
#include "site/highlight/highlight.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>
#include <map>

namespace {

const QString kSamples = QStringLiteral(FOLIO_SOURCE_DIR "/tests/highlight/samples");

// Rouge's time per sample, from one Ruby process (the lexers load first).
std::map<QString, double> rougeSecondsPerRun(const QStringList &files, double budget)
{
    const QString ruby = QStandardPaths::findExecutable(QStringLiteral("ruby"));
    if (ruby.isEmpty())
        return {};
    const QString script = QStringLiteral(R"(
require "rouge"
budget = ARGV.shift.to_f
ARGV.each do |path|
  lexer = Rouge::Lexer.find(File.extname(path)[1..])
  code = File.read(path, encoding: "UTF-8")
  fmt = Rouge::Formatters::HTML.new
  fmt.format(lexer.lex(code))
  runs = 0
  start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  while (elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - start) < budget
    fmt.format(lexer.lex(code))
    runs += 1
  end
  puts "#{File.basename(path)} #{elapsed / runs}"
end
)");
    QProcess p;
    QStringList args{QStringLiteral("-e"), script, QString::number(budget)};
    for (const QString &f : files)
        args << kSamples + u'/' + f;
    p.start(ruby, args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        return {};
    std::map<QString, double> out;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2)
            out[QString::fromUtf8(parts[0])] = parts[1].toDouble();
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double budget = argc > 1 ? std::atof(argv[1]) : 0.3;
    QStringList files;
    for (const QString &f : QDir(kSamples).entryList(QDir::Files, QDir::Name))
        if (!f.endsWith(QLatin1String(".html")))
            files << f;
    const std::map<QString, double> rouge = rougeSecondsPerRun(files, budget);
    std::printf("%-22s %8s %12s %12s %8s\n", "sample", "KB", "folio MB/s", "rouge MB/s", "ratio");
    for (const QString &f : files) {
        QFile file(kSamples + u'/' + f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        const std::string code(bytes.constData(), size_t(bytes.size()));
        const std::string lang = f.section(u'.', -1).toStdString();
        if (!folio::site::highlight::highlightHtml(lang, code)) // also builds the lexer, outside the timing
            continue;
        QElapsedTimer timer;
        timer.start();
        long runs = 0;
        while (timer.nsecsElapsed() < qint64(budget * 1e9)) {
            folio::site::highlight::highlightHtml(lang, code);
            ++runs;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9 / double(runs);
        const double mb = double(code.size()) / 1e6;
        const auto r = rouge.find(f);
        if (r != rouge.end())
            std::printf("%-22s %8.1f %12.1f %12.2f %8.0fx\n", qPrintable(f), double(code.size()) / 1e3, mb / seconds,
                        mb / r->second, r->second / seconds);
        else
            std::printf("%-22s %8.1f %12.1f %12s %8s\n", qPrintable(f), double(code.size()) / 1e3, mb / seconds, "-", "-");
    }
    return 0;
}
