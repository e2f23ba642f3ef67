#include "ctl/CheckCommand.h"

#include "ctl/ExitCodes.h"
#include "ctl/PairConnection.h"
#include "ctl/Terminal.h"
#include "health/PairChecks.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace nr1::ctl {

namespace {

/// The monitoring-plugin exit status of a verdict.
int exitStatusOf(CheckResult worst) {
    switch (worst) {
    case CheckResult::Ok:
        return 0;
    case CheckResult::Warning:
        return 1;
    case CheckResult::Failing:
        return 2;
    case CheckResult::Unknown:
        return 3;
    }
    return 3;
}

} // namespace

QString checkCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl check [OPTIONS]\n\n"
               "Probes both nodes of the pair (one round trip each) and checks what the pair "
               "must be\nto survive its next reboot or failover: the replication (ACL, session, "
               "login at\nboot, the imported disk), the array (RAID1, internal bitmap, "
               "write-mostly remote\nleg, in sync, mismatch count, element sizes), the boot "
               "configuration of both nodes\n(ARRAY line, boot image, ignore rule, last-resort "
               "timer, boot gate, LIO's restore\norder and saved configuration, units), the "
               "LUN's recorded identity, and the nodes\n(answering, tools, clocks, free "
               "space). Each check prints ok, warning, failing or\nunknown; those not ok "
               "print their evidence and the plan that fixes them (nr1ctl plan\nKIND shows "
               "it, nr1ctl apply KIND runs it). A node that does not answer is itself\na "
               "failing check; the checks that need it are unknown. docs/health.md lists "
               "every\ncheck.\n\n"
               "  --verbose               also the evidence of the checks that are ok\n") +
           pairOptionsHelp() + intentOptionsHelp() + ConnectionOptions::help() +
           QStringLiteral("\nExit status (as a Nagios/Icinga plugin): 0 every check ok, 1 a "
                          "warning, 2 a check\nfailing, 3 a check unknown (and none failing); "
                          "64 usage.\n");
}

int runCheckCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const auto end = options.takeOrEnd(arguments, QStringLiteral("check"), checkCommandHelp()))
        return *end;
    const bool verbose = takeFlag(arguments, QStringLiteral("--verbose"));
    auto connected = connect(options);
    if (!connected.ok()) {
        printError(QStringLiteral("check"), connected.why());
        return kExitUsage;
    }
    const auto connection = std::move(connected).value();
    PairSession& session = *connection->session;
    // A node that does not answer is a finding, not the end: the checks say what it costs.
    session.read(&session, [&](const PairProbe& probe) {
        PairIntent intent;
        QStringList rest;
        if (const QString problem = buildIntent(*connection, probe, arguments, intent, &rest);
            !problem.isEmpty() || !rest.isEmpty()) {
            printError(QStringLiteral("check"),
                       problem.isEmpty() ? QStringLiteral("unknown argument %1").arg(rest.first())
                                         : problem);
            QCoreApplication::exit(kExitUsage);
            return;
        }
        // The unread node's reason names how nr1 reaches it ("root@host:22: …").
        const PairProbe named = session.withTargetsInErrors(probe);
        const HealthChecks checks = checkPair(named, intent);
        const std::vector<FixPreview> fixes = previewFixes(checks, named, intent);
        if (options.json)
            print(QString::fromUtf8(
                QJsonDocument(healthJson(session.name(), checks, fixes)).toJson()));
        else
            print(healthText(session.name(), checks, fixes, verbose));
        QCoreApplication::exit(exitStatusOf(worstResult(checks)));
    });
    return QCoreApplication::exec();
}

} // namespace nr1::ctl
