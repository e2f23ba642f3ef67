#include "probe/NodeProbe.h"

#include "probe/ProbeScript.h"

namespace nr1 {

QStringList PairProbe::errors(const QString& primaryTarget, const QString& secondaryTarget) const {
    QStringList errors;
    if (!primary.ok())
        errors << QStringLiteral("primary (%1): %2").arg(primaryTarget, primary.error);
    if (!secondary.ok())
        errors << QStringLiteral("secondary (%1): %2").arg(secondaryTarget, secondary.error);
    return errors;
}

NodeProbe nodeProbeFromResult(const CommandResult& result, ProbeScope scope) {
    NodeProbe probe;
    probe.rawOutput = result.stdoutData;
    probe.reached = result.status != CommandStatus::ConnectionFailed &&
                    result.status != CommandStatus::ConnectionLost &&
                    result.status != CommandStatus::Rejected;
    if (result.status == CommandStatus::TimedOut) {
        // Connected, but the probe did not finish: an overloaded node or a command that hangs.
        probe.error = QStringLiteral("no answer in time: %1").arg(result.summary());
        return probe;
    }
    if (result.status != CommandStatus::Exited) {
        probe.error = QStringLiteral("not reachable: %1").arg(result.summary());
        return probe;
    }
    if (result.exitCode != 0 || result.stdoutTruncated) {
        probe.error =
            QStringLiteral("the probe failed (%1): %2")
                .arg(result.summary(), QString::fromUtf8(result.stderrData).trimmed().left(300));
        return probe;
    }
    const auto parsed = parseNodeProbe(QString::fromUtf8(result.stdoutData), scope);
    if (!parsed.ok()) {
        probe.error = parsed.error().toString();
        return probe;
    }
    probe.state = parsed.value();
    bool isNumber = false;
    const qint64 clock =
        probeSectionText(QString::fromUtf8(result.stdoutData), QStringLiteral("clock"))
            .trimmed()
            .toLongLong(&isNumber);
    if (isNumber)
        probe.clockSeconds = clock;
    probe.warnings = parsed.warnings();
    return probe;
}

} // namespace nr1
