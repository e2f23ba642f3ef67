#include "base/RemoteShell.h"

#include "base/NodeScript.h"

#include <algorithm>

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

/// True when a word means itself to a POSIX shell without quotes.
bool isPlainWord(const QString& word) {
    if (word.isEmpty())
        return false;
    for (const QChar c : word) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           QStringLiteral("-_./:=@%+,").contains(c);
        if (!plain)
            return false;
    }
    return true;
}

/// True for a tag that means itself in an environment assignment and in a grep pattern.
bool isPlainTag(const QString& tag) {
    if (tag.isEmpty())
        return false;
    for (const QChar c : tag) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           c == QLatin1Char('-');
        if (!plain)
            return false;
    }
    return true;
}

} // namespace

QString displayCommandLine(const QStringList& argv) {
    QByteArray line;
    for (const QString& argument : argv) {
        if (!line.isEmpty())
            line += ' ';
        if (isPlainWord(argument))
            line += argument.toUtf8();
        else
            appendQuoted(line, argument);
    }
    return QString::fromUtf8(line);
}

std::optional<QByteArray> remoteCommandLine(const QStringList& argv, Elevation elevation,
                                            const QString& stepTag) {
    if (argv.isEmpty() || argv.first().isEmpty())
        return std::nullopt;
    if (!stepTag.isEmpty() && !isPlainTag(stepTag))
        return std::nullopt;
    QByteArray line;
    // env applies LC_ALL=C to the program itself (after sudo's environment reset) and stops
    // reading options at the first assignment, so an argv[0] starting with '-' stays a program.
    line += elevation == Elevation::Sudo ? "sudo -n -- env LC_ALL=C" : "env LC_ALL=C";
    if (!stepTag.isEmpty())
        line += " NR1_STEP=" + stepTag.toLatin1();
    for (const QString& argument : argv) {
        if (argument.contains(QChar(0)))
            return std::nullopt;
        line += ' ';
        appendQuoted(line, argument);
    }
    return line;
}

std::optional<QByteArray> remoteStopCommandLine(const QStringList& stepTags, Elevation elevation,
                                                std::chrono::milliseconds grace) {
    if (stepTags.isEmpty())
        return std::nullopt;
    for (const QString& tag : stepTags)
        if (!isPlainTag(tag))
            return std::nullopt;
    const qint64 tenths = std::max<qint64>(1, grace.count() / 100);
    return remoteCommandLine(
        nodeScriptArgv(NodeScript::StopStep, QStringList{QString::number(tenths)} + stepTags),
        elevation);
}

bool sudoWantsPassword(int exitCode, const QByteArray& stderrData) {
    return exitCode == 1 && stderrData.startsWith("sudo:") &&
           (stderrData.contains("password is required") ||
            stderrData.contains("terminal is required"));
}

} // namespace nr1
