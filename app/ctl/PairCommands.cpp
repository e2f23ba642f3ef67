#include "ctl/PairCommands.h"

#include "apply/Journal.h"
#include "apply/JournalText.h"
#include "apply/RunRecovery.h"
#include "ctl/ApplySession.h"
#include "ctl/ExitCodes.h"
#include "ctl/IntentOptions.h"
#include "ctl/PairConnection.h"
#include "ctl/Terminal.h"
#include "plan/PairStatus.h"
#include "plan/PlanRecipe.h"
#include "session/Fencing.h"
#include "session/PairLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace nr1::ctl {

namespace {

/// Drives one Executor from the terminal: progress lines, failure handling, verification.
} // namespace

QString statusCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl status [OPTIONS]\n\n"
               "Probes both nodes of the pair (one round trip each) and shows the "
               "elements, the\nreplication session, the md array with its members' "
               "roles and any sync, the\nvolume and the LUN export.\n\n"
               "  --save-probe DIR        also write each node's raw probe output to\n"
               "                          DIR/primary.probe.txt and DIR/secondary.probe.txt\n"
               "                          (0600; DIR is made, 0700, when missing)\n") +
           pairOptionsHelp() + intentOptionsHelp() + ConnectionOptions::help();
}

QString planCommandHelp(bool apply) {
    const QString verb = apply ? QStringLiteral("apply") : QStringLiteral("plan");
    QString text =
        QStringLiteral("Usage: nr1ctl %1 KIND [OPTIONS]\n").arg(verb) +
        (apply ? QStringLiteral("       nr1ctl apply --resume|--rollback [OPTIONS]\n\n")
               : QStringLiteral("\n")) +
        (apply ? QStringLiteral("Probes the pair, makes the plan, shows it, asks for a typed "
                                "confirmation (the\nvolume or array name for destructive plans) "
                                "unless --yes, then takes the pair's lock on\nboth nodes, reads "
                                "them again and makes the plan again: when it differs from\nthe "
                                "one confirmed, the difference is printed and nothing runs. Then "
                                "it runs\nthe plan step by step, journaling every step. "
                                "On failure: --on-failure rollback|resume|stop, or\nasked on a "
                                "terminal; without either the pair is left as it is. After the "
                                "run\nthe pair is probed again and every action's result "
                                "checked.\n\n")
               : QStringLiteral("Probes the pair and prints the plan: every action per node with "
                                "the exact\ncommand line, what undoes it, warnings and "
                                "follow-ups. Nothing is changed.\n\n")) +
        QStringLiteral("KIND is one of: %1\n"
                       "  create-pair   elements, array, volume, export and persistence in one "
                       "plan\n"
                       "  repair        a pair that lost a part: stray md on the Secondary, its "
                       "export,\n"
                       "                the login, the remote leg (re-added from the bitmap, "
                       "or resynced\n"
                       "                whole if it ran alone); rejoins a node taken over "
                       "from\n"
                       "  grow          --by SIZE|max: both elements, rescan, md (new region "
                       "repaired),\n"
                       "                PV and volume\n"
                       "  switchover    both nodes up: the Secondary serves the LUN (same "
                       "identity), the\n"
                       "                Primary becomes its Secondary; the inventory's roles "
                       "swap\n"
                       "  takeover      the Primary is lost (down, fenced by its "
                       "fence_command or\n"
                       "                --confirm-primary-off): the Secondary serves alone; "
                       "roles swap\n"
                       "  serve-alone   the Secondary is lost for good (down, fenced or\n"
                       "                --confirm-secondary-off): the Primary starts md0 from "
                       "its own leg\n"
                       "                and serves alone (its boot gate held it); roles stay\n"
                       "  teardown      --level export|volume|array|elements: that layer and "
                       "all above it\n\n")
            .arg(planKinds().join(u", "));
    if (apply)
        text += QStringLiteral(
            "  --yes                   do not ask for confirmation\n"
            "  --confirm-primary-off   takeover without a fence_command: the Primary is "
            "powered off\n"
            "                          (journaled; on a terminal you are asked instead)\n"
            "  --confirm-secondary-off the same for serve-alone: the Secondary is powered "
            "off\n"
            "  --on-failure WHAT       rollback, resume or stop (default: ask "
            "on a terminal, else stop)\n"
            "  --resume, --rollback    instead of KIND: finish or undo the pair's last run from "
            "its\n"
            "                          journal, when it did not end (nr1 was killed, crashed, "
            "lost\n"
            "                          its machine) or ended failed or stopped. Its plan is made "
            "again\n"
            "                          from the probe and input journaled with it and must be "
            "the same;\n"
            "                          a step with no result recorded counts as done when the "
            "nodes\n"
            "                          show its result. SIGINT/SIGTERM during a run is journaled "
            "and\n"
            "                          the run stops after the running step (a second one quits "
            "at\n"
            "                          once); a lock left by an nr1 of this machine that is gone "
            "is\n"
            "                          taken over.\n");
    return text + pairOptionsHelp() + intentOptionsHelp() + ConnectionOptions::help() +
           QStringLiteral("\nExit status: 0 done (or nothing to do), 1 the apply failed, 3 the "
                          "planner refused\n(also: the pair changed since the plan was shown), "
                          "64 usage, 75 the pair is locked\nby another nr1 (see nr1ctl unlock), "
                          "130/143 stopped by SIGINT/SIGTERM, 255 a node could not be "
                          "reached.\n");
}

