#include "frontmatterform.h"

#include "site/model/site.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/frontmatteredit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace folio::editor {

namespace yaml = site::yaml;
using site::liquid::Value;

namespace {

// The date pickers' "not set" value (QDateEdit has no empty state).
const QDate kNoDate(100, 1, 1);
const QRegularExpression kDatePattern(QStringLiteral("(\\d{4})-(\\d{1,2})-(\\d{1,2})"));

QString fromUtf8(const std::string &s, std::size_t from = 0, std::size_t length = std::string::npos)
{
    const std::string_view v = std::string_view(s).substr(from, length);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Characters that do not show but change a link (copied from PDFs and web
// pages): zero-width spaces and joiners, no-break spaces, soft hyphens,
// direction marks, a BOM.
QString invisibleName(QChar c)
{
    switch (c.unicode()) {
    case 0x200B: return FrontMatterForm::tr("zero-width space");
    case 0x200C: return FrontMatterForm::tr("zero-width non-joiner");
    case 0x200D: return FrontMatterForm::tr("zero-width joiner");
    case 0x2060: return FrontMatterForm::tr("word joiner");
    case 0xFEFF: return FrontMatterForm::tr("zero-width no-break space");
    case 0x00A0: return FrontMatterForm::tr("no-break space");
    case 0x202F: return FrontMatterForm::tr("narrow no-break space");
    case 0x2007: return FrontMatterForm::tr("figure space");
    case 0x00AD: return FrontMatterForm::tr("soft hyphen");
    case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069: return FrontMatterForm::tr("direction mark");
    default: return {};
    }
}

// What is wrong with a link, for the warning under a URL field ("" when fine).
QString urlProblem(const QString &text)
{
    if (text.isEmpty())
        return {};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QString name = invisibleName(text.at(i));
        if (!name.isEmpty())
            return FrontMatterForm::tr("The link contains an invisible character (%1, U+%2) at position %3: delete it or type the link again.")
                .arg(name, QStringLiteral("%1").arg(text.at(i).unicode(), 4, 16, QLatin1Char('0')).toUpper())
                .arg(i + 1);
    }
    if (text.trimmed() != text)
        return FrontMatterForm::tr("The link has spaces at its start or end: remove them.");
    if (text.startsWith(QLatin1Char('/')) && !text.startsWith(QLatin1String("//")) && !text.contains(QLatin1Char(' ')))
        return {};   // a file of the site, "/files/paper.pdf"
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("ftp");
    if (!url.isValid() || text.contains(QLatin1Char(' ')) || !(web ? !url.host().isEmpty() : scheme == QLatin1String("mailto")))
        return FrontMatterForm::tr("This is not a link: write a full address (https://…) or a path of the site starting with /.");
    return {};
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(',')))
        if (!part.trimmed().isEmpty())
            items << part.trimmed();
    return items;
}

// The raw YAML of a value as its editor shows it: without the space after
// "key:", and without the line break before a block.
QString rawForDisplay(const std::string &raw)
{
    QString text = QString::fromStdString(raw);
    text.remove(QLatin1Char('\r'));
    if (text.startsWith(QLatin1Char('\n')))
        return text.mid(1);
    const qsizetype first = text.indexOf(QRegularExpression(QStringLiteral("[^ \\t]")));
    return first < 0 ? QString() : text.mid(first);
}

// Back from the raw editor to what follows "key:".
std::string rawFromDisplay(const QString &text)
{
    const bool block = text.startsWith(QLatin1Char(' ')) || text.startsWith(QLatin1Char('\t')) || text.startsWith(QLatin1String("- "));
    return ((block ? QStringLiteral("\n") : QStringLiteral(" ")) + text).toStdString();
}

bool hasFocusWithin(const QWidget *widget)
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && widget && (focus == widget || widget->isAncestorOf(focus));
}

} // namespace

struct FrontMatterForm::Field final {
    FieldSpec spec;
    FieldKind kind = FieldKind::Text;
    QWidget *widget = nullptr;
    QLabel *warning = nullptr;
    QString editError;      // the last edit the file could not take
    QString valueProblem;   // what is wrong with the value itself (URL fields)
};

