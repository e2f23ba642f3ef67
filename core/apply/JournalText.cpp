#include "apply/JournalText.h"

#include "base/ParseResult.h"

#include <QSet>

namespace nr1 {

namespace {

QString summaryOf(const QJsonObject& entry);

} // namespace

QString journalEntrySummary(const QJsonObject& entry) {
    // Entries quote node output (failures, reasons): no control byte reaches the terminal.
    return visibleText(summaryOf(entry));
}

namespace {

QString summaryOf(const QJsonObject& entry) {
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
    if (event == QLatin1String("start") || event == QLatin1String("undo-start"))
        return QStringLiteral("%1 %2 [%3] %4, no result recorded")
            .arg(event == QLatin1String("start") ? QStringLiteral("started")
                                                 : QStringLiteral("undo started"),
                 QString::number(entry.value(QStringLiteral("index")).toInt()), text("node"),
                 text("command"));
    if (event == QLatin1String("interrupted"))
        return QStringLiteral("interrupted by %1 before action %2 ended")
            .arg(text("signal"), QString::number(entry.value(QStringLiteral("index")).toInt()));
    if (event == QLatin1String("recover"))
        return QStringLiteral("recovered by another nr1: %1, next action %2%3")
            .arg(text("state"), QString::number(entry.value(QStringLiteral("nextAction")).toInt()),
                 text("why").isEmpty() ? QString() : QStringLiteral(" (%1)").arg(text("why")));
    if (event == QLatin1String("skip"))
        return QStringLiteral("skip %1: %2")
            .arg(QString::number(entry.value(QStringLiteral("index")).toInt()), text("why"));
    if (event == QLatin1String("end"))
        return QStringLiteral("end: %1 %2").arg(text("state"), text("failure"));
    if (event == QLatin1String("fence")) { // Fencing: a takeover's, before its plan
        const QString node = text("node");
        if (entry.contains(QStringLiteral("started")))
            return QStringLiteral("fence %1: its fence command started").arg(node);
        if (entry.contains(QStringLiteral("confirmedBy")))
            return QStringLiteral("fence %1: confirmed powered off by the administrator (%2)")
                .arg(node, text("confirmedBy"));
        const QString stderrLine =
            text("stderr").isEmpty() ? QString() : QStringLiteral(": ") + text("stderr");
        const QString exitText =
            entry.contains(QStringLiteral("exit"))
                ? QStringLiteral("exit %1").arg(entry.value(QStringLiteral("exit")).toInt())
                : QStringLiteral("did not start");
        return entry.value(QStringLiteral("fenced")).toBool()
                   ? QStringLiteral("fence %1: off, confirmed by its fence command (%2)")
                         .arg(node, exitText)
                   : QStringLiteral("fence %1: FAILED (%2%3): not fenced")
                         .arg(node, exitText, stderrLine);
    }
    return event;
}

} // namespace

std::vector<QJsonObject> entriesForPeople(const std::vector<QJsonObject>& entries) {
    const auto step = [](const QJsonObject& entry) {
        return entry.value(QStringLiteral("run")).toString() + QLatin1Char('#') +
               QString::number(entry.value(QStringLiteral("index")).toInt());
    };
    // A start is answered by the step's result: "start" by "run", "undo-start" by "undo".
    QSet<QString> answered;
    for (const QJsonObject& entry : entries) {
        const QString event = entry.value(QStringLiteral("event")).toString();
        if (event == QLatin1String("run") || event == QLatin1String("undo"))
            answered.insert(event + step(entry));
    }
    std::vector<QJsonObject> shown;
    for (const QJsonObject& entry : entries) {
        const QString event = entry.value(QStringLiteral("event")).toString();
        const QString answer = event == QLatin1String("start")        ? QStringLiteral("run")
                               : event == QLatin1String("undo-start") ? QStringLiteral("undo")
                                                                      : QString();
        if (answer.isEmpty() || !answered.contains(answer + step(entry)))
            shown.push_back(entry);
    }
    return shown;
}

} // namespace nr1
