#pragma once
// Contract: the building blocks shared by the parsers of mdadm's human reports (--detail,
// --examine): the "Label : value" field line (labels right-aligned by mdadm) and the leading
// number of size fields such as "1046528 (1022.00 MiB 1071.64 MB)", and reading a numeric field
// or failing the parse with the field's line.

#include "base/TextLines.h"

#include <QString>
#include <optional>

namespace nr1 {

struct MdadmField {
    QString label;
    QString value; ///< trimmed
};

/// "     Raid Level : raid1" → {"Raid Level", "raid1"}; nullopt for any other line.
std::optional<MdadmField> splitMdadmField(const QString& line);

/// The first whitespace-separated word of `value` as a number ("2048 sectors" → 2048).
std::optional<qint64> leadingNumber(const QString& value);

/// "primary:0  (local to host primary)" → "primary:0".
QString withoutParenthesisNote(const QString& value);

/// The field's leading number ("2048 sectors" → 2048); else the parse fails at line `number`.
qint64 requireLeadingNumber(const TextLines& lines, int number, const MdadmField& field);
/// The field's whole value as an int ("2"); else the parse fails at line `number`.
int requireInt(const TextLines& lines, int number, const MdadmField& field);

} // namespace nr1