FrontMatterForm::FrontMatterForm(QWidget *parent)
    : QWidget(parent), m_textToggle(new QToolButton), m_title(new QLabel), m_error(new QLabel),
      m_scroll(new QScrollArea), m_textView(new QPlainTextEdit)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    m_textToggle->setText(tr("Show as text"));
    m_textToggle->setToolTip(tr("Show the whole front matter as YAML text"));
    m_textToggle->setCheckable(true);
    header->addWidget(m_textToggle);
    layout->addLayout(header);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_misplaced = new QWidget;
    auto *misplacedLayout = new QHBoxLayout(m_misplaced);
    misplacedLayout->setContentsMargins(0, 0, 0, 0);
    m_misplacedText = new QLabel;
    m_misplacedText->setWordWrap(true);
    m_misplacedText->setStyleSheet(QStringLiteral("QLabel { color: #8a1c00; background: #fff1c2; padding: 2px; }"));
    auto *move = new QToolButton;
    move->setText(tr("Move into the front matter"));
    connect(move, &QToolButton::clicked, this, &FrontMatterForm::moveMisplacedKeys);
    misplacedLayout->addWidget(m_misplacedText, 1);
    misplacedLayout->addWidget(move);
    m_misplaced->hide();
    layout->addWidget(m_misplaced);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll, 1);
    m_textView->hide();
    m_textView->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_textView, 1);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, &FrontMatterForm::refresh);
    connect(m_textToggle, &QToolButton::toggled, this, &FrontMatterForm::showTextView);
    connect(m_textView, &QPlainTextEdit::textChanged, this, &FrontMatterForm::textViewEdited);
    // A field that had the focus is brought up to date when it loses it.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *) {
        if (old && m_fieldsWidget && (m_fieldsWidget->isAncestorOf(old) || old == m_textView))
            m_refresh.start();
    });
    clear();
}

FrontMatterForm::~FrontMatterForm() = default;

void FrontMatterForm::clear()
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = nullptr;
    m_timezone.clear();
    m_sourcePath.clear();
    m_schema = {};
    m_fields.clear();
    delete m_fieldsWidget;
    m_fieldsWidget = nullptr;
    m_formLayout = nullptr;
    m_title->setText(tr("No document"));
    m_error->hide();
    setEnabled(false);
}

void FrontMatterForm::setDocument(QTextDocument *document, const site::model::Site *site, const QString &sourcePath)
{
    clear();
    if (!document)
        return;
    m_document = document;
    if (site)
        m_timezone = site->config().timezone();
    m_sourcePath = sourcePath;
    m_relativePath = QFileInfo(sourcePath).fileName();
    m_type = QStringLiteral("pages");
    const site::model::Document *doc = site ? site->documentForPath(QFileInfo(sourcePath).absoluteFilePath()) : nullptr;
    if (doc) {
        m_relativePath = QString::fromStdString(doc->relativePath);
        m_type = doc->isPage() ? QStringLiteral("pages") : QString::fromStdString(doc->collection);
    } else if (site) {
        // Not (yet) in the model, e.g. a new file: its folder tells the collection.
        const QString rel = QDir(site->sourceDir()).relativeFilePath(sourcePath);
        m_relativePath = rel;
        if (rel.startsWith(QLatin1Char('_')) && rel.contains(QLatin1Char('/'))) {
            const QString folder = rel.section(QLatin1Char('/'), 0, 0).mid(1);
            m_type = folder == QLatin1String("drafts") ? QStringLiteral("posts") : folder;
        }
    }
    m_schema = schemaFor(site, m_type, m_relativePath);
    m_title->setText(tr("Front matter of %1 (%2)").arg(m_relativePath, m_type));
    setEnabled(true);
    connect(m_document, &QTextDocument::contentsChange, this, &FrontMatterForm::scheduleRefresh);
    m_lastKey.clear();
    rebuild();
}

QStringList FrontMatterForm::fieldKeys() const
{
    QStringList keys;
    for (const auto &f : m_fields)
        keys << f->spec.key;
    return keys;
}

