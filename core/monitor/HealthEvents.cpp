#include "monitor/HealthEvents.h"

namespace nr1 {

std::vector<MonitorEvent> healthEvents(QMap<QString, CheckResult>& known,
                                       const HealthChecks& checks, const QString& pair,
                                       const QDateTime& at) {
    std::vector<MonitorEvent> events;
    for (const HealthCheck& check : checks) {
        // A node that does not answer has its own events (node-unreachable, node-back).
        if (check.result == CheckResult::Unknown || check.name == QLatin1String("nodes-reachable"))
            continue;
        const auto before = known.constFind(check.name);
        // A check not known before is told only when it is not ok.
        const bool changed = before == known.constEnd() ? check.result != CheckResult::Ok
                                                        : before.value() != check.result;
        known.insert(check.name, check.result);
        if (!changed)
            continue;
        MonitorEvent event;
        event.kind = MonitorEventKind::CheckChanged;
        event.time = at;
        event.pair = pair;
        event.check = check.name;
        event.severity = check.result == CheckResult::Failing   ? Health::Critical
                         : check.result == CheckResult::Warning ? Health::Warning
                                                                : Health::Ok;
        event.text =
            check.result == CheckResult::Ok
                ? QStringLiteral("Health check %1 is ok again: %2").arg(check.name, check.verdict)
                : QStringLiteral("Health check %1 is %2: %3")
                      .arg(check.name, checkResultName(check.result), check.verdict);
        events.push_back(event);
    }
    return events;
}

} // namespace nr1
