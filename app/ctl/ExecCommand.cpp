#include "ctl/ExecCommand.h"

#include "base/Numbers.h"
#include "ctl/ConnectionOptions.h"
#include "ctl/ExitCodes.h"
#include "ctl/TerminalTrust.h"
#include "ssh/SshRunner.h"

#include <QCoreApplication>
#include <cstdio>

namespace nr1::ctl {

QString execCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl exec [OPTIONS] NODE -- ARGV...\n"
               "\n"
               "Runs one command on NODE the way nr1 runs its own: over one SSH connection, each\n"
               "argument quoted for the remote shell, LC_ALL=C, through 'sudo -n' unless the "
               "login\n"
               "user is root. Prints the command's stdout and stderr and exits with its exit "
               "code;\n"
               "255 when the node could not be reached, trusted or logged in to; 124 on timeout.\n"
               "\n"
               "  --timeout SECONDS       give up after this long (default 120); the command is\n"
               "                          then stopped on the node (SIGTERM, SIGKILL after 3 s)\n"
               "\n") +
           ConnectionOptions::help();
}

int runExecCommand(const QStringList& input) {
    QStringList arguments = input;
    // Options end at "--"; everything after it is the remote argv, "--help" included.
    const auto optionIndex = [&arguments](const char* option) {
        const qsizetype at = arguments.indexOf(QLatin1String(option));
        const qsizetype separator = arguments.indexOf(QLatin1String("--"));
        return separator >= 0 && at > separator ? qsizetype(-1) : at;
    };
    if (optionIndex("--help") >= 0 || optionIndex("-h") >= 0) {
        std::fputs(qPrintable(execCommandHelp()), stdout);
        return kExitOk;
    }
    ConnectionOptions options;
    if (const QString error = options.take(arguments); !error.isEmpty()) {
        std::fprintf(stderr, "nr1ctl exec: %s\n", qPrintable(error));
        return kExitUsage;
    }
    int timeoutSeconds = 120;
    if (const qsizetype at = arguments.indexOf(QLatin1String("--timeout"));
        at >= 0 && at < arguments.indexOf(QLatin1String("--"))) {
        const std::optional<int> seconds = toInt(arguments.value(at + 1));
        timeoutSeconds = seconds.value_or(0);
        if (timeoutSeconds < 1) {
            std::fprintf(stderr, "nr1ctl exec: --timeout needs a number of seconds\n");
            return kExitUsage;
        }
        arguments.remove(at, 2);
    }
    const qsizetype separator = arguments.indexOf(QLatin1String("--"));
    if (separator != 1 || separator + 1 >= arguments.size()) {
        std::fprintf(stderr, "nr1ctl exec: expected NODE -- ARGV...\n\n%s",
                     qPrintable(execCommandHelp()));
        return kExitUsage;
    }
    const Result<SshTarget> target = options.resolve(arguments.at(0));
    if (!target.ok()) {
        std::fprintf(stderr, "nr1ctl exec: %s\n", qPrintable(target.why()));
        return kExitUsage;
    }
    TerminalTrust trust(options.acceptNewHostKey);
    SshRunner runner(target.value(), &trust);
    Command command;
    command.argv = arguments.mid(separator + 1);
    command.timeout = std::chrono::seconds(timeoutSeconds);
    int exitCode = kExitConnection;
    runner.run(
        command, &runner, [&exitCode, limit = command.outputLimit](const CommandResult& result) {
            std::fwrite(result.stdoutData.constData(), 1, size_t(result.stdoutData.size()), stdout);
            std::fwrite(result.stderrData.constData(), 1, size_t(result.stderrData.size()), stderr);
            std::fflush(stdout);
            if (result.stdoutTruncated || result.stderrTruncated)
                std::fprintf(stderr, "nr1ctl exec: output truncated at %lld bytes\n",
                             static_cast<long long>(limit));
            switch (result.status) {
            case CommandStatus::Exited:
                exitCode = result.exitCode;
                break;
            case CommandStatus::TimedOut:
                exitCode = kExitTimeout;
                std::fprintf(stderr, "nr1ctl exec: %s\n", qPrintable(result.error));
                break;
            default:
                exitCode = kExitConnection;
                std::fprintf(stderr, "nr1ctl exec: %s\n", qPrintable(result.summary()));
            }
            QCoreApplication::quit();
        });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace nr1::ctl