QWidget *FrontMatterForm::fieldWidget(const QString &key) const
{
    for (const auto &f : m_fields)
        if (f->spec.key == key)
            return f->widget;
    return nullptr;
}

QLabel *FrontMatterForm::fieldWarning(const QString &key) const
{
    for (const auto &f : m_fields)
        if (f->spec.key == key)
            return f->warning;
    return nullptr;
}

QString FrontMatterForm::headText(int bodyLines) const
{
    QString text = frontMatterText();
    if (!m_document)
        return text;
    QTextBlock block = m_document->findBlock(int(text.size()));
    for (int i = 0; i < bodyLines && block.isValid() && int(text.size()) == block.position(); ++i) {
        text += block.text();
        block = block.next();
        if (block.isValid())
            text += QLatin1Char('\n');
    }
    return text;
}

// Lines of a misplaced front matter are few; 80 lines of body are plenty.
constexpr int kMisplacedScanLines = 80;

QString FrontMatterForm::misplacedWarning() const
{
    return m_misplaced->isHidden() ? QString() : m_misplacedText->text();
}

void FrontMatterForm::updateMisplaced()
{
    const std::string head = headText(kMisplacedScanLines).toStdString();
    const yaml::MisplacedFrontMatter found = yaml::findMisplacedFrontMatter(yaml::split(head));
    m_misplaced->setVisible(found.found);
    if (!found.found)
        return;
    QStringList keys;
    for (const std::string &k : found.keys)
        keys << QString::fromStdString(k);
    m_misplacedText->setText(tr("⚠ Lines %1–%2 hold front matter keys (%3) below the closing ---: Jekyll shows them as "
                                "text and the page misses them.")
                                 .arg(found.firstLine)
                                 .arg(found.lastLine)
                                 .arg(keys.join(QStringLiteral(", "))));
}

bool FrontMatterForm::moveMisplacedKeys()
{
    if (!m_document)
        return false;
    const std::string head = headText(kMisplacedScanLines).toStdString();
    const yaml::FrontMatterSplit parts = yaml::split(head);
    const yaml::MisplacedFrontMatter found = yaml::findMisplacedFrontMatter(parts);
    if (!found.found)
        return false;
    const QTextBlock first = m_document->findBlockByNumber(found.firstLine - 1);
    const QTextBlock last = m_document->findBlockByNumber(found.lastLine - 1);
    const int yamlEnd = int(QString::fromStdString(head.substr(0, std::size_t(parts.yaml.data() + parts.yaml.size() - head.data()))).size());
    if (!first.isValid() || !last.isValid())
        return false;
    QTextCursor cursor(m_document);
    cursor.beginEditBlock();
    // Cut the lines (with the line end after them) from the body...
    cursor.setPosition(first.position());
    cursor.setPosition(last.next().isValid() ? last.next().position() : last.position() + last.length() - 1,
                       QTextCursor::KeepAnchor);
    QString lines = cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    if (!lines.endsWith(QLatin1Char('\n')))
        lines += QLatin1Char('\n');
    cursor.removeSelectedText();
    // ...and put them before the closing line (which comes earlier in the text).
    cursor.setPosition(yamlEnd);
    cursor.insertText(lines);
    cursor.endEditBlock();
    m_lastKey.clear();
    refresh();
    return true;
}

QString FrontMatterForm::frontMatterText() const
{
    if (!m_document)
        return {};
    QTextBlock block = m_document->begin();
    QString out = block.text();
    QString first = out;
    if (first.startsWith(QChar(0xFEFF)))
        first.remove(0, 1);
    const bool opens = first.startsWith(QLatin1String("---")) && first.mid(3).trimmed().isEmpty();
    if (opens) {
        // Up to the closing line; a front matter never needs the body.
        for (block = block.next(); block.isValid(); block = block.next()) {
            out += QLatin1Char('\n') + block.text();
            QString line = block.text();
            while (!line.isEmpty() && line.back().isSpace())
                line.chop(1);
            if (line == QLatin1String("---") || line == QLatin1String("..."))
                break;
        }
    }
    if (block.isValid() && block.next().isValid())
        out += QLatin1Char('\n');
    return out;
}

