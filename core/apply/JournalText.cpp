#include "apply/JournalText.h"

namespace nr1 {

QString journalEntrySummary(const QJsonObject& entry) {
    const auto text = [&entry](const char* key) {
        return entry.value(QLatin1String(key)).toString();
    };
    const QString event = text("event");
    if (event == QLatin1String("plan"))
        return QStringLiteral("plan: %1")
            .arg(entry.value(QStringLiteral("plan"))
                     .toObject()
                     .value(QStringLiteral("title"))
                     .toString());
    if (event == QLatin1String("run") || event == QLatin1String("undo"))
        return QStringLiteral("%1 %2 [%3] %4 → %5 (%6 ms)")
            .arg(event, QString::number(entry.value(QStringLiteral("index")).toInt()), text("node"),
                 text("command"),
                 text("status") == QLatin1String("exited")
                     ? QStringLiteral("exit %1").arg(entry.value(QStringLiteral("exit")).toInt())
                     : text("status"))
            .arg(entry.value(QStringLiteral("durationMs")).toInteger());
    if (event == QLatin1String("skip"))
        return QStringLiteral("skip %1: %2")
            .arg(QString::number(entry.value(QStringLiteral("index")).toInt()), text("why"));
    if (event == QLatin1String("end"))
        return QStringLiteral("end: %1 %2").arg(text("state"), text("failure"));
    return event;
}

} // namespace nr1
