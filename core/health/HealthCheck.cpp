#include "health/HealthCheck.h"

#include <QJsonArray>
#include <algorithm>

namespace nr1 {

QString checkResultName(CheckResult result) {
    switch (result) {
    case CheckResult::Ok:
        return QStringLiteral("ok");
    case CheckResult::Warning:
        return QStringLiteral("warning");
    case CheckResult::Unknown:
        return QStringLiteral("unknown");
    case CheckResult::Failing:
        return QStringLiteral("failing");
    }
    return QString();
}

std::optional<CheckResult> checkResultFromName(const QString& name) {
    for (CheckResult result :
         {CheckResult::Ok, CheckResult::Warning, CheckResult::Unknown, CheckResult::Failing})
        if (checkResultName(result) == name)
            return result;
    return std::nullopt;
}

CheckResult worstResult(const HealthChecks& checks) {
    CheckResult worst = CheckResult::Ok;
    for (const HealthCheck& check : checks)
        worst = std::max(worst, check.result);
    return worst;
}

QString checksNotOkText(const HealthChecks& checks) {
    const auto notOk = std::count_if(checks.begin(), checks.end(), [](const HealthCheck& check) {
        return check.result != CheckResult::Ok;
    });
    return QStringLiteral("%1 of %2 checks not ok").arg(notOk).arg(checks.size());
}

QString fixStepsText(const FixPreview& fix) {
    return fix.steps == 1
               ? QStringLiteral("The %1 plan has 1 step now").arg(fix.kind)
               : QStringLiteral("The %1 plan has %2 steps now").arg(fix.kind).arg(fix.steps);
}

const HealthCheck* findCheck(const HealthChecks& checks, const QString& name) {
    const auto found = std::find_if(checks.begin(), checks.end(),
                                    [&](const HealthCheck& check) { return check.name == name; });
    return found == checks.end() ? nullptr : &*found;
}

QJsonObject toJson(const HealthCheck& check) {
    return QJsonObject{{QStringLiteral("name"), check.name},
                       {QStringLiteral("group"), check.group},
                       {QStringLiteral("title"), check.title},
                       {QStringLiteral("result"), checkResultName(check.result)},
                       {QStringLiteral("verdict"), check.verdict},
                       {QStringLiteral("evidence"), QJsonArray::fromStringList(check.evidence)},
                       {QStringLiteral("fix"), check.fixKind.isEmpty()
                                                   ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(check.fixKind)}};
}

QJsonObject healthJson(const QString& pair, const HealthChecks& checks,
                       const std::vector<FixPreview>& fixes) {
    QJsonArray list;
    QJsonObject counts;
    for (CheckResult result :
         {CheckResult::Ok, CheckResult::Warning, CheckResult::Unknown, CheckResult::Failing})
        counts.insert(checkResultName(result), 0);
    for (const HealthCheck& check : checks) {
        list.append(toJson(check));
        const QString key = checkResultName(check.result);
        counts.insert(key, counts.value(key).toInt() + 1);
    }
    QJsonObject fixObjects;
    for (const FixPreview& fix : fixes)
        fixObjects.insert(fix.kind, fix.refusals.isEmpty()
                                        ? QJsonObject{{QStringLiteral("steps"), fix.steps}}
                                        : QJsonObject{{QStringLiteral("refused"),
                                                       QJsonArray::fromStringList(fix.refusals)}});
    return QJsonObject{{QStringLiteral("pair"), pair},
                       {QStringLiteral("result"), checkResultName(worstResult(checks))},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("checks"), list},
                       {QStringLiteral("fixes"), fixObjects}};
}

QString healthText(const QString& pair, const HealthChecks& checks,
                   const std::vector<FixPreview>& fixes, bool verbose) {
    qsizetype nameWidth = 0;
    for (const HealthCheck& check : checks)
        nameWidth = std::max(nameWidth, check.name.size());
    QString text = QStringLiteral("Pair %1\n").arg(pair);
    QString group;
    for (const HealthCheck& check : checks) {
        if (check.group != group) {
            group = check.group;
            text += QStringLiteral("\n%1\n").arg(group);
        }
        text += QStringLiteral("  %1 %2  %3\n")
                    .arg(checkResultName(check.result), -8)
                    .arg(check.name, -int(nameWidth))
                    .arg(check.title);
        if (check.result == CheckResult::Ok && !verbose)
            continue;
        const QString indent(int(nameWidth) + 13, QLatin1Char(' '));
        text += indent + check.verdict + QLatin1Char('\n');
        for (const QString& line : check.evidence)
            text += indent + QStringLiteral("  · ") + line + QLatin1Char('\n');
        if (!check.fixKind.isEmpty() && check.result != CheckResult::Ok)
            text += indent +
                    QStringLiteral("  fix: nr1ctl apply %1 --pair %2\n").arg(check.fixKind, pair);
    }
    text += QStringLiteral("\n%1: %2.\n")
                .arg(checkResultName(worstResult(checks)).toUpper(), checksNotOkText(checks));
    for (const FixPreview& fix : fixes) {
        if (fix.refusals.isEmpty())
            text += QStringLiteral("%1 (preview: nr1ctl plan %2 --pair %3).\n")
                        .arg(fixStepsText(fix), fix.kind, pair);
        else
            text += QStringLiteral("The %1 plan is refused now:\n  %2\n")
                        .arg(fix.kind, fix.refusals.join(QStringLiteral("\n  ")));
    }
    return text;
}

} // namespace nr1
