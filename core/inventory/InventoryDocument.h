#pragma once
// Contract: an inventory file as the editor changes it: its text and the pairs it holds *as
// written* (paths not resolved). A file that cannot be read or does not parse is not loaded, so
// it is never edited. Adding, replacing and removing a pair edit the text line by line
// (InventoryText: the rest of the file stays byte for byte); when the file writes its pairs in
// a way a line edit cannot change safely (flow style, several documents, …) or the edited lines
// do not read back as meant, the whole file is written anew, keeping only its leading comments,
// and the edit says so. Every edit is checked by reading the new text with the inventory
// reader: unless it reads back to exactly the expected inventory the edit is refused and
// nothing changes. save() writes atomically (QSaveFile), keeps the previous file as "<file>~",
// and refuses when the file changed on disk since it was read (or, for a new inventory, when
// one appeared meanwhile), so a hand edit made meanwhile is never overwritten; it returns a
// Result<void>: done, or the one sentence saying why not and that nothing was written.

#include "base/Result.h"
#include "inventory/Inventory.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace nr1 {

struct LineEdit;

/// What an edit of the document did.
struct InventoryEdit {
    bool applied = false;
    /// false: the whole file was written anew and its comments (but the leading ones) and layout
    /// are gone; `message` says why.
    bool layoutKept = true;
    QString message; ///< why the edit was refused, or what the operator should know
};

class InventoryDocument {
public:
    /// Reads `path`; an error (with line and field) when it cannot be read or does not parse:
    /// such a file is not edited.
    static ParseResult<InventoryDocument> load(const QString& path);
    /// A document of `text` that would be saved to `path`.
    static ParseResult<InventoryDocument> fromText(const QString& text, const QString& path);
    /// A new inventory without pairs (a short comment header, version 1, `pairs: []`), to be
    /// saved to `path`.
    static InventoryDocument createEmpty(const QString& path);

    const QString& path() const { return m_path; }
    /// Where relative paths of the file are taken from.
    QString baseDirectory() const;
    /// The file's text with every edit so far.
    const QString& text() const { return m_text; }
    /// The inventory as written (identity and known_hosts not resolved).
    const Inventory& inventory() const { return m_inventory; }
    /// The index of the pair called `name`, or nullopt.
    std::optional<std::size_t> pairIndex(const QString& name) const;

    InventoryEdit addPair(const InventoryPair& pair);
    InventoryEdit replacePair(std::size_t index, const InventoryPair& pair);
    InventoryEdit removePair(std::size_t index);

    /// Writes text() to path() (creating its folder), the previous file kept as "<path>~".
    /// Done, or refused (nothing written, the reason one sentence) when the text does not read
    /// back to inventory(), when the file changed on disk since it was read or saved, or on any
    /// I/O error.
    Result<void> save();

private:
    InventoryDocument() = default;
    /// Replaces text and inventory with the line edit's text (or, when there is none or it does
    /// not read back to `expected`, the whole document written anew) if it reads back to
    /// `expected`.
    InventoryEdit commit(const Inventory& expected, const LineEdit& lineEdit);
    /// Reads `text` (as written) and compares it with `expected`; empty when they agree.
    QString verify(const QString& text, const Inventory& expected) const;

    QString m_path;
    QString m_text;
    Inventory m_inventory;
    /// The file's bytes when read or last saved; nullopt: not checked (a new inventory).
    std::optional<QByteArray> m_onDisk;
};

} // namespace nr1
