#pragma once
// Contract: the checks of the pair editor's form. checkPair reads the typed fields as a pair of
// the inventory through the inventory reader itself, so the form accepts exactly what the file
// would, and reports every problem at once, field by field, in the reader's own words ("Primary
// SSH port: expected a port from 1 to 65535, found “0”"): each field the reader refuses, a name
// another pair has, a key file that does not exist, is no file, cannot be read or is a public
// key (errors), a key file others may read and a Secondary without replication address
// (warnings). Blanks around a value are not part of it. Nothing is written.

#include "inventory/Inventory.h"
#include "inventory/PairFields.h"

#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

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

/// Reads `typed` as pair number `replacing` of `inventory` (or a new pair at its end) and
/// reports every problem; the name must differ from every other pair's. Key files are looked
/// for from `baseDirectory` (the inventory's folder); the pair keeps its paths as written.
PairCheck checkPair(const PairFields& typed, const Inventory& inventory,
                    const QString& baseDirectory,
                    std::optional<std::size_t> replacing = std::nullopt);

} // namespace nr1
