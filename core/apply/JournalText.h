#pragma once
// Contract: a journal entry in one line for people, the same in `nr1ctl journal` and the
// console's journal view: "plan: TITLE", "run 23 [primary] COMMAND → exit 0 (12 ms)",
// "undo …", "skip 4: WHY", "end: STATE FAILURE", "started 5 [primary] COMMAND, no result
// recorded" (also for an undo), interruptions and recoveries, a takeover's fencing ("fence
// primary: off, confirmed by its fence command (exit 0)"), else the event's name. Commands
// are as the journal holds them (secrets already redacted). entriesForPeople() drops the
// "start"/"undo-start" entries whose step has its result recorded (every step has one; only an
// unanswered start tells something). Summaries hold no control character (base
// visibleText). Pure, no I/O.

#include <QJsonObject>
#include <QString>
#include <vector>

namespace nr1 {

/// The entry without its time.
QString journalEntrySummary(const QJsonObject& entry);

/// The entries as people read them: without the "start" entries answered by a "run" entry of
/// the same run and step.
std::vector<QJsonObject> entriesForPeople(const std::vector<QJsonObject>& entries);

} // namespace nr1