std::string FrontMatterForm::currentUtf8() const
{
    return frontMatterText().toStdString();
}

yaml::FrontMatterLayout FrontMatterForm::readLayout(const std::string &text) const
{
    yaml::LoadOptions options;
    options.fileName = m_relativePath;
    options.timezone = m_timezone;
    return yaml::readFrontMatter(text, options);
}

void FrontMatterForm::rebuild()
{
    const int scrolled = m_scroll->verticalScrollBar()->value();   // keep the user's place
    m_fields.clear();
    delete m_fieldsWidget;
    m_fieldsWidget = new QWidget;
    m_formLayout = new QFormLayout(m_fieldsWidget);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_formLayout->setContentsMargins(0, 0, 0, 0);

    const std::string text = currentUtf8();
    const yaml::FrontMatterLayout layout = readLayout(text);
    m_builtKeys.clear();
    for (const auto &k : layout.keys)
        m_builtKeys << QString::fromStdString(k.key);

    QList<FieldSpec> specs = m_schema.fields;
    // The document's own keys the schema does not know, in file order.
    for (const QString &key : std::as_const(m_builtKeys)) {
        const bool known = std::any_of(specs.begin(), specs.end(), [&](const FieldSpec &s) { return s.key == key; });
        if (!known)
            specs.append({key, kindFor(key, layout.values.hash().value(key.toStdString())), false, {}});
    }
    for (const FieldSpec &spec : std::as_const(specs)) {
        const Value value = layout.values.hash().value(spec.key.toStdString());
        FieldSpec effective = spec;
        if (!value.isNil()) {
            // The document's value decides when the usual widget cannot show it.
            const FieldKind byValue = kindFor(spec.key, value);
            if (byValue == FieldKind::Raw || (spec.kind != FieldKind::Layout && spec.kind != FieldKind::Url)
                || !value.isString())
                effective.kind = byValue;
        }
        if (spec.key == QLatin1String("<<"))
            effective.kind = FieldKind::Raw;
        addField(effective);
    }
    m_scroll->setWidget(m_fieldsWidget);
    updateValues(true);
    m_scroll->verticalScrollBar()->setValue(scrolled);
}

void FrontMatterForm::addField(const FieldSpec &spec)
{
    auto field = std::make_unique<Field>();
    field->spec = spec;
    field->kind = spec.kind;
    field->widget = makeWidget(*field);
    field->warning = new QLabel;
    field->warning->setWordWrap(true);
    field->warning->setStyleSheet(QStringLiteral("QLabel { color: #8a1c00; background: #fff1c2; padding: 2px; }"));
    field->warning->hide();
    auto *cell = new QWidget;
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(1);
    cellLayout->addWidget(field->widget);
    cellLayout->addWidget(field->warning);
    auto *label = new QLabel(spec.key);
    label->setToolTip(spec.builtIn ? tr("A field academicpages uses for %1").arg(m_schema.type)
                                   : tr("A key of this document, the defaults or other files of %1").arg(m_schema.type));
    m_formLayout->addRow(label, cell);
    m_fields.push_back(std::move(field));
}

// Completion of the item being typed (after the last comma) from the values
// the collection's files use; QLineEdit's own completer would complete the
// whole text.
void FrontMatterForm::completeItems(QLineEdit *edit, const QStringList &known, Field *field)
{
    auto *completer = new QCompleter(known, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setWidget(edit);
    connect(edit, &QLineEdit::textEdited, completer, [completer](const QString &text) {
        const QString item = text.section(QLatin1Char(','), -1).trimmed();
        completer->setCompletionPrefix(item);
        if (!item.isEmpty() && completer->completionCount() > 0)
            completer->complete();
        else
            completer->popup()->hide();
    });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this, edit, field](const QString &value) {
        QString text = edit->text();
        const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
        edit->setText((comma < 0 ? QString() : text.left(comma + 1) + QLatin1Char(' ')) + value);
        fieldEdited(*field);
    });
}

