#include "transport/Command.h"

namespace nr1 {

QString commandStatusName(CommandStatus status) {
    switch (status) {
    case CommandStatus::Exited:
        return QStringLiteral("exited");
    case CommandStatus::Signalled:
        return QStringLiteral("signalled");
    case CommandStatus::TimedOut:
        return QStringLiteral("timed out");
    case CommandStatus::Cancelled:
        return QStringLiteral("cancelled");
    case CommandStatus::ConnectionFailed:
        return QStringLiteral("connection failed");
    case CommandStatus::ConnectionLost:
        return QStringLiteral("connection lost");
    case CommandStatus::PrivilegeRefused:
        return QStringLiteral("privilege refused");
    case CommandStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

QString CommandResult::summary() const {
    if (status == CommandStatus::Exited)
        return QStringLiteral("exit %1").arg(exitCode);
    return error.isEmpty() ? commandStatusName(status)
                           : QStringLiteral("%1: %2").arg(commandStatusName(status), error);
}

} // namespace nr1
