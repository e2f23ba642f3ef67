#pragma once
// Contract: an inventory file as the editor changes it: its text and the pairs it holds *as
// written* (paths not resolved). Adding, replacing and removing a pair edit the text line by
// line: the header (comments, version, known_hosts, blank lines) and every untouched pair's
// lines stay byte for byte; a replaced pair is written again in place at its indentation (the
// comment lines after it stay); a new pair goes to the end of the pairs list (a file with
// `pairs: []`, an empty `pairs:` or none gets a block list). When the file writes its pairs in
// a way a line edit cannot change safely (flow style, several documents, …) the whole file is
// written anew, keeping only its leading comments, and the edit says so. Every edit is checked
// by reading the new text with the inventory reader: unless it reads back to exactly the
// expected inventory the edit is refused and nothing changes. The reader is also the only judge
// of a pair typed in the editor (checkPair), with the identity file's existence on top. save()
// writes atomically (QSaveFile), keeps the previous file as "<file>~", and refuses when the file
// changed on disk since it was read, so a hand edit made meanwhile is never overwritten.

#include "inventory/Inventory.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

/// One node of a pair as typed in the editor: every field as text, before it is read.
struct NodeFields {
    QString host;
    QString port;
    QString user;
    QString identity; ///< as written: relative to the inventory's folder, or ~/…, or absolute
    QString replicationAddress;
    QString initiatorName;
    QString iscsiPort;
    bool operator==(const NodeFields&) const = default;
};

struct PairFields {
    QString name;
    NodeFields primary;
    NodeFields secondary;
    bool operator==(const PairFields&) const = default;
};

NodeFields fieldsOf(const InventoryNode& node);
PairFields fieldsOf(const InventoryPair& pair);

/// One thing wrong, or worth knowing, about a pair typed in the editor.
struct PairProblem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    /// The field as the inventory names it below the pair: "name", "primary.port",
    /// "secondary.identity", …; empty for the pair as a whole.
    QString field;
    QString message; ///< in words, naming the field: "Primary SSH port: expected …"
    bool operator==(const PairProblem&) const = default;
};

/// What the inventory makes of a pair typed in the editor.
struct PairCheck {
    /// The pair as it would be written; set exactly when no problem is an error.
    std::optional<InventoryPair> pair;
    std::vector<PairProblem> problems; ///< errors first, then warnings, in field order
    bool ok() const { return pair.has_value(); }
    /// The problems about `field`.
    std::vector<PairProblem> problemsOf(const QString& field) const;
};

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

    /// Reads `fields` as pair number `replacing` (or a new pair at the end) through the
    /// inventory reader, and reports every problem: each field the reader refuses (the name
    /// must also differ from every other pair's), an identity file that does not exist or
    /// cannot be read (errors), a key file others may read and a Secondary without replication
    /// address (warnings).
    PairCheck checkPair(const PairFields& fields,
                        std::optional<std::size_t> replacing = std::nullopt) const;

    InventoryEdit addPair(const InventoryPair& pair);
    InventoryEdit replacePair(std::size_t index, const InventoryPair& pair);
    InventoryEdit removePair(std::size_t index);

    /// Writes text() to path() (creating its folder), the previous file kept as "<path>~".
    /// Refused (nothing written, the reason in `whyNot`) when the text does not read back to
    /// inventory(), when the file changed on disk since it was read or saved, or on any I/O
    /// error.
    bool save(QString* whyNot = nullptr);

private:
    InventoryDocument() = default;
    /// Replaces text and inventory with `lineEdited` (or, when that is empty or does not read
    /// back to `expected`, the whole document written anew) if it reads back to `expected`.
    InventoryEdit commit(const Inventory& expected, const std::optional<QString>& lineEdited,
                         const QString& whyNotLineByLine);
    /// Reads `text` (as written) and compares it with `expected`; empty when they agree.
    QString verify(const QString& text, const Inventory& expected) const;
    /// The whole document written anew: the leading comments, version, known_hosts, pairs.
    QString rewritten(const Inventory& inventory) const;

    QString m_path;
    QString m_text;
    Inventory m_inventory;
    /// The file's bytes when read or last saved; nullopt: not checked (a new inventory).
    std::optional<QByteArray> m_onDisk;
};

} // namespace nr1