QWidget *FrontMatterForm::makeWidget(Field &field)
{
    Field *f = &field;
    auto edited = [this, f] { fieldEdited(*f); };
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Url:
    case FieldKind::List: {
        auto *edit = new QLineEdit;
        connect(edit, &QLineEdit::textEdited, this, edited);
        connect(edit, &QLineEdit::editingFinished, this, [this] { m_lastKey.clear(); });
        if (field.kind == FieldKind::List) {
            edit->setToolTip(tr("Items separated by commas"));
            const QStringList known = m_schema.knownValues.value(field.spec.key);
            if (!known.isEmpty()) {
                edit->setToolTip(tr("Items separated by commas. Used in this collection: %1").arg(known.join(QStringLiteral(", "))));
                completeItems(edit, known, f);
            }
        }
        return edit;
    }
    case FieldKind::MultiLine:
    case FieldKind::Raw: {
        auto *edit = new QPlainTextEdit;
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
        if (field.kind == FieldKind::Raw)
            edit->setToolTip(tr("YAML text of this value"));
        connect(edit, &QPlainTextEdit::textChanged, this, edited);
        return edit;
    }
    case FieldKind::Date: {
        auto *edit = new QDateEdit;
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMinimumDate(kNoDate);
        edit->setSpecialValueText(tr("not set"));
        connect(edit, &QDateEdit::dateChanged, this, edited);
        return edit;
    }
    case FieldKind::Bool: {
        auto *box = new QCheckBox;
        box->setTristate(true);
        connect(box, &QCheckBox::stateChanged, this, edited);
        return box;
    }
    case FieldKind::Layout: {
        auto *combo = new QComboBox;
        combo->setEditable(true);
        combo->addItem(QString());
        combo->addItems(m_schema.layouts);
        combo->setInsertPolicy(QComboBox::NoInsert);
        connect(combo, &QComboBox::currentTextChanged, this, edited);
        return combo;
    }
    }
    return new QWidget;
}

void FrontMatterForm::refresh()
{
    m_refresh.stop();
    if (m_document)
        updateValues(false);
}