QString journalCommandHelp() {
    return QStringLiteral("Usage: nr1ctl journal [--pair NAME] [--json] [--inventory FILE]\n\n"
                          "Prints the pair's audit journal (%1): every plan applied and every "
                          "step run,\nskipped or undone, with time, node, command, exit status "
                          "and duration.\n")
        .arg(Journal::defaultPath(QStringLiteral("PAIR")));
}

QString unlockCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl unlock [OPTIONS]\n\n"
               "Every apply holds the pair's lock on both nodes (%1) from its\n"
               "start to its end; another apply is refused meanwhile (exit 75) with the holder "
               "named.\nA lock whose nr1 ended without giving it back (killed, crashed, its "
               "machine gone)\nstays until it is broken. This command shows who holds it and, "
               "once confirmed,\nbreaks it on both nodes. Break it only when that nr1 is really "
               "gone: look at the\nholder's machine and process first, and at `nr1ctl journal`.\n"
               "A reboot of a node frees its lock (it lives in /run).\n\n"
               "  --yes                   break it without asking\n")
               .arg(PairLock::lockPath(QStringLiteral("PAIR"))) +
           pairOptionsHelp() + ConnectionOptions::help();
}

int runUnlockCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const auto end =
            options.takeOrEnd(arguments, QStringLiteral("unlock"), unlockCommandHelp()))
        return *end;
    const bool yes = takeFlag(arguments, QStringLiteral("--yes"));
    QString error;
    if (!arguments.isEmpty())
        error = QStringLiteral("unknown argument %1").arg(arguments.first());
    auto connected = error.isEmpty() ? connect(options) : failure(error);
    if (!connected.ok()) {
        printError(QStringLiteral("unlock"), connected.why());
        return kExitUsage;
    }
    const auto connection = std::move(connected).value();
    PairSession& session = *connection->session;
    PairLock::holders(session, &session, [&](const Result<QStringList>& found) {
        if (!found.ok()) {
            printError(QStringLiteral("unlock"), found.why());
            QCoreApplication::exit(kExitConnection);
            return;
        }
        const QStringList& holders = found.value();
        if (holders.isEmpty()) {
            print(QStringLiteral("Pair %1 is not locked.\n").arg(session.name()));
            QCoreApplication::exit(kExitOk);
            return;
        }
        print(QStringLiteral("Pair %1 is locked:\n  %2\n")
                  .arg(session.name(), holders.join(QStringLiteral("\n  "))));
        if (!yes) {
            if (!isTerminal()) {
                printError(QStringLiteral("unlock"),
                           QStringLiteral("no terminal to confirm on: pass --yes to break it"));
                QCoreApplication::exit(kExitUsage);
                return;
            }
            print(QStringLiteral("Type 'unlock' to break it (only if that nr1 is gone): "));
            if (readLine() != QLatin1String("unlock")) {
                printError(QStringLiteral("unlock"), QStringLiteral("not confirmed: kept"));
                QCoreApplication::exit(kExitUsage);
                return;
            }
        }
        PairLock::breakLock(session, &session, [&session](const Result<void>& broken) {
            if (broken.ok())
                print(QStringLiteral("Broken: pair %1 is not locked any more.\n")
                          .arg(session.name()));
            else
                printError(QStringLiteral("unlock"), broken.why());
            QCoreApplication::exit(broken.ok() ? kExitOk : kExitConnection);
        });
    });
    return QCoreApplication::exec();
}

int runStatusCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const auto end =
            options.takeOrEnd(arguments, QStringLiteral("status"), statusCommandHelp()))
        return *end;
    QString error;
    QString saveDirectory;
    takeValue(arguments, QStringLiteral("--save-probe"), saveDirectory, error);
    auto connected = error.isEmpty() ? connect(options) : failure(error);
    if (!connected.ok()) {
        printError(QStringLiteral("status"), connected.why());
        return kExitUsage;
    }
    const auto connection = std::move(connected).value();
    probeThen(*connection, QStringLiteral("status"), [&](const PairProbe& probe) {
        // A missing folder is made, 0700 as the files: they hold LIO's configuration.
        if (!saveDirectory.isEmpty() && !QDir(saveDirectory).exists() &&
            (!QDir().mkpath(saveDirectory) ||
             !QFile(saveDirectory)
                  .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner)))
            printError(QStringLiteral("status"),
                       QStringLiteral("cannot make the folder %1").arg(saveDirectory));
        if (!saveDirectory.isEmpty()) {
            for (const auto& [name, node] :
                 {std::pair{"primary", &probe.primary}, std::pair{"secondary", &probe.secondary}}) {
                QFile file(saveDirectory + QLatin1Char('/') + QLatin1String(name) +
                           QStringLiteral(".probe.txt"));
                // 0600, also for a file that was there: the probe holds LIO's configuration.
                const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
                if (!file.open(QIODevice::WriteOnly, ownerOnly) ||
                    !file.setPermissions(ownerOnly) || file.write(node->rawOutput) < 0)
                    printError(QStringLiteral("status"),
                               QStringLiteral("cannot write %1: %2")
                                   .arg(file.fileName(), file.errorString()));
            }
        }
        PairIntent intent;
        QStringList rest;
        if (const QString problem = buildIntent(*connection, probe, arguments, intent, &rest);
            !problem.isEmpty() || !rest.isEmpty()) {
            printError(QStringLiteral("status"),
                       problem.isEmpty() ? QStringLiteral("unknown argument %1").arg(rest.first())
                                         : problem);
            QCoreApplication::exit(kExitUsage);
            return;
        }
        const PairState state = probe.pairState(intent.layout);
        if (options.json)
            print(QString::fromUtf8(QJsonDocument(pairStatusJson(state, intent)).toJson()));
        else
            print(pairStatusText(state, intent));
        QCoreApplication::exit(kExitOk);
    });
    return QCoreApplication::exec();
}

namespace {

/// --on-failure WHAT: rollback, stop, or resume where `resumeAllowed` (a rollback taken over
/// from the journal cannot turn into a resume); sets `error` otherwise.
QString takeOnFailure(QStringList& arguments, QString& error, bool resumeAllowed) {
    QString onFailure;
    takeValue(arguments, QStringLiteral("--on-failure"), onFailure, error);
    if (!onFailure.isEmpty() && onFailure != QLatin1String("rollback") &&
        onFailure != QLatin1String("stop") &&
        !(onFailure == QLatin1String("resume") && resumeAllowed))
        error = QStringLiteral("--on-failure is rollback, resume or stop");
    return onFailure;
}

/// The planner's reasons for refusing, as JSON ({"refused": […]}) or one line each.
void printRefusal(const QString& command, const QStringList& reasons, bool json) {
    if (json)
        print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("refused"),
                                                           QJsonArray::fromStringList(reasons)}})
                                    .toJson()));
    else
        for (const QString& reason : reasons)
            printError(command, QStringLiteral("refused: ") + reason);
}

