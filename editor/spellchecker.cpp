#include "spellchecker.h"

#include "highlighter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTextBlock>

#include <hunspell.hxx>

namespace folio::editor {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c.category() == QChar::Mark_NonSpacing;
}

bool isApostrophe(QChar c) { return c == QLatin1Char('\'') || c == QChar(0x2019); }

// Identifiers, numbers, acronyms and camelCase are not words a dictionary
// knows; flagging them would bury the real mistakes.
bool worthChecking(const QString &word)
{
    if (word.size() < 2)
        return false;
    bool upper = true, inner = false;
    for (int i = 0; i < word.size(); ++i) {
        const QChar c = word[i];
        if (c.isDigit() || c == QLatin1Char('_'))
            return false;
        if (c.isLower())
            upper = false;
        if (i > 0 && c.isUpper() && word[i - 1].isLower())
            inner = true;
    }
    return !upper && !inner;
}

} // namespace

SpellChecker::SpellChecker(QObject *parent) : QObject(parent) {}

SpellChecker::~SpellChecker() = default;

QStringList SpellChecker::dictionaryDirectories()
{
    QStringList dirs;
    const QString extra = qEnvironmentVariable("FOLIO_HUNSPELL_PATH");
    if (!extra.isEmpty())
        dirs += extra.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (qEnvironmentVariableIsSet("FOLIO_HUNSPELL_ONLY"))
        return dirs; // tests: no system dictionary
    dirs << QStringLiteral("/usr/share/hunspell") << QStringLiteral("/usr/share/myspell/dicts")
         << QStringLiteral("/usr/share/myspell");
    return dirs;
}

QStringList SpellChecker::installedDictionaries()
{
    QStringList names;
    for (const QString &dir : dictionaryDirectories())
        for (const QFileInfo &aff : QDir(dir).entryInfoList({QStringLiteral("*.aff")}, QDir::Files | QDir::Readable)) {
            const QString name = aff.completeBaseName();
            if (!names.contains(name) && QFileInfo::exists(aff.absolutePath() + QLatin1Char('/') + name + QStringLiteral(".dic")))
                names << name;
        }
    return names;
}

QString SpellChecker::resolveLanguage(const QString &siteLanguage, const QStringList &installed)
{
    QString wanted = siteLanguage.trimmed();
    wanted.replace(QLatin1Char('-'), QLatin1Char('_'));
    wanted = wanted.section(QLatin1Char('.'), 0, 0); // "en_US.UTF-8"
    if (wanted.isEmpty())
        return {};
    const QString lang = wanted.section(QLatin1Char('_'), 0, 0).toLower();
    const QString region = wanted.section(QLatin1Char('_'), 1, 1).toUpper();
    const QString exact = region.isEmpty() ? lang : lang + QLatin1Char('_') + region;
    if (installed.contains(exact))
        return exact;
    // "de" → de_DE first, then any de_*.
    const QString same = lang + QLatin1Char('_') + lang.toUpper();
    if (installed.contains(same))
        return same;
    for (const QString &name : installed)
        if (name.section(QLatin1Char('_'), 0, 0).toLower() == lang)
            return name;
    return {};
}

QString SpellChecker::personalDictionaryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/personal-words.txt");
}

bool SpellChecker::setLanguage(const QString &siteLanguage)
{
    const QStringList installed = installedDictionaries();
    QString name = resolveLanguage(siteLanguage, installed);
    if (name.isEmpty())
        name = resolveLanguage(QLocale::system().name(), installed);
    if (name.isEmpty())
        name = resolveLanguage(QStringLiteral("en_US"), installed);
    if (name == m_language && (m_hunspell || name.isEmpty()))
        return isAvailable();
    m_hunspell.reset();
    m_language.clear();
    m_cache.clear();
    if (!name.isEmpty()) {
        for (const QString &dir : dictionaryDirectories()) {
            const QString base = dir + QLatin1Char('/') + name;
            if (!QFileInfo::exists(base + QStringLiteral(".aff")) || !QFileInfo::exists(base + QStringLiteral(".dic")))
                continue;
            m_hunspell = std::make_unique<Hunspell>(QFile::encodeName(base + QStringLiteral(".aff")).constData(),
                                                    QFile::encodeName(base + QStringLiteral(".dic")).constData());
            const QString encoding = QString::fromStdString(m_hunspell->get_dict_encoding()).toUpper();
            m_utf8 = encoding == QLatin1String("UTF-8") || encoding == QLatin1String("UTF8");
            m_language = name;
            loadPersonalWords();
            break;
        }
    }
    Q_EMIT dictionaryChanged();
    return isAvailable();
}