void FrontMatterForm::updateValues(bool force)
{
    const std::string text = currentUtf8();
    const yaml::FrontMatterLayout layout = readLayout(text);
    m_frontMatterEnd = int(QString::fromStdString(text).size());
    if (!force) {
        QStringList keys;
        for (const auto &k : layout.keys)
            keys << QString::fromStdString(k.key);
        // New or removed keys change the fields; not while the user is in one.
        if (keys != m_builtKeys && !hasFocusWithin(m_fieldsWidget)) {
            rebuild();
            return;
        }
    }
    updateMisplaced();
    m_error->setVisible(!layout.ok());
    m_error->setText(layout.ok() ? QString() : tr("The front matter does not load: %1").arg(layout.error));
    if (m_fieldsWidget)
        m_fieldsWidget->setEnabled(layout.ok());
    if (!hasFocusWithin(m_textView)) {
        const QSignalBlocker block(m_textView);
        const QString yamlText = layout.hasFrontMatter ? fromUtf8(text, layout.yamlBegin, layout.yamlEnd - layout.yamlBegin)
                                                       : QString();
        if (m_textView->toPlainText() != yamlText)
            m_textView->setPlainText(yamlText);
    }
    if (!layout.ok())
        return;
    for (const auto &field : m_fields) {
        if (!force && hasFocusWithin(field->widget))
            continue;
        const QSignalBlocker block(field->widget);
        const std::string key = field->spec.key.toStdString();
        const Value *value = layout.values.hash().find(key);
        const yaml::FrontMatterKey *written = layout.find(key);
        const QString placeholder = field->spec.placeholder;
        switch (field->kind) {
        case FieldKind::Text:
        case FieldKind::Url:
        case FieldKind::List: {
            auto *edit = static_cast<QLineEdit *>(field->widget);
            const QString shown = value ? displayText(*value) : QString();
            if (edit->text() != shown)
                edit->setText(shown);
            edit->setPlaceholderText(placeholder);
            if (field->kind == FieldKind::Url)
                field->valueProblem = urlProblem(shown);
            break;
        }
        case FieldKind::MultiLine: {
            auto *edit = static_cast<QPlainTextEdit *>(field->widget);
            const QString shown = value ? displayText(*value) : QString();
            if (edit->toPlainText() != shown)
                edit->setPlainText(shown);
            edit->setPlaceholderText(placeholder);
            break;
        }
        case FieldKind::Raw: {
            auto *edit = static_cast<QPlainTextEdit *>(field->widget);
            const QString shown = written ? rawForDisplay(written->rawValue) : QString();
            if (edit->toPlainText() != shown)
                edit->setPlainText(shown);
            edit->setPlaceholderText(placeholder);
            break;
        }
        case FieldKind::Date: {
            auto *edit = static_cast<QDateEdit *>(field->widget);
            QDate date = kNoDate;
            if (written) {
                const auto match = kDatePattern.match(QString::fromStdString(written->rawValue));
                if (match.hasMatch())
                    date = QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
            }
            edit->setDate(date.isValid() ? date : kNoDate);
            break;
        }
        case FieldKind::Bool: {
            auto *box = static_cast<QCheckBox *>(field->widget);
            box->setCheckState(!value ? Qt::PartiallyChecked : value->truthy() ? Qt::Checked : Qt::Unchecked);
            box->setText(value ? QString()
                               : tr("not set (default: %1)").arg(placeholder.isEmpty() ? tr("none") : placeholder));
            break;
        }
        case FieldKind::Layout: {
            auto *combo = static_cast<QComboBox *>(field->widget);
            const QString shown = value ? displayText(*value) : QString();
            if (combo->currentText() != shown)
                combo->setCurrentText(shown);
            if (combo->lineEdit())
                combo->lineEdit()->setPlaceholderText(placeholder);
            break;
        }
        }
        field->editError.clear();
        const QString warning = field->valueProblem;
        field->warning->setText(warning.isEmpty() ? QString() : QStringLiteral("⚠ ") + warning);
        field->warning->setVisible(!warning.isEmpty());
    }
}