int runPlanKind(const QString& kind, QStringList arguments, const PairOptions& options,
                bool apply) {
    const QString command = apply ? QStringLiteral("apply") : QStringLiteral("plan");
    QString error;
    SizeRequest growth;
    QString value;
    if (takeValue(arguments, QStringLiteral("--by"), value, error)) {
        const auto parsed = parseSizeRequest(value);
        if (!parsed.ok())
            error = QStringLiteral("--by: ") + parsed.why();
        else
            growth = parsed.value();
    } else if (kind == QLatin1String("grow") && error.isEmpty()) {
        error = QStringLiteral("grow needs --by SIZE or --by max");
    }
    TeardownLevel level = TeardownLevel::Export;
    if (takeValue(arguments, QStringLiteral("--level"), value, error)) {
        if (const auto parsed = teardownLevelFromName(value))
            level = *parsed;
        else
            error = QStringLiteral("--level is export, volume, array or elements");
    } else if (kind == QLatin1String("teardown") && error.isEmpty()) {
        error = QStringLiteral("teardown needs --level export|volume|array|elements");
    }
    const bool yes = takeFlag(arguments, QStringLiteral("--yes"));
    // A plan made while one node is lost runs only once that node is off: fenced by its
    // fence_command, or confirmed by hand.
    const std::optional<NodeRole> lost = lostNodeOf(kind);
    const bool primaryOff = takeFlag(arguments, QStringLiteral("--confirm-primary-off"));
    const bool secondaryOff = takeFlag(arguments, QStringLiteral("--confirm-secondary-off"));
    if (primaryOff && lost != NodeRole::Primary && error.isEmpty())
        error = QStringLiteral("--confirm-primary-off is for takeover only");
    if (secondaryOff && lost != NodeRole::Secondary && error.isEmpty())
        error = QStringLiteral("--confirm-secondary-off is for serve-alone only");
    const bool confirmedOff = primaryOff || secondaryOff;
    const QString lostNode =
        lost == NodeRole::Secondary ? QStringLiteral("Secondary") : QStringLiteral("Primary");
    const QString onFailure = takeOnFailure(arguments, error, true);
    if (!error.isEmpty()) {
        printError(command, error);
        return kExitUsage;
    }
    auto connected = connect(options);
    if (!connected.ok()) {
        printError(command, connected.why());
        return kExitUsage;
    }
    const auto connection = std::move(connected).value();
    std::unique_ptr<QObject> session;
    PairSession& pairSession = *connection->session;
    Fencing fencing(pairSession, lost.value_or(NodeRole::Primary));
    pairSession.read(&pairSession, [&](const PairProbe& probe) {
        PairIntent intent;
        QStringList rest;
        if (const QString problem = buildIntent(*connection, probe, arguments, intent, &rest);
            !problem.isEmpty() || !rest.isEmpty()) {
            printError(command, problem.isEmpty()
                                    ? QStringLiteral("unknown argument %1").arg(rest.first())
                                    : problem);
            QCoreApplication::exit(kExitUsage);
            return;
        }
        const Result<PairState> read = pairSession.planState(kind, probe, intent.layout);
        if (!read.ok()) {
            for (const QString& why : read.reasons())
                printError(command, why);
            const bool lostAnswers =
                lost && (*lost == NodeRole::Primary ? probe.primary : probe.secondary).reached;
            QCoreApplication::exit(lostAnswers ? kExitRefused : kExitConnection);
            return;
        }
        const PairState& state = read.value();
        PlanRecipe recipe{kind, intent, growth, level};
        PlanResult result = makePlan(recipe, state);
        if (!result.ok() && apply) {
            // Another run holds the pair (it changes the nodes while this one read them): say
            // so, as the lock would have at apply time, rather than only what the planner
            // made of a pair in the middle of a run.
            PairLock::holders(
                pairSession, &pairSession,
                [&, reasons = result.reasons()](const Result<QStringList>& held) {
                    printRefusal(command, reasons, options.json);
                    if (!held.ok() || held.value().isEmpty()) {
                        QCoreApplication::exit(kExitRefused);
                        return;
                    }
                    const QString first = held.value().first();
                    printError(command,
                               QStringLiteral("pair %1 is locked on the %2 by %3: another run "
                                              "is changing it. If that nr1 is gone, `nr1ctl "
                                              "unlock --pair %1` breaks the lock.")
                                   .arg(pairSession.name(),
                                        first.section(QStringLiteral(": "), 0, 0),
                                        first.section(QStringLiteral(": "), 1)));
                    QCoreApplication::exit(kExitLocked);
                });
            return;
        }
        if (!result.ok()) {
            printRefusal(command, result.reasons(), options.json);
            QCoreApplication::exit(kExitRefused);
            return;
        }
        Plan plan = std::move(result).value();
        if (options.json && !apply)
            print(QString::fromUtf8(QJsonDocument(plan.toJson()).toJson()));
        else if (!options.json)
            print(plan.preview(connection->session->primary().describeTarget(),
                               connection->session->secondary().describeTarget()));
        if (!apply || plan.isEmpty()) {
            QCoreApplication::exit(kExitOk);
            return;
        }
        if (!confirm(plan, yes)) {
            printError(command, QStringLiteral("not confirmed: nothing was changed"));
            QCoreApplication::exit(kExitUsage);
            return;
        }
        // At apply time the same planner is asked again, from what the nodes say then.
        auto run = [&, plan = std::move(plan), recipe = std::move(recipe)]() mutable {
            session = startApply(*connection, std::move(plan), std::move(recipe), options.json,
                                 onFailure);
        };
        if (!lost) {
            run();
            return;
        }
        if (fencing.hasFenceCommand()) {
            if (!options.json)
                print(QStringLiteral("Fencing the %1 with its fence_command…\n").arg(lostNode));
            fencing.fence([&, run](const Result<void>& fenced) mutable {
                if (!fenced.ok()) {
                    printError(command, fenced.why() + QStringLiteral(": nothing was changed"));
                    QCoreApplication::exit(kExitRefused);
                    return;
                }
                if (!options.json)
                    print(QStringLiteral("The %1 is fenced (its fence command confirmed it "
                                         "off).\n")
                              .arg(lostNode));
                run();
            });
            return;
        }
        const QString confirmOption = QStringLiteral("--confirm-%1-off").arg(lostNode.toLower());
        if (!confirmedOff) {
            if (!isTerminal()) {
                printError(command, QStringLiteral("the inventory gives the %1 no "
                                                   "fence_command: confirm that it is powered "
                                                   "off with %2")
                                        .arg(lostNode, confirmOption));
                QCoreApplication::exit(kExitUsage);
                return;
            }
            print(QStringLiteral("The inventory gives the %1 no fence_command. Type 'off' "
                                 "to confirm that it is powered off: ")
                      .arg(lostNode));
            if (readLine() != QLatin1String("off")) {
                printError(command, QStringLiteral("not confirmed: nothing was changed"));
                QCoreApplication::exit(kExitUsage);
                return;
            }
        }
        fencing.recordConfirmation(confirmedOff ? confirmOption
                                                : QStringLiteral("typed on a terminal"));
        run();
    });
    const int code = QCoreApplication::exec();
    session.reset();
    return code;
}

