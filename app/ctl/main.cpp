// nr1ctl: the scriptable face of nr1's core. Dispatches the first argument to a command.

#include "ctl/AdoptCommand.h"
#include "ctl/CheckCommand.h"
#include "ctl/ExecCommand.h"
#include "ctl/ExitCodes.h"
#include "ctl/PairCommands.h"
#include "ctl/ParseCommand.h"
#include "ctl/WatchCommand.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

QString generalHelp() {
    return QStringLiteral(
        "Usage: nr1ctl COMMAND [ARGUMENTS]\n"
        "\n"
        "nr1ctl administers Network RAID1 node pairs from the command line.\n"
        "\n"
        "Commands:\n"
        "  parse KIND [FILE|-]   show nr1's model of a node's output as JSON\n"
        "  exec NODE -- ARGV...  run one command on a node the way nr1 runs its own\n"
        "  status                the pair: elements, session, array, volume, export\n"
        "  check                 health checks: what the next reboot or failover needs\n"
        "  adopt                 record a pair built by hand: discover its names\n"
        "  plan KIND [OPTIONS]   show the plan for create-pair, elements, array, volume,\n"
        "                        export, persistence, repair, grow, switchover, takeover,\n"
        "                        serve-alone or teardown\n"
        "  apply KIND [OPTIONS]  run that plan (confirmed, journaled, with rollback)\n"
        "  journal               the pair's audit journal\n"
        "  unlock                who holds the pair's lock; break a stale one\n"
        "  watch                 live view of the pair: arrays, sync progress, events\n"
        "\n"
        "Options:\n"
        "  -h, --help            show this help (after a command: that command's help)\n"
        "  --version             show the version\n"
        "\n"
        "Exit status: 0 ok, 1 an apply failed, 2 parse error, 3 plan refused, 64 usage,\n"
        "66 no input, 75 the pair is locked, 124 timeout, 255 a node could not be reached;\n"
        "check has its own (nr1ctl check --help).\n");
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nr1ctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NR1_VERSION));
    QStringList arguments = QCoreApplication::arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.isEmpty()) {
        err << generalHelp();
        return nr1::ctl::kExitUsage;
    }
    const QString command = arguments.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out << generalHelp();
        return nr1::ctl::kExitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "nr1ctl " << NR1_VERSION << "\n";
        return nr1::ctl::kExitOk;
    }
    if (command == QLatin1String("parse"))
        return nr1::ctl::runParseCommand(arguments);
    if (command == QLatin1String("exec"))
        return nr1::ctl::runExecCommand(arguments);
    if (command == QLatin1String("status"))
        return nr1::ctl::runStatusCommand(arguments);
    if (command == QLatin1String("check"))
        return nr1::ctl::runCheckCommand(arguments);
    if (command == QLatin1String("adopt"))
        return nr1::ctl::runAdoptCommand(arguments);
    if (command == QLatin1String("plan") || command == QLatin1String("apply"))
        return nr1::ctl::runPlanCommand(arguments, command == QLatin1String("apply"));
    if (command == QLatin1String("journal"))
        return nr1::ctl::runJournalCommand(arguments);
    if (command == QLatin1String("unlock"))
        return nr1::ctl::runUnlockCommand(arguments);
    if (command == QLatin1String("watch"))
        return nr1::ctl::runWatchCommand(arguments);
    err << "nr1ctl: unknown command '" << command << "'\n\n" << generalHelp();
    return nr1::ctl::kExitUsage;
}