void FrontMatterForm::fieldEdited(Field &field)
{
    if (!m_document)
        return;
    const std::string text = currentUtf8();
    const yaml::FrontMatterLayout layout = readLayout(text);
    yaml::LoadOptions options;
    options.fileName = m_relativePath;
    options.timezone = m_timezone;
    const std::string key = field.spec.key.toStdString();
    const Value *current = layout.values.hash().find(key);
    const yaml::FrontMatterKey *written = layout.find(key);

    // What the field now says: a value, raw YAML, or "not set" (the key goes).
    std::optional<Value> value;
    std::optional<std::string> raw;
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Url:
    case FieldKind::MultiLine: {
        const QString t = field.kind == FieldKind::MultiLine ? static_cast<QPlainTextEdit *>(field.widget)->toPlainText()
                                                              : static_cast<QLineEdit *>(field.widget)->text();
        if (field.kind == FieldKind::Url)
            field.valueProblem = urlProblem(t);
        if (!t.isEmpty()) {
            value = Value(t.toStdString());
            // A number stays a number when the text still is one.
            if (current && (current->isInt() || current->isFloat())) {
                auto typed = yaml::load(t.toStdString());
                if (typed && typed->type() == current->type())
                    value = *typed;
            }
        }
        break;
    }
    case FieldKind::List: {
        const QStringList items = splitList(static_cast<QLineEdit *>(field.widget)->text());
        if (!items.isEmpty()) {
            site::liquid::Array array;
            for (const QString &item : items)
                array.emplace_back(item.toStdString());
            value = Value(std::move(array));
        }
        break;
    }
    case FieldKind::Raw: {
        const QString t = static_cast<QPlainTextEdit *>(field.widget)->toPlainText();
        if (!t.trimmed().isEmpty())
            raw = rawFromDisplay(t);
        break;
    }
    case FieldKind::Date: {
        const QDate date = static_cast<QDateEdit *>(field.widget)->date();
        if (date != kNoDate) {
            const QString iso = date.toString(QStringLiteral("yyyy-MM-dd"));
            // Only the day changes: the time, zone and quotes of the file stay.
            QString rawText = written ? QString::fromStdString(written->rawValue) : QString();
            const auto match = kDatePattern.match(rawText);
            if (match.hasMatch())
                rawText.replace(match.capturedStart(), match.capturedLength(), iso);
            else
                rawText = QLatin1Char(' ') + iso;
            raw = rawText.toStdString();
        }
        break;
    }
    case FieldKind::Bool: {
        const Qt::CheckState state = static_cast<QCheckBox *>(field.widget)->checkState();
        if (state != Qt::PartiallyChecked)
            value = Value(state == Qt::Checked);
        static_cast<QCheckBox *>(field.widget)->setText(
            state == Qt::PartiallyChecked
                ? tr("not set (default: %1)").arg(field.spec.placeholder.isEmpty() ? tr("none") : field.spec.placeholder)
                : QString());
        break;
    }
    case FieldKind::Layout: {
        const QString t = static_cast<QComboBox *>(field.widget)->currentText();
        if (!t.isEmpty())
            value = Value(t.toStdString());
        break;
    }
    }

    site::Result<yaml::TextEdit> edit = yaml::TextEdit{};
    if (value)
        edit = yaml::setValueEdit(text, key, *value, options);
    else if (raw)
        edit = yaml::setRawValueEdit(text, key, *raw, options);
    else if (written)
        edit = yaml::removeKeyEdit(text, key, options);
    field.editError = edit ? QString() : edit.error();
    if (edit)
        apply(text, *edit, field.spec.key);
    else
        Q_EMIT editFailed(edit.error());
    const QString warning = !field.editError.isEmpty() ? field.editError : field.valueProblem;
    field.warning->setText(warning.isEmpty() ? QString() : QStringLiteral("⚠ ") + warning);
    field.warning->setVisible(!warning.isEmpty());
}

void FrontMatterForm::apply(const std::string &utf8, const yaml::TextEdit &edit, const QString &key)
{
    if (!m_document || (edit.begin == edit.end && edit.replacement.empty()))
        return;
    const int start = int(fromUtf8(utf8, 0, edit.begin).size());
    const QString before = fromUtf8(utf8, edit.begin, edit.end - edit.begin);
    const QString after = QString::fromStdString(edit.replacement);
    // Only the characters that differ: the rest of the key's line (and the
    // editor's cursor and selection around it) stay untouched.
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    if (prefix + suffix == before.size() && prefix + suffix == after.size())
        return;

    QTextCursor cursor(m_document);
    // Typing in one field is one undo step, as typing in the editor is.
    const bool join = key == m_lastKey && m_document->availableUndoSteps() == m_lastUndoSteps;
    m_applying = true;
    if (join)
        cursor.joinPreviousEditBlock();
    else
        cursor.beginEditBlock();
    cursor.setPosition(start + int(prefix));
    cursor.setPosition(start + int(before.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(after.mid(prefix, after.size() - prefix - suffix));
    cursor.endEditBlock();
    m_applying = false;
    m_lastKey = key;
    m_lastUndoSteps = m_document->availableUndoSteps();
    m_frontMatterEnd = int(frontMatterText().size());
}

void FrontMatterForm::scheduleRefresh(int position, int removed, int added)
{
    Q_UNUSED(removed)
    Q_UNUSED(added)
    if (m_applying || position > m_frontMatterEnd + 1)
        return;
    m_refresh.start();
}

void FrontMatterForm::showTextView(bool on)
{
    m_scroll->setVisible(!on);
    m_textView->setVisible(on);
    m_textToggle->setText(on ? tr("Show as form") : tr("Show as text"));
    if (on)
        refresh();
}

void FrontMatterForm::textViewEdited()
{
    if (!m_document)
        return;
    const std::string text = currentUtf8();
    apply(text, yaml::replaceYamlEdit(text, m_textView->toPlainText().toStdString()), QStringLiteral("\n(text)"));
}

} // namespace folio::editor