/// `apply --resume` / `--rollback`: the pair's last run from its journal, taken over.
int runRecovery(QStringList arguments, const PairOptions& options, bool rollback) {
    const QString command = QStringLiteral("apply");
    QString error;
    const bool yes = takeFlag(arguments, QStringLiteral("--yes"));
    const QString onFailure = takeOnFailure(arguments, error, !rollback);
    if (error.isEmpty() && !arguments.isEmpty())
        error = QStringLiteral("--resume and --rollback take no KIND and no plan options (the "
                               "journal has them): unknown argument %1")
                    .arg(arguments.first());
    if (!error.isEmpty()) {
        printError(command, error);
        return kExitUsage;
    }
    auto connected = connect(options);
    if (!connected.ok()) {
        printError(command, connected.why());
        return kExitUsage;
    }
    const auto connection = std::move(connected).value();
    const QString path = connection->session->journal().path();
    const auto contents = Journal::read(path);
    if (!contents.ok()) {
        printError(command, contents.why());
        return kExitNoInput;
    }
    const auto run = lastRun(contents.value());
    if (!run.ok()) {
        printError(command, QStringLiteral("%1 (%2)").arg(run.why(), path));
        return kExitNoInput;
    }
    for (const QString& line : run.value().describe())
        print(line + QLatin1Char('\n'));
    if (!run.value().unfinished()) {
        print(QStringLiteral("Nothing to %1: the last run ended (%2).\n")
                  .arg(rollback ? QStringLiteral("roll back") : QStringLiteral("resume"),
                       run.value().endState));
        return kExitOk;
    }
    const auto plan = remakePlan(run.value());
    if (!plan.ok()) {
        printError(command,
                   plan.why() + QStringLiteral(" Look at `nr1ctl status` and plan again: a new "
                                               "plan skips what is done."));
        return kExitRefused;
    }
    const auto recipe =
        PlanRecipe::fromJson(run.value().origin.value(QStringLiteral("recipe")).toObject());
    const QString word = rollback ? QStringLiteral("rollback") : QStringLiteral("resume");
    if (!yes) {
        if (!isTerminal()) {
            printError(command,
                       QStringLiteral("no terminal to confirm on: pass --yes to %1").arg(word));
            return kExitUsage;
        }
        print(QStringLiteral("Type '%1' to %2 this run: ")
                  .arg(word,
                       rollback ? QStringLiteral("undo what ran of") : QStringLiteral("finish")));
        if (readLine() != word) {
            printError(command, QStringLiteral("not confirmed: nothing was changed"));
            return kExitUsage;
        }
    }
    std::unique_ptr<QObject> session = startRecovery(
        *connection, plan.value(), recipe.value(), run.value(), rollback, options.json, onFailure);
    const int code = QCoreApplication::exec();
    session.reset();
    return code;
}

} // namespace

