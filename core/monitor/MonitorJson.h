#pragma once
// Contract: the JSON presentation of what the monitor sees, as `nr1ctl watch --json` prints it
// (docs/monitor.md): a snapshot as {"type":"snapshot", …} and an event as {"type":"event", …}.
// camelCase keys, unknown values null, times in ISO 8601 UTC.

#include "monitor/MonitorEvents.h"
#include "monitor/PairSnapshot.h"

#include <QJsonObject>

namespace nr1 {

QJsonObject toJson(const PairSnapshot& snapshot);
QJsonObject toJson(const MonitorEvent& event);

} // namespace nr1
