#pragma once
// Contract: `nr1ctl adopt`: reads both nodes of an inventory pair built by hand, discovers its
// layout (adopt/PairDiscovery), prints what was found, what is missing and what stops the
// adoption, and the pair's inventory entry as it will read; then, confirmed (typed, or --yes)
// and unless --dry-run, records it in the inventory (PairSession::recordAdoption) and prints
// the health checks the adopted pair does not pass yet, with the plan that fixes them.

#include <QStringList>

namespace nr1::ctl {

int runAdoptCommand(const QStringList& arguments);
QString adoptCommandHelp();

} // namespace nr1::ctl