int runPlanCommand(const QStringList& input, bool apply) {
    const QString command = apply ? QStringLiteral("apply") : QStringLiteral("plan");
    QStringList arguments = input;
    PairOptions options;
    if (const auto end = options.takeOrEnd(arguments, command, planCommandHelp(apply)))
        return *end;
    if (apply && (arguments.contains(QStringLiteral("--resume")) ||
                  arguments.contains(QStringLiteral("--rollback")))) {
        const bool rollback = takeFlag(arguments, QStringLiteral("--rollback"));
        if (takeFlag(arguments, QStringLiteral("--resume")) && rollback) {
            printError(command, QStringLiteral("--resume or --rollback, not both"));
            return kExitUsage;
        }
        return runRecovery(arguments, options, rollback);
    }
    if (arguments.isEmpty() || !planKinds().contains(arguments.first())) {
        printError(command, QStringLiteral("expected KIND (%1)").arg(planKinds().join(u", ")));
        return kExitUsage;
    }
    const QString kind = arguments.takeFirst();
    return runPlanKind(kind, arguments, options, apply);
}

int runJournalCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const auto end =
            options.takeOrEnd(arguments, QStringLiteral("journal"), journalCommandHelp()))
        return *end;
    if (!arguments.isEmpty()) {
        printError(QStringLiteral("journal"),
                   QStringLiteral("unknown argument %1").arg(arguments.first()));
        return kExitUsage;
    }
    // The journal is named by the pair: with --pair it needs no inventory at all.
    QString pairName = options.pairName;
    if (pairName.isEmpty()) {
        const Result<InventoryPairFound> found = findInventoryPair(options);
        if (!found.ok()) {
            printError(QStringLiteral("journal"), found.why());
            return kExitUsage;
        }
        pairName = found.value().pair.name;
    }
    const auto read = Journal::read(Journal::defaultPath(pairName));
    if (!read.ok()) {
        printError(QStringLiteral("journal"), read.why());
        return kExitNoInput;
    }
    const JournalContents* contents = &read.value();
    for (const QString& damaged : contents->damaged)
        printError(QStringLiteral("journal"), QStringLiteral("skipped %1").arg(damaged));
    for (const QJsonObject& entry :
         options.json ? contents->entries : entriesForPeople(contents->entries)) {
        if (options.json) {
            printJsonLine(entry);
            continue;
        }
        print(entry.value(QStringLiteral("time")).toString() + QLatin1Char(' ') +
              journalEntrySummary(entry) + QLatin1Char('\n'));
    }
    return kExitOk;
}

} // namespace nr1::ctl
