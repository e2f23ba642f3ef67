#include "ctl/AdoptCommand.h"

#include "adopt/PairDiscovery.h"
#include "ctl/ExitCodes.h"
#include "ctl/PairConnection.h"
#include "ctl/Terminal.h"
#include "health/PairChecks.h"
#include "inventory/InventoryText.h"
#include "inventory/PairFields.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace nr1::ctl {

namespace {

/// The probe of both nodes in the roles the adopted entry gives them.
PairProbe inAdoptedRoles(PairProbe probe, const PairDiscovery& discovery) {
    if (discovery.rolesSwapped)
        std::swap(probe.primary, probe.secondary);
    return probe;
}

/// Asks for the typed word unless `yes`; without a terminal only --yes confirms.
bool confirmed(bool yes, const QString& inventoryPath) {
    if (yes)
        return true;
    if (!isTerminal()) {
        printError(QStringLiteral("adopt"),
                   QStringLiteral("no terminal to confirm on: pass --yes to record the pair, or "
                                  "--dry-run to only show it"));
        return false;
    }
    print(QStringLiteral("\nType 'adopt' to record this in %1: ").arg(inventoryPath));
    return readLine() == QLatin1String("adopt");
}

} // namespace

QString adoptCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl adopt [OPTIONS]\n\n"
               "Takes a Network RAID1 pair built by hand into nr1. The pair's two nodes must be "
               "in\nthe inventory (host and login; names of layers, roles and replication "
               "addresses may\nbe left out). adopt reads both nodes and discovers the pair: the "
               "node that runs a\nRAID1 array of a local LV and a disk imported over iSCSI is "
               "the Primary; the other\nnode's target and LV behind that disk; the volume group "
               "and volume on the array;\nthe LIO target that exports the volume (backstore, "
               "unit serial, initiators, CHAP\nuser). It prints what it found, what the pair "
               "lacks and anything that stops the\nadoption, and the pair's inventory entry as "
               "it will read. Confirmed, it records that\nentry (the layout's names, the nodes' "
               "roles, replication addresses and initiator\nnames), so every later plan (repair, "
               "grow, switchover, takeover, teardown) works on\nthe pair's own names. Nothing "
               "changes on the nodes. Then it lists the health checks\nthe pair does not pass "
               "yet (what nr1's design adds: boot configuration, the\nrecorded LUN identity, …) "
               "and the plan that fixes them, usually `nr1ctl apply\nrepair`.\n\n"
               "  --dry-run               show what was found; record nothing\n"
               "  --yes                   record without asking\n") +
           pairOptionsHelp() + ConnectionOptions::help() +
           QStringLiteral("\nExit status: 0 adopted (or shown, with --dry-run), 1 the inventory "
                          "could not be\nwritten or the confirmation was not given, 3 the pair "
                          "cannot be adopted (its\nproblems are listed), 64 usage, 255 a node "
                          "could not be reached.\n");
}

int runAdoptCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const auto end = options.takeOrEnd(arguments, QStringLiteral("adopt"), adoptCommandHelp()))
        return *end;
    const bool dryRun = takeFlag(arguments, QStringLiteral("--dry-run"));
    const bool yes = takeFlag(arguments, QStringLiteral("--yes"));
    if (!arguments.isEmpty()) {
        printError(QStringLiteral("adopt"),
                   QStringLiteral("unknown argument %1").arg(arguments.first()));
        return kExitUsage;
    }
    if (options.json && !dryRun && !yes) {
        printError(QStringLiteral("adopt"),
                   QStringLiteral("--json does not ask: add --yes to record, or --dry-run"));
        return kExitUsage;
    }
    auto connected = connect(options);
    if (!connected.ok()) {
        printError(QStringLiteral("adopt"), connected.why());
        return kExitUsage;
    }
    const auto connection = std::move(connected).value();
    PairSession& session = *connection->session;
    probeThen(*connection, QStringLiteral("adopt"), [&](const PairProbe& probe) {
        const PairDiscovery discovery =
            discoverPair(session.pair(), *probe.primary.state, *probe.secondary.state);
        const InventoryPair adopted = adoptedPair(session.pair(), discovery);
        QJsonObject json = discoveryJson(discovery);
        json.insert(QStringLiteral("pair"), session.name());
        if (!options.json) {
            print(QStringLiteral("Pair %1\n").arg(session.name()));
            print(discoveryText(discovery));
        }
        if (!discovery.adoptable()) {
            if (options.json)
                print(QString::fromUtf8(QJsonDocument(json).toJson()));
            else
                print(QStringLiteral("\nNothing was recorded.\n"));
            QCoreApplication::exit(kExitRefused);
            return;
        }
        const bool unchanged = adopted == session.pair();
        if (!options.json) {
            if (unchanged)
                print(QStringLiteral("\nThe inventory's entry records all of this already.\n"));
            else
                print(QStringLiteral("\nThe inventory's entry will read:\n%1%2")
                          .arg(pairItemText(fieldsOf(adopted)),
                               session.pair().layout
                                   ? QStringLiteral("(it replaces the layout recorded before)\n")
                                   : QString()));
        }
        bool written = false;
        if (!dryRun && !unchanged) {
            if (!options.json && !confirmed(yes, session.inventoryPath())) {
                QCoreApplication::exit(kExitApplyFailed);
                return;
            }
            if (const Result<void> recorded = session.recordAdoption(discovery); !recorded.ok()) {
                printError(QStringLiteral("adopt"),
                           QStringLiteral("nothing recorded: %1").arg(recorded.why()));
                QCoreApplication::exit(kExitApplyFailed);
                return;
            }
            written = true;
        }
        // What the adopted pair lacks of what nr1 makes, from the same probe.
        const PairProbe roles = session.withTargetsInErrors(inAdoptedRoles(probe, discovery));
        const PairIntent intent =
            defaultIntent(adopted, &*roles.primary.state, &*roles.secondary.state);
        const HealthChecks checks = checkPair(roles, intent);
        const std::vector<FixPreview> fixes = previewFixes(checks, roles, intent);
        if (options.json) {
            json.insert(QStringLiteral("recorded"), written);
            json.insert(QStringLiteral("health"), healthJson(session.name(), checks, fixes));
            print(QString::fromUtf8(QJsonDocument(json).toJson()));
        } else {
            if (written)
                print(QStringLiteral("\nRecorded in %1.\n").arg(session.inventoryPath()));
            else if (!unchanged)
                print(QStringLiteral("\nDry run: nothing was recorded.\n"));
            print(QStringLiteral("\nThe adopted pair's health (nr1ctl check):\n") +
                  healthText(session.name(), checks, fixes, false));
        }
        QCoreApplication::exit(kExitOk);
    });
    return QCoreApplication::exec();
}

} // namespace nr1::ctl
