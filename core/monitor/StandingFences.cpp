#include "monitor/StandingFences.h"

#include <algorithm>

namespace nr1 {

std::vector<StandingFence> standingFences(const std::vector<QJsonObject>& entries,
                                          std::vector<StandingFence> before) {
    std::vector<StandingFence> fences = std::move(before);
    const auto text = [](const QJsonObject& entry, const char* key) {
        return entry.value(QLatin1String(key)).toString();
    };
    const auto forget = [&fences](const QString& target) {
        std::erase_if(fences, [&](const StandingFence& fence) { return fence.target == target; });
    };
    for (const QJsonObject& entry : entries) {
        const QString event = text(entry, "event");
        const QString target = text(entry, "target");
        if (target.isEmpty())
            continue;
        if (event == QLatin1String("fence") && entry.value(QLatin1String("fenced")).toBool()) {
            forget(target);
            StandingFence fence;
            fence.target = target;
            fence.role = text(entry, "node");
            fence.at = QDateTime::fromString(text(entry, "time"), Qt::ISODateWithMs).toUTC();
            fence.how = entry.contains(QLatin1String("confirmedBy"))
                            ? QStringLiteral("confirmed powered off by the administrator (%1)")
                                  .arg(text(entry, "confirmedBy"))
                            : QStringLiteral("powered off by its fence command");
            fences.push_back(fence);
        } else if ((event == QLatin1String("run") || event == QLatin1String("undo")) &&
                   text(entry, "status") == QLatin1String("exited")) {
            forget(target);
        }
    }
    return fences;
}

} // namespace nr1
