#pragma once
// Contract: a journal entry in one line for people, the same in `nr1ctl journal` and the
// console's journal view: "plan: TITLE", "run 23 [primary] COMMAND → exit 0 (12 ms)",
// "undo …", "skip 4: WHY", "end: STATE FAILURE", else the event's name. Commands are as the
// journal holds them (secrets already redacted). Pure, no I/O.

#include <QJsonObject>
#include <QString>

namespace nr1 {

/// The entry without its time.
QString journalEntrySummary(const QJsonObject& entry);

} // namespace nr1
