#include "apply/JournalText.h"

#include <QSet>

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
    if (event == QLatin1String("start"))
        return QStringLiteral("started %1 [%2] %3, no result recorded")
            .arg(QString::number(entry.value(QStringLiteral("index")).toInt()), text("node"),
                 text("command"));
    if (event == QLatin1String("skip"))
        return QStringLiteral("skip %1: %2")
            .arg(QString::number(entry.value(QStringLiteral("index")).toInt()), text("why"));
    if (event == QLatin1String("end"))
        return QStringLiteral("end: %1 %2").arg(text("state"), text("failure"));
    return event;
}

std::vector<QJsonObject> entriesForPeople(const std::vector<QJsonObject>& entries) {
    const auto step = [](const QJsonObject& entry) {
        return entry.value(QStringLiteral("run")).toString() + QLatin1Char('#') +
               QString::number(entry.value(QStringLiteral("index")).toInt());
    };
    QSet<QString> answered;
    for (const QJsonObject& entry : entries)
        if (entry.value(QStringLiteral("event")).toString() == QLatin1String("run"))
            answered.insert(step(entry));
    std::vector<QJsonObject> shown;
    for (const QJsonObject& entry : entries)
        if (entry.value(QStringLiteral("event")).toString() != QLatin1String("start") ||
            !answered.contains(step(entry)))
            shown.push_back(entry);
    return shown;
}

} // namespace nr1
