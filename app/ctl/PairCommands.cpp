#include "ctl/PairCommands.h"

#include "ctl/ConnectionOptions.h"
#include "ctl/ExitCodes.h"
#include "ctl/IntentOptions.h"
#include "ctl/TerminalTrust.h"
#include "exec/Executor.h"
#include "exec/Journal.h"
#include "plan/PairStatus.h"
#include "plan/Planners.h"
#include "probe/PairProber.h"
#include "ssh/SshRunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace nr1::ctl {

namespace {

void print(const QString& text) {
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

void printError(const QString& command, const QString& text) {
    std::fprintf(stderr, "nr1ctl %s: %s\n", qPrintable(command), qPrintable(text));
}

void printJsonLine(const QJsonObject& object) {
    print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
          QLatin1Char('\n'));
}

/// Both nodes of one inventory pair, reachable over SSH.
struct PairConnection {
    Inventory inventory;
    InventoryPair pair;
    std::unique_ptr<TerminalTrust> trust;
    std::unique_ptr<SshRunner> primary;
    std::unique_ptr<SshRunner> secondary;
};

/// Common options of the pair commands, taken out of the argument list.
struct PairOptions {
    ConnectionOptions connection;
    QString pairName;
    bool json = false;
    bool help = false;

    QString take(QStringList& arguments) {
        help = takeFlag(arguments, QStringLiteral("--help")) ||
               takeFlag(arguments, QStringLiteral("-h"));
        json = takeFlag(arguments, QStringLiteral("--json"));
        QString error;
        takeValue(arguments, QStringLiteral("--pair"), pairName, error);
        if (!error.isEmpty())
            return error;
        return connection.take(arguments);
    }
};

QString pairOptionsHelp() {
    return QStringLiteral("  --pair NAME             the pair (may be left out when the inventory "
                          "holds one)\n"
                          "  --json                  machine-readable output\n");
}

std::unique_ptr<PairConnection> connect(const PairOptions& options, QString& error) {
    const QString path = options.connection.inventoryPath.isEmpty()
                             ? ConnectionOptions::defaultInventoryPath()
                             : options.connection.inventoryPath;
    const auto loaded = loadInventory(path);
    if (!loaded.ok()) {
        error = loaded.error().toString();
        return nullptr;
    }
    auto connection = std::make_unique<PairConnection>();
    connection->inventory = loaded.value();
    const Inventory& inventory = connection->inventory;
    const InventoryPair* pair = nullptr;
    if (!options.pairName.isEmpty())
        pair = inventory.findPair(options.pairName);
    else if (inventory.pairs.size() == 1)
        pair = &inventory.pairs.front();
    if (!pair) {
        error =
            options.pairName.isEmpty()
                ? QStringLiteral("the inventory %1 holds %2 pairs: name one with --pair")
                      .arg(path)
                      .arg(inventory.pairs.size())
                : QStringLiteral("no pair '%1' in the inventory %2").arg(options.pairName, path);
        return nullptr;
    }
    connection->pair = *pair;
    auto targetFor = [&](const InventoryNode& node) {
        SshTarget target = sshTargetFor(inventory, node);
        if (!options.connection.knownHostsFile.isEmpty())
            target.knownHostsFile = options.connection.knownHostsFile;
        if (!options.connection.identity.isEmpty())
            target.identityFiles = {options.connection.identity};
        if (!options.connection.user.isEmpty())
            target.user = options.connection.user;
        return target;
    };
    connection->trust = std::make_unique<TerminalTrust>(options.connection.acceptNewHostKey);
    connection->primary =
        std::make_unique<SshRunner>(targetFor(pair->primary), connection->trust.get());
    connection->secondary =
        std::make_unique<SshRunner>(targetFor(pair->secondary), connection->trust.get());
    return connection;
}

/// The intent for the pair: inventory defaults, the probed initiator name when the inventory
/// has none, then the command line's options.
QString buildIntent(const PairConnection& connection, const PairProbe& probe, QStringList arguments,
                    PairIntent& intent, QStringList* rest = nullptr) {
    intent = defaultIntent(connection.pair);
    if (intent.primaryInitiator.isEmpty() && probe.primary.ok())
        intent.primaryInitiator = probe.primary.state->initiatorName.name;
    const QString error = takeIntentOptions(arguments, intent);
    if (rest)
        *rest = arguments;
    return error;
}

bool isTerminal() {
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

QString readLine() {
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

/// Probes both nodes; calls `then` with the probe, or prints why not and quits with 255.
void probeThen(PairConnection& connection, const QString& command,
               std::function<void(const PairProbe&)> then) {
    probePair(*connection.primary, *connection.secondary, QCoreApplication::instance(),
              [&connection, command, then = std::move(then)](const PairProbe& probe) {
                  if (!probe.ok()) {
                      for (const QString& error :
                           probe.errors(connection.primary->describeTarget(),
                                        connection.secondary->describeTarget()))
                          printError(command, error);
                      QCoreApplication::exit(kExitConnection);
                      return;
                  }
                  then(probe);
              });
}

PlanResult makePlan(const QString& kind, const PairState& state, const PairIntent& intent,
                    const SizeRequest& growth, TeardownLevel level) {
    if (kind == QLatin1String("create-pair"))
        return planCreatePair(state, intent);
    if (kind == QLatin1String("elements"))
        return planElements(state, intent);
    if (kind == QLatin1String("array"))
        return planArray(state, intent);
    if (kind == QLatin1String("volume"))
        return planVolume(state, intent);
    if (kind == QLatin1String("export"))
        return planExport(state, intent);
    if (kind == QLatin1String("persistence"))
        return planPersistence(state, intent);
    if (kind == QLatin1String("repair"))
        return planRepair(state, intent);
    if (kind == QLatin1String("grow"))
        return planGrow(state, intent, growth);
    return planTeardown(state, intent, level);
}

const QStringList kPlanKinds = {
    QStringLiteral("create-pair"), QStringLiteral("elements"), QStringLiteral("array"),
    QStringLiteral("volume"),      QStringLiteral("export"),   QStringLiteral("persistence"),
    QStringLiteral("repair"),      QStringLiteral("grow"),     QStringLiteral("teardown")};

/// Drives one Executor from the terminal: progress lines, failure handling, verification.
class ApplySession : public QObject {
public:
    ApplySession(PairConnection& connection, Plan plan, PairIntent intent, bool json,
                 QString onFailure)
        : m_connection(connection)
        , m_intent(std::move(intent))
        , m_json(json)
        , m_onFailure(std::move(onFailure))
        , m_journal(Journal::defaultPath(connection.pair.name))
        , m_executor(std::move(plan), *connection.primary, *connection.secondary, &m_journal) {
        connect(&m_executor, &Executor::actionStarted, this, [this](int index) {
            const Action& action = m_executor.plan().actions[size_t(index)];
            if (m_json)
                printJsonLine({{QStringLiteral("event"), QStringLiteral("start")},
                               {QStringLiteral("index"), index + 1},
                               {QStringLiteral("node"), nodeRoleName(action.node)},
                               {QStringLiteral("command"), action.displayLine()}});
            else
                print(QStringLiteral("[%1/%2] %3: %4\n      $ %5\n")
                          .arg(index + 1)
                          .arg(m_executor.plan().actions.size())
                          .arg(nodeRoleName(action.node), action.sentence, action.displayLine()));
        });
        connect(&m_executor, &Executor::actionSkipped, this, [this](int index, const QString& why) {
            if (m_json)
                printJsonLine({{QStringLiteral("event"), QStringLiteral("skip")},
                               {QStringLiteral("index"), index + 1},
                               {QStringLiteral("why"), why}});
            else
                print(QStringLiteral("[%1/%2] skipped: %3\n")
                          .arg(index + 1)
                          .arg(m_executor.plan().actions.size())
                          .arg(why));
        });
        connect(&m_executor, &Executor::actionFinished, this,
                [this](int index, const CommandResult& result, bool ok) {
                    if (m_json) {
                        printJsonLine(
                            {{QStringLiteral("event"), QStringLiteral("finish")},
                             {QStringLiteral("index"), index + 1},
                             {QStringLiteral("ok"), ok},
                             {QStringLiteral("exit"), result.exitCode},
                             {QStringLiteral("status"), commandStatusName(result.status)},
                             {QStringLiteral("durationMs"), qint64(result.duration.count())}});
                        return;
                    }
                    print(QStringLiteral("      %1 (%2, %3 s)\n")
                              .arg(ok ? QStringLiteral("ok") : QStringLiteral("FAILED"),
                                   result.summary())
                              .arg(double(result.duration.count()) / 1000.0, 0, 'f', 1));
                    if (!ok) {
                        const QString out = QString::fromUtf8(result.stdoutData).trimmed();
                        const QString err = QString::fromUtf8(result.stderrData).trimmed();
                        if (!out.isEmpty())
                            print(QStringLiteral("      stdout: %1\n").arg(out.left(2000)));
                        if (!err.isEmpty())
                            print(QStringLiteral("      stderr: %1\n").arg(err.left(2000)));
                    }
                });
        connect(&m_executor, &Executor::undoStarted, this, [this](int index, const QStringList&) {
            const Action& action = m_executor.plan().actions[size_t(index)];
            if (!m_json)
                print(QStringLiteral("  undo %1 on the %2\n")
                          .arg(index + 1)
                          .arg(nodeRoleName(action.node)));
        });
        connect(&m_executor, &Executor::undoFinished, this,
                [this](int index, const CommandResult& result, bool ok) {
                    if (m_json)
                        printJsonLine({{QStringLiteral("event"), QStringLiteral("undo")},
                                       {QStringLiteral("index"), index + 1},
                                       {QStringLiteral("ok"), ok},
                                       {QStringLiteral("exit"), result.exitCode}});
                    else
                        print(
                            QStringLiteral("      %1 (%2)\n")
                                .arg(ok ? QStringLiteral("undone") : QStringLiteral("UNDO FAILED"),
                                     result.summary()));
                });
        connect(&m_executor, &Executor::finished, this,
                [this](Executor::State state) { onFinished(state); });
    }

    void start(const PairState& state) { m_executor.apply(state); }

private:
    void onFinished(Executor::State state) {
        if (m_json)
            printJsonLine({{QStringLiteral("event"), QStringLiteral("end")},
                           {QStringLiteral("state"), Executor::stateName(state)},
                           {QStringLiteral("failure"), m_executor.failure()},
                           {QStringLiteral("journal"), m_journal.path()}});
        switch (state) {
        case Executor::State::Done:
            verify();
            return;
        case Executor::State::Failed:
        case Executor::State::Stopped:
            if (!m_json)
                print(QStringLiteral("\nThe plan stopped: %1\n").arg(m_executor.failure()));
            decide();
            return;
        case Executor::State::RolledBack:
            if (!m_json)
                print(
                    QStringLiteral("Rolled back: every action that ran was undone.\nJournal: %1\n")
                        .arg(m_journal.path()));
            QCoreApplication::exit(kExitApplyFailed);
            return;
        default:
            if (!m_json)
                print(QStringLiteral("%1: %2\nJournal: %3\n")
                          .arg(Executor::stateName(state), m_executor.failure(), m_journal.path()));
            QCoreApplication::exit(kExitApplyFailed);
        }
    }

    /// Rollback, resume or leave: --on-failure, else asked on a terminal, else leave.
    void decide() {
        QString choice = m_onFailure;
        if (choice.isEmpty() && isTerminal() && !m_json) {
            print(QStringLiteral("[r]oll back what ran, re-probe and re[s]ume, or [l]eave the pair "
                                 "as it is? "));
            const QString answer = readLine().toLower();
            choice = answer.startsWith(u'r')   ? QStringLiteral("rollback")
                     : answer.startsWith(u's') ? QStringLiteral("resume")
                                               : QStringLiteral("stop");
        }
        if (choice == QLatin1String("rollback") && m_executor.canRollback()) {
            m_executor.rollback();
            return;
        }
        if (choice == QLatin1String("resume")) {
            probeThen(m_connection, QStringLiteral("apply"), [this](const PairProbe& probe) {
                m_executor.resume(probe.pairState(m_intent.layout));
            });
            return;
        }
        if (!m_json)
            print(QStringLiteral("Left as it is. 'nr1ctl apply' with the same options resumes "
                                 "(finished actions are skipped).\nJournal: %1\n")
                      .arg(m_journal.path()));
        QCoreApplication::exit(kExitApplyFailed);
    }

    /// Re-probes and checks every action's postcondition.
    void verify() {
        probeThen(m_connection, QStringLiteral("apply"), [this](const PairProbe& probe) {
            const PairState state = probe.pairState(m_intent.layout);
            QStringList unmet;
            for (const Action& action : m_executor.plan().actions)
                if (action.done.isSet() && !action.done.holds(state))
                    unmet << action.done.description;
            QJsonObject entry{{QStringLiteral("event"), QStringLiteral("verify")},
                              {QStringLiteral("unmet"), QJsonArray::fromStringList(unmet)}};
            entry.insert(QStringLiteral("pair"), m_connection.pair.name);
            m_journal.append(entry);
            if (m_json)
                printJsonLine(entry);
            else if (unmet.isEmpty())
                print(QStringLiteral("Done. Re-probed: every action's result is in place.\n"
                                     "Journal: %1\n")
                          .arg(m_journal.path()));
            else
                print(QStringLiteral("Done, but the re-probe does not show: %1\nJournal: %2\n")
                          .arg(unmet.join(u"; "), m_journal.path()));
            if (!m_json)
                for (const QString& followUp : m_executor.plan().followUps)
                    print(QStringLiteral("Next: %1\n").arg(followUp));
            QCoreApplication::exit(unmet.isEmpty() ? kExitOk : kExitApplyFailed);
        });
    }

    PairConnection& m_connection;
    PairIntent m_intent;
    bool m_json;
    QString m_onFailure;
    Journal m_journal;
    Executor m_executor;
};

/// Asks for the typed confirmation; true when given.
bool confirm(const Plan& plan, bool yes) {
    if (yes)
        return true;
    if (!isTerminal()) {
        printError(QStringLiteral("apply"),
                   QStringLiteral("no terminal to confirm on: pass --yes to apply without asking"));
        return false;
    }
    const QString word =
        plan.confirmationWord.isEmpty() ? QStringLiteral("apply") : plan.confirmationWord;
    print(
        QStringLiteral("\nType '%1' to run these %2 actions: ").arg(word).arg(plan.actions.size()));
    return readLine() == word;
}

} // namespace

QString statusCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl status [OPTIONS]\n\n"
               "Probes both nodes of the pair (one round trip each) and shows the "
               "elements, the\nreplication session, the md array with its members' "
               "roles and any sync, the\nvolume and the LUN export.\n\n"
               "  --save-probe DIR        also write each node's raw probe output to\n"
               "                          DIR/primary.probe.txt and DIR/secondary.probe.txt\n") +
           pairOptionsHelp() + intentOptionsHelp() + ConnectionOptions::help();
}

