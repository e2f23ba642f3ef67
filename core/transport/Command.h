#pragma once
// Contract: what a remote command is (argv, optional stdin, timeout, output cap) and what running
// it yields (status, exit code, stdout, stderr, duration, truncation marks, whether it may still
// run on the node). Shared by every CommandRunner implementation; plain values.

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <chrono>

namespace nr1 {

struct Command {
    QStringList argv;     ///< program and arguments, never a shell string
    QByteArray stdinData; ///< sent, then EOF; empty: EOF at once
    std::chrono::milliseconds timeout{std::chrono::seconds(120)};
    qsizetype outputLimit =
        64 * 1024 * 1024; ///< per stream; beyond it bytes are dropped and marked
    /// The tag the SSH runner gives the command on the node (NR1_STEP=TAG, see RemoteShell)
    /// instead of one of its own; letters, digits and '-'. A caller that journals it can have
    /// what is left of the command stopped later, by another nr1 (stop-step.sh).
    QString stepTag;

    static Command of(QStringList argv) {
        Command command;
        command.argv = std::move(argv);
        return command;
    }
    bool operator==(const Command&) const = default;
};

enum class CommandStatus {
    Exited,           ///< ran to completion; exitCode is meaningful
    Signalled,        ///< the remote process ended without an exit status (killed by a signal)
    TimedOut,         ///< the command's timeout passed; it was stopped (see mayStillRun)
    Cancelled,        ///< cancelled by the caller; it was stopped (see mayStillRun)
    ConnectionFailed, ///< could not connect, trust the host key or authenticate
    ConnectionLost,   ///< the connection broke while the command ran
    PrivilegeRefused, ///< sudo wants a password (no NOPASSWD rule for the login user)
    Rejected,         ///< not run: invalid argv, or (replay) a command nobody recorded
};

QString commandStatusName(CommandStatus status);

struct CommandResult {
    CommandStatus status = CommandStatus::Rejected;
    int exitCode = -1;
    QByteArray stdoutData;
    QByteArray stderrData;
    bool stdoutTruncated = false;
    bool stderrTruncated = false;
    std::chrono::milliseconds duration{0};
    QString error; ///< why, when status is not Exited; names the fix where there is one
    /// The runner could not confirm that the command ended on the node (the connection was lost,
    /// or stopping it failed): it may still be running there. False when it exited, or when a
    /// timed-out or cancelled command was confirmed stopped.
    bool mayStillRun = false;

    bool succeeded() const { return status == CommandStatus::Exited && exitCode == 0; }
    /// One line for logs and errors: "exit 0", "timed out after 5 s: …".
    QString summary() const;
};

/// Identifies a request to a runner, for cancel().
using RequestId = quint64;

} // namespace nr1

Q_DECLARE_METATYPE(nr1::CommandResult)
