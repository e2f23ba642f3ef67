#pragma once
// Contract: nr1ctl's pair commands: `status`, `plan KIND`, `apply KIND`, `journal` and
// `unlock` (shows who holds the pair's lock and breaks a stale one). They
// find the pair in the inventory (--pair NAME, or the only pair), reach both nodes over SSH,
// probe them in one round trip each, and run the planners and the Executor of core. `apply`
// shows the plan, asks for a typed confirmation unless --yes, prints each step as it runs,
// journals every step, and on failure rolls back, resumes or leaves the pair as it is.

#include <QStringList>

namespace nr1::ctl {

int runStatusCommand(const QStringList& arguments);
int runPlanCommand(const QStringList& arguments, bool apply);
int runJournalCommand(const QStringList& arguments);
int runUnlockCommand(const QStringList& arguments);

QString statusCommandHelp();
QString planCommandHelp(bool apply);
QString journalCommandHelp();
QString unlockCommandHelp();

} // namespace nr1::ctl