QString planCommandHelp(bool apply) {
    const QString verb = apply ? QStringLiteral("apply") : QStringLiteral("plan");
    QString text =
        QStringLiteral("Usage: nr1ctl %1 KIND [OPTIONS]\n\n").arg(verb) +
        (apply ? QStringLiteral("Probes the pair, makes the plan, shows it, asks for a typed "
                                "confirmation (the\nvolume or array name for destructive plans) "
                                "unless --yes, then runs it step by\nstep, journaling every step. "
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
                       "                the login, the remote leg (put back into the array)\n"
                       "  grow          --by SIZE|max: both elements, rescan, md (new region "
                       "repaired),\n"
                       "                PV and volume\n"
                       "  teardown      --level export|volume|array|elements: that layer and "
                       "all above it\n\n")
            .arg(kPlanKinds.join(u", "));
    if (apply)
        text += QStringLiteral("  --yes                   do not ask for confirmation\n"
                               "  --on-failure WHAT       rollback, resume or stop (default: ask "
                               "on a terminal, else stop)\n");
    return text + pairOptionsHelp() + intentOptionsHelp() + ConnectionOptions::help() +
           QStringLiteral("\nExit status: 0 done (or nothing to do), 1 the apply failed, 3 the "
                          "planner refused,\n64 usage, 255 a node could not be reached.\n");
}

QString journalCommandHelp() {
    return QStringLiteral("Usage: nr1ctl journal [--pair NAME] [--json] [--inventory FILE]\n\n"
                          "Prints the pair's audit journal (%1): every plan applied and every "
                          "step run,\nskipped or undone, with time, node, command, exit status "
                          "and duration.\n")
        .arg(Journal::defaultPath(QStringLiteral("PAIR")));
}

int runStatusCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const QString error = options.take(arguments); !error.isEmpty()) {
        printError(QStringLiteral("status"), error);
        return kExitUsage;
    }
    if (options.help) {
        print(statusCommandHelp());
        return kExitOk;
    }
    QString error;
    QString saveDirectory;
    takeValue(arguments, QStringLiteral("--save-probe"), saveDirectory, error);
    auto connection = error.isEmpty() ? connect(options, error) : nullptr;
    if (!connection) {
        printError(QStringLiteral("status"), error);
        return kExitUsage;
    }
    probeThen(*connection, QStringLiteral("status"), [&](const PairProbe& probe) {
        if (!saveDirectory.isEmpty()) {
            for (const auto& [name, node] :
                 {std::pair{"primary", &probe.primary}, std::pair{"secondary", &probe.secondary}}) {
                QFile file(saveDirectory + QLatin1Char('/') + QLatin1String(name) +
                           QStringLiteral(".probe.txt"));
                if (!file.open(QIODevice::WriteOnly) || file.write(node->rawOutput) < 0)
                    printError(QStringLiteral("status"),
                               QStringLiteral("cannot write %1").arg(file.fileName()));
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

int runPlanCommand(const QStringList& input, bool apply) {
    const QString command = apply ? QStringLiteral("apply") : QStringLiteral("plan");
    QStringList arguments = input;
    PairOptions options;
    if (const QString error = options.take(arguments); !error.isEmpty()) {
        printError(command, error);
        return kExitUsage;
    }
    if (options.help) {
        print(planCommandHelp(apply));
        return kExitOk;
    }
    if (arguments.isEmpty() || !kPlanKinds.contains(arguments.first())) {
        printError(command, QStringLiteral("expected KIND (%1)").arg(kPlanKinds.join(u", ")));
        return kExitUsage;
    }
    const QString kind = arguments.takeFirst();
    QString error;
    SizeRequest growth;
    QString value;
    if (takeValue(arguments, QStringLiteral("--by"), value, error)) {
        const auto parsed = parseSizeRequest(value);
        if (const QString* problem = std::get_if<QString>(&parsed))
            error = QStringLiteral("--by: ") + *problem;
        else
            growth = std::get<SizeRequest>(parsed);
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
    QString onFailure;
    takeValue(arguments, QStringLiteral("--on-failure"), onFailure, error);
    if (!onFailure.isEmpty() && onFailure != QLatin1String("rollback") &&
        onFailure != QLatin1String("resume") && onFailure != QLatin1String("stop"))
        error = QStringLiteral("--on-failure is rollback, resume or stop");
    if (!error.isEmpty()) {
        printError(command, error);
        return kExitUsage;
    }
    auto connection = connect(options, error);
    if (!connection) {
        printError(command, error);
        return kExitUsage;
    }
    std::unique_ptr<ApplySession> session;
    probeThen(*connection, command, [&](const PairProbe& probe) {
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
        const PairState state = probe.pairState(intent.layout);
        PlanResult result = makePlan(kind, state, intent, growth, level);
        if (!result.ok()) {
            if (options.json)
                print(QString::fromUtf8(
                    QJsonDocument(QJsonObject{{QStringLiteral("refused"),
                                               QJsonArray::fromStringList(result.refusals)}})
                        .toJson()));
            else
                for (const QString& reason : result.refusals)
                    printError(command, QStringLiteral("refused: ") + reason);
            QCoreApplication::exit(kExitRefused);
            return;
        }
        Plan plan = std::move(*result.plan);
        if (options.json && !apply)
            print(QString::fromUtf8(QJsonDocument(plan.toJson()).toJson()));
        else if (!options.json)
            print(plan.preview(connection->primary->describeTarget(),
                               connection->secondary->describeTarget()));
        if (!apply || plan.isEmpty()) {
            QCoreApplication::exit(kExitOk);
            return;
        }
        if (!confirm(plan, yes)) {
            printError(command, QStringLiteral("not confirmed: nothing was changed"));
            QCoreApplication::exit(kExitUsage);
            return;
        }
        session = std::make_unique<ApplySession>(*connection, std::move(plan), intent, options.json,
                                                 onFailure);
        session->start(state);
    });
    const int code = QCoreApplication::exec();
    session.reset();
    return code;
}

int runJournalCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const QString error = options.take(arguments); !error.isEmpty()) {
        printError(QStringLiteral("journal"), error);
        return kExitUsage;
    }
    if (options.help) {
        print(journalCommandHelp());
        return kExitOk;
    }
    if (!arguments.isEmpty()) {
        printError(QStringLiteral("journal"),
                   QStringLiteral("unknown argument %1").arg(arguments.first()));
        return kExitUsage;
    }
    QString pairName = options.pairName;
    if (pairName.isEmpty()) {
        const QString path = options.connection.inventoryPath.isEmpty()
                                 ? ConnectionOptions::defaultInventoryPath()
                                 : options.connection.inventoryPath;
        const auto loaded = loadInventory(path);
        if (!loaded.ok() || loaded.value().pairs.size() != 1) {
            printError(QStringLiteral("journal"), loaded.ok()
                                                      ? QStringLiteral("name the pair with --pair")
                                                      : loaded.error().toString());
            return kExitUsage;
        }
        pairName = loaded.value().pairs.front().name;
    }
    QString error;
    const auto entries = Journal::read(Journal::defaultPath(pairName), &error);
    if (!entries) {
        printError(QStringLiteral("journal"), error);
        return kExitNoInput;
    }
    for (const QJsonObject& entry : *entries) {
        if (options.json) {
            printJsonLine(entry);
            continue;
        }
        const QString event = entry.value(QStringLiteral("event")).toString();
        const QString time = entry.value(QStringLiteral("time")).toString();
        if (event == QLatin1String("plan"))
            print(QStringLiteral("%1 plan: %2\n")
                      .arg(time, entry.value(QStringLiteral("plan"))
                                     .toObject()
                                     .value(QStringLiteral("title"))
                                     .toString()));
        else if (event == QLatin1String("run") || event == QLatin1String("undo"))
            print(
                QStringLiteral("%1 %2 %3 [%4] %5 → %6 (%7 ms)\n")
                    .arg(time, event, QString::number(entry.value(QStringLiteral("index")).toInt()),
                         entry.value(QStringLiteral("node")).toString(),
                         entry.value(QStringLiteral("command")).toString(),
                         entry.value(QStringLiteral("status")).toString() == QLatin1String("exited")
                             ? QStringLiteral("exit %1").arg(
                                   entry.value(QStringLiteral("exit")).toInt())
                             : entry.value(QStringLiteral("status")).toString())
                    .arg(entry.value(QStringLiteral("durationMs")).toInteger()));
        else if (event == QLatin1String("skip"))
            print(QStringLiteral("%1 skip %2: %3\n")
                      .arg(time, QString::number(entry.value(QStringLiteral("index")).toInt()),
                           entry.value(QStringLiteral("why")).toString()));
        else if (event == QLatin1String("end"))
            print(QStringLiteral("%1 end: %2 %3\n")
                      .arg(time, entry.value(QStringLiteral("state")).toString(),
                           entry.value(QStringLiteral("failure")).toString()));
        else
            print(QStringLiteral("%1 %2\n").arg(time, event));
    }
    return kExitOk;
}

} // namespace nr1::ctl
