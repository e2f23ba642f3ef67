#pragma once
// Contract: the events of a pair's health checks as the monitor sees them change (a pure
// function). `known` holds the last result of every check the monitor knew; the new checks
// update it and give one CheckChanged event per check whose result changed: failing is
// critical, warning a warning, ok again ok. A node that does not answer has its own events
// (node-unreachable, node-back), so nodes-reachable is never told and an unknown result is no
// news: it neither raises an event nor forgets the last result, so a check still failing when
// the node is back is not told twice. A check not known before (the first checks) is told
// only when it is not ok.

#include "health/HealthCheck.h"
#include "monitor/MonitorEvents.h"

#include <QMap>

namespace nr1 {

std::vector<MonitorEvent> healthEvents(QMap<QString, CheckResult>& known,
                                       const HealthChecks& checks, const QString& pair,
                                       const QDateTime& at);

} // namespace nr1
