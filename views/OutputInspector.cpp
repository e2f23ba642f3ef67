#include "OutputInspector.h"

#include "json/ParserCatalog.h"
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

OutputInspector::OutputInspector(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_input(new QPlainTextEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this)) {
    for (const ParserKind& kind : parserKinds())
        m_kind->addItem(kind.name, kind.name);
    m_kind->setToolTip(tr("Which command printed the text"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_input->setPlaceholderText(tr("Paste a node's output here, or open a file."));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Output of:"), this));
    top->addWidget(m_kind, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_input);
    splitter->addWidget(m_tree);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &OutputInspector::reparse);
    connect(m_input, &QPlainTextEdit::textChanged, this, &OutputInspector::reparse);
    reparse();
}

void OutputInspector::setText(const QString& text) {
    m_input->setPlainText(text);
}

bool OutputInspector::setKind(const QString& kind) {
    const int index = m_kind->findData(kind);
    if (index < 0)
        return false;
    m_kind->setCurrentIndex(index);
    return true;
}

QString OutputInspector::kind() const {
    return m_kind->currentData().toString();
}

QString OutputInspector::statusText() const {
    return m_status->text();
}

void OutputInspector::fill(QTreeWidgetItem* parent, const QString& key, const QJsonValue& value) {
    auto* item = new QTreeWidgetItem(parent, {key});
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            fill(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        item->setText(1, tr("%n item(s)", nullptr, int(array.size())));
        for (qsizetype index = 0; index < array.size(); ++index)
            fill(item, QStringLiteral("[%1]").arg(index), array.at(index));
    } else if (value.isNull()) {
        item->setText(1, tr("—"));
    } else {
        item->setText(1, value.toVariant().toString());
    }
}

void OutputInspector::reparse() {
    m_tree->clear();
    const ParserKind* kind = findParserKind(this->kind());
    const QString text = m_input->toPlainText();
    if (!kind || text.trimmed().isEmpty()) {
        m_status->setText(tr("Nothing to parse yet."));
        return;
    }
    const ParsedJson parsed = kind->parse(text);
    QStringList lines;
    if (parsed.ok) {
        auto* root = new QTreeWidgetItem(m_tree, {kind->name});
        for (auto it = parsed.json.begin(); it != parsed.json.end(); ++it)
            fill(root, it.key(), it.value());
        m_tree->expandToDepth(4);
        lines << tr("Parsed as %1.").arg(kind->name);
    } else {
        lines << tr("Not parseable: %1").arg(parsed.error.toString());
    }
    for (const ParseWarning& warning : parsed.warnings)
        lines << tr("Skipped: %1").arg(warning.toString());
    m_status->setText(lines.join(QLatin1Char('\n')));
}

} // namespace nr1
