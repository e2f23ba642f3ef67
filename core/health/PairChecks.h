#pragma once
// Contract: the health checks of a pair — what it must be to survive the next reboot or
// failover, read from one probe of both nodes with the intent's names (docs/health.md lists
// every check). Groups in this order: nodes, replication, array, boot, identity; a check whose
// node was not read is unknown. previewFixes asks the planner of every fix kind the checks
// name, on the same probe, so the administrator sees whether the fix would run and how many
// steps it has before applying it as every plan is applied. Pure: no I/O.

#include "health/HealthCheck.h"
#include "plan/PairIntent.h"
#include "probe/NodeProbe.h"

namespace nr1 {

/// How far apart the nodes' clocks may be before nodes-clock warns.
inline constexpr qint64 kClockToleranceSeconds = 5;

HealthChecks checkPair(const PairProbe& probe, const PairIntent& intent);
/// One preview per distinct fixKind of the checks that are not ok, in their order; none when a
/// node was not read (no plan is made then).
std::vector<FixPreview> previewFixes(const HealthChecks& checks, const PairProbe& probe,
                                     const PairIntent& intent);

} // namespace nr1
