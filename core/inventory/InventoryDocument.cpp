#include "inventory/InventoryDocument.h"

#include "inventory/InventoryText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace nr1 {

namespace {

const QString kEmptyInventory =
    QStringLiteral("# nr1 inventory: the Network RAID1 pairs nr1 manages (docs/inventory.md).\n"
                   "# The console's Pair menu adds, edits and removes pairs; comments are kept.\n"
                   "version: 1\n"
                   "pairs: []\n");

} // namespace

ParseResult<InventoryDocument> InventoryDocument::load(const QString& path) {
    const ParseResult<QByteArray> read = readInventoryFile(path);
    if (!read.ok())
        return ParseResult<InventoryDocument>(read.error());
    const QByteArray& bytes = read.value();
    const auto parsed = fromText(QString::fromUtf8(bytes), path);
    if (!parsed.ok())
        return parsed;
    InventoryDocument document = parsed.value();
    document.m_onDisk = bytes;
    return document;
}

ParseResult<InventoryDocument> InventoryDocument::fromText(const QString& text,
                                                           const QString& path) {
    const auto read =
        parseInventory(text, QFileInfo(path).absolutePath(), path, InventoryPaths::AsWritten);
    if (!read.ok())
        return ParseResult<InventoryDocument>(read.error());
    InventoryDocument document;
    document.m_path = path;
    document.m_text = text;
    document.m_inventory = read.value();
    return document;
}

InventoryDocument InventoryDocument::createEmpty(const QString& path) {
    InventoryDocument document;
    document.m_path = path;
    document.m_text = kEmptyInventory;
    return document; // version 1, no pairs: what kEmptyInventory reads as
}

QString InventoryDocument::baseDirectory() const {
    return QFileInfo(m_path).absolutePath();
}

std::optional<std::size_t> InventoryDocument::pairIndex(const QString& name) const {
    for (std::size_t index = 0; index < m_inventory.pairs.size(); ++index)
        if (m_inventory.pairs[index].name == name)
            return index;
    return std::nullopt;
}

InventoryEdit InventoryDocument::addPair(const InventoryPair& pair) {
    Inventory expected = m_inventory;
    expected.pairs.push_back(pair);
    return commit(expected, textWithPairAdded(m_text, m_inventory.pairs.size(), fieldsOf(pair)));
}

InventoryEdit InventoryDocument::replacePair(std::size_t index, const InventoryPair& pair) {
    if (index >= m_inventory.pairs.size())
        return InventoryEdit{false, true, QStringLiteral("There is no pair number %1.").arg(index)};
    Inventory expected = m_inventory;
    expected.pairs[index] = pair;
    return commit(expected,
                  textWithPairReplaced(m_text, m_inventory.pairs.size(), index, fieldsOf(pair)));
}

InventoryEdit InventoryDocument::removePair(std::size_t index) {
    if (index >= m_inventory.pairs.size())
        return InventoryEdit{false, true, QStringLiteral("There is no pair number %1.").arg(index)};
    Inventory expected = m_inventory;
    expected.pairs.erase(expected.pairs.begin() + qsizetype(index));
    return commit(expected, textWithPairRemoved(m_text, m_inventory.pairs.size(), index));
}

InventoryEdit InventoryDocument::commit(const Inventory& expected, const LineEdit& lineEdit) {
    InventoryEdit edit;
    QString why = lineEdit.whyNot;
    if (lineEdit.text) {
        const QString problem = verify(*lineEdit.text, expected);
        if (problem.isEmpty()) {
            m_text = *lineEdit.text;
            m_inventory = expected;
            edit.applied = true;
            return edit;
        }
        why = QStringLiteral("the edited lines did not read back as expected (%1)").arg(problem);
    }
    const QString whole = textWrittenAnew(m_text, expected);
    const QString problem = verify(whole, expected);
    if (!problem.isEmpty()) {
        edit.message = QStringLiteral("The inventory cannot be written: %1. Nothing was changed.")
                           .arg(problem);
        return edit;
    }
    m_text = whole;
    m_inventory = expected;
    edit.applied = true;
    edit.layoutKept = false;
    edit.message = QStringLiteral("%1 was written anew because %2: its comments (but the leading "
                                  "ones) and its layout are not kept.")
                       .arg(QFileInfo(m_path).fileName(), why);
    return edit;
}

QString InventoryDocument::verify(const QString& text, const Inventory& expected) const {
    const auto read = parseInventory(text, baseDirectory(), m_path, InventoryPaths::AsWritten);
    if (!read.ok())
        return read.error().toString();
    if (!(read.value() == expected))
        return QStringLiteral("it reads as other pairs than the ones meant");
    return QString();
}

Result<void> InventoryDocument::save() {
    auto refuse = [](const QString& why) -> Result<void> {
        return failure(why);
    };
    const QString problem = verify(m_text, m_inventory);
    if (!problem.isEmpty())
        return refuse(QStringLiteral("The new text does not read back as the inventory (%1). "
                                     "Nothing was written.")
                          .arg(problem));
    const bool exists = QFileInfo::exists(m_path);
    // A new inventory never goes over a file that appeared meanwhile (another editor's).
    if (!m_onDisk && exists)
        return refuse(QStringLiteral("%1 was created meanwhile (by another edit?). Nothing was "
                                     "written: open it and repeat the change.")
                          .arg(m_path));
    if (m_onDisk && exists) {
        QFile current(m_path);
        if (!current.open(QIODevice::ReadOnly))
            return refuse(QStringLiteral("Cannot read %1 to check it: %2. Nothing was written.")
                              .arg(m_path, current.errorString()));
        if (current.readAll() != *m_onDisk)
            return refuse(QStringLiteral("%1 changed on disk since it was read (edited by hand?). "
                                         "Nothing was written: open it again and repeat the "
                                         "change.")
                              .arg(m_path));
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return refuse(
            QStringLiteral("Cannot create the folder %1. Nothing was written.").arg(folder));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return refuse(QStringLiteral("Cannot write %1: %2. Nothing was written.")
                          .arg(m_path, file.errorString()));
    const QByteArray bytes = m_text.toUtf8();
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return refuse(QStringLiteral("Cannot write %1: %2. Nothing was written.")
                          .arg(m_path, file.errorString()));
    }
    if (exists) {
        const QString backup = m_path + QLatin1Char('~');
        if ((QFileInfo::exists(backup) && !QFile::remove(backup)) || !QFile::copy(m_path, backup)) {
            file.cancelWriting();
            return refuse(QStringLiteral("Cannot keep the previous version as %1. Nothing was "
                                         "written.")
                              .arg(backup));
        }
    }
    if (!file.commit())
        return refuse(QStringLiteral("Cannot write %1: %2. The file is as it was.")
                          .arg(m_path, file.errorString()));
    m_onDisk = bytes;
    return {};
}

} // namespace nr1
