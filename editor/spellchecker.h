// Spelling with Hunspell and the system's dictionaries (Debian's
// hunspell-* packages, /usr/share/hunspell), plus a personal word list in
// the application's data folder that "Add to dictionary" extends.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

class Hunspell;
class QTextBlock;

namespace folio::editor {

class SpellChecker final : public QObject
{
    Q_OBJECT

public:
    // A word of a block: [start, start + length) of the block's text.
    struct Word {
        int start = 0;
        int length = 0;
    };

    explicit SpellChecker(QObject *parent = nullptr);
    ~SpellChecker() override;

    // Loads the dictionary for a site's `locale`/`lang` ("en-US", "en_GB",
    // "de", …; empty: the system's language), falling back to en_US. False
    // when no dictionary is installed: then every word is accepted.
    bool setLanguage(const QString &siteLanguage);
    bool isAvailable() const { return bool(m_hunspell); }
    // The dictionary in use ("en_US"), empty when none.
    QString language() const { return m_language; }

    bool isCorrect(const QString &word) const;
    QStringList suggestions(const QString &word) const;
    // Accepts `word` from now on and appends it to the personal word list.
    void addToPersonalDictionary(const QString &word);

    // The words of `block` the highlighter marked as prose (not math, code,
    // Liquid, URLs, tags or YAML keys) that are worth checking.
    static QList<Word> proseWords(const QTextBlock &block);
    // The misspelt ones among them.
    QList<Word> misspelt(const QTextBlock &block) const;

    // Folders searched for <lang>.aff/.dic: $FOLIO_HUNSPELL_PATH (colon
    // separated, for tests), then the system's.
    static QStringList dictionaryDirectories();
    // The dictionary name a site's locale resolves to among `installed`
    // ("en-US" → en_US, "de" → de_DE or any de_*), empty when none fits.
    static QString resolveLanguage(const QString &siteLanguage, const QStringList &installed);
    static QStringList installedDictionaries();
    static QString personalDictionaryPath();

Q_SIGNALS:
    // The accepted words changed (language switched, word added): marks
    // already shown are out of date.
    void dictionaryChanged();

private:
    void loadPersonalWords();
    std::string encode(const QString &word) const;
    QString decode(const std::string &word) const;

    std::unique_ptr<Hunspell> m_hunspell;
    QString m_language;
    bool m_utf8 = true;
    mutable QHash<QString, bool> m_cache;
};

} // namespace folio::editor
