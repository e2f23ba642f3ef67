#include "exec/RemoteShell.h"

namespace nr1 {

namespace {

void appendQuoted(QByteArray& line, const QString& argument) {
    line += '\'';
    for (const char byte : argument.toUtf8()) {
        if (byte == '\'')
            line += "'\\''";
        else
            line += byte;
    }
    line += '\'';
}

} // namespace

std::optional<QByteArray> remoteCommandLine(const QStringList& argv, Elevation elevation) {
    if (argv.isEmpty() || argv.first().isEmpty())
        return std::nullopt;
    QByteArray line;
    // env applies LC_ALL=C to the program itself (after sudo's environment reset) and stops
    // reading options at the first assignment, so an argv[0] starting with '-' stays a program.
    line += elevation == Elevation::Sudo ? "sudo -n -- env LC_ALL=C" : "env LC_ALL=C";
    for (const QString& argument : argv) {
        if (argument.contains(QChar(0)))
            return std::nullopt;
        line += ' ';
        appendQuoted(line, argument);
    }
    return line;
}

bool sudoWantsPassword(int exitCode, const QByteArray& stderrData) {
    return exitCode == 1 && stderrData.startsWith("sudo:") &&
           (stderrData.contains("password is required") ||
            stderrData.contains("terminal is required"));
}

} // namespace nr1