void SpellChecker::loadPersonalWords()
{
    QFile file(personalDictionaryPath());
    if (!file.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString word = QString::fromUtf8(line).trimmed();
        if (!word.isEmpty())
            m_hunspell->add(encode(word));
    }
}

std::string SpellChecker::encode(const QString &word) const
{
    if (m_utf8)
        return word.toStdString();
    QStringEncoder encoder(QString::fromStdString(m_hunspell->get_dict_encoding()).toLatin1().constData());
    const QByteArray bytes = encoder.isValid() ? QByteArray(encoder(word)) : word.toLatin1();
    return bytes.toStdString();
}

QString SpellChecker::decode(const std::string &word) const
{
    if (m_utf8)
        return QString::fromStdString(word);
    QStringDecoder decoder(QString::fromStdString(m_hunspell->get_dict_encoding()).toLatin1().constData());
    const QByteArray bytes = QByteArray::fromStdString(word);
    return decoder.isValid() ? QString(decoder(bytes)) : QString::fromLatin1(bytes);
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (!m_hunspell)
        return true;
    const auto it = m_cache.constFind(word);
    if (it != m_cache.constEnd())
        return *it;
    QString normalized = word;
    normalized.replace(QChar(0x2019), QLatin1Char('\''));
    const bool ok = m_hunspell->spell(encode(normalized));
    m_cache.insert(word, ok);
    return ok;
}

QStringList SpellChecker::suggestions(const QString &word) const
{
    QStringList out;
    if (!m_hunspell)
        return out;
    for (const std::string &s : m_hunspell->suggest(encode(word)))
        out << decode(s);
    return out;
}

void SpellChecker::addToPersonalDictionary(const QString &word)
{
    const QString path = personalDictionaryPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QByteArray words;
    if (QFile existing(path); existing.open(QIODevice::ReadOnly))
        words = existing.readAll();
    if (!words.isEmpty() && !words.endsWith('\n'))
        words += '\n';
    words += word.toUtf8() + '\n';
    // Atomic, like every file Folio writes: a crash never truncates the list.
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly) && out.write(words) == words.size())
        out.commit();
    if (m_hunspell)
        m_hunspell->add(encode(word));
    m_cache.insert(word, true);
    Q_EMIT dictionaryChanged();
}

QList<SpellChecker::Word> SpellChecker::proseWords(const QTextBlock &block)
{
    QList<Word> words;
    if (Highlighter::wholeBlockSkipped(block))
        return words;
    const QString text = block.text();
    QList<Highlighter::Range> skips = Highlighter::nonProse(block);
    std::vector<bool> skipped(size_t(text.size()), false);
    for (const auto &r : skips)
        for (int i = qMax(0, r.start); i < qMin(int(text.size()), r.start + r.length); ++i)
            skipped[size_t(i)] = true;
    int i = 0;
    while (i < text.size()) {
        if (!isWordChar(text[i]) || skipped[size_t(i)]) {
            ++i;
            continue;
        }
        int end = i;
        bool hitSkip = false;
        while (end < text.size()) {
            if (skipped[size_t(end)]) {
                hitSkip = true;
                break;
            }
            if (isWordChar(text[end])) {
                ++end;
                continue;
            }
            // An apostrophe inside a word (don't, l’homme) belongs to it.
            if (isApostrophe(text[end]) && end + 1 < text.size() && text[end + 1].isLetter() && !skipped[size_t(end + 1)]) {
                ++end;
                continue;
            }
            break;
        }
        // A word glued to a skipped run or to a TeX command, file name or
        // handle (\alpha, x.md, @name, #tag) is not prose.
        const QChar before = i > 0 ? text[i - 1] : QChar();
        const QChar after = end < text.size() ? text[end] : QChar();
        const bool glued = hitSkip || (i > 0 && skipped[size_t(i - 1)]) || before == QLatin1Char('\\')
                           || before == QLatin1Char('@') || before == QLatin1Char('#') || before == QLatin1Char('/')
                           || after == QLatin1Char('/')
                           || (before == QLatin1Char('.') && i > 1 && text[i - 2].isLetterOrNumber())
                           || (after == QLatin1Char('.') && end + 1 < text.size() && text[end + 1].isLetterOrNumber());
        if (!glued && worthChecking(text.mid(i, end - i)))
            words.append({i, end - i});
        i = end;
    }
    return words;
}

QList<SpellChecker::Word> SpellChecker::misspelt(const QTextBlock &block) const
{
    QList<Word> wrong;
    if (!m_hunspell)
        return wrong;
    const QString text = block.text();
    for (const Word &w : proseWords(block))
        if (!isCorrect(text.mid(w.start, w.length)))
            wrong.append(w);
    return wrong;
}

} // namespace folio::editor
