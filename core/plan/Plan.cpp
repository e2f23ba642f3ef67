#include "plan/Plan.h"

#include "base/NodeScript.h"
#include "base/RemoteShell.h"

#include <QJsonArray>
#include <algorithm>

namespace nr1 {

QString nodeRoleName(NodeRole role) {
    return role == NodeRole::Primary ? QStringLiteral("primary") : QStringLiteral("secondary");
}

QStringList Action::redacted(const QStringList& command) const {
    QStringList shown = command;
    for (QString& argument : shown)
        argument = redactText(argument);
    return shown;
}

namespace {

/// The secrets, longest first: one that holds another is replaced whole, not around it.
QStringList longestFirst(QStringList secrets) {
    secrets.removeAll(QString());
    std::stable_sort(secrets.begin(), secrets.end(),
                     [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return secrets;
}

} // namespace

QString Action::redactText(QString text) const {
    for (const QString& secret : longestFirst(secrets))
        text.replace(secret, QStringLiteral("<secret>"));
    return text;
}

QByteArray Action::redactBytes(QByteArray bytes) const {
    for (const QString& secret : longestFirst(secrets))
        bytes.replace(secret.toUtf8(), QByteArrayLiteral("<secret>"));
    return bytes;
}

QString Action::displayStdin() const {
    if (stdinData.isEmpty())
        return QString();
    QStringList lines = QString::fromUtf8(stdinData).split(QLatin1Char('\n'));
    if (stdinData.endsWith('\n'))
        lines.removeLast();
    QStringList shown;
    for (const QString& line : redacted(lines))
        shown << (line.isEmpty() ? QStringLiteral("''") : displayCommandLine({line}));
    return shown.join(QLatin1Char(' '));
}

QString Action::displayArgv(const QStringList& command) const {
    return displayCommandLine(redacted(command));
}

QString Action::foldedArgv(const QStringList& command) const {
    QStringList shown = command;
    if (const std::optional<NodeScript> script = nodeScriptOf(command))
        shown = QStringList{QStringLiteral("sh"), nodeScriptFileName(*script)} + command.mid(4);
    // An argument that is a node script's text (one the step installs on the node).
    for (qsizetype i = 1; i < shown.size(); ++i)
        if (const std::optional<NodeScript> script = nodeScriptWithBody(shown[i]))
            shown[i] = QStringLiteral("<text of %1>").arg(nodeScriptFileName(*script));
    return displayArgv(shown);
}

QString Plan::preview(const QString& primaryTarget, const QString& secondaryTarget) const {
    QString text = QStringLiteral("Plan: %1\n").arg(title);
    for (const QString& warning : warnings)
        text += QStringLiteral("WARNING: %1\n").arg(warning);
    if (actions.empty())
        text += QStringLiteral("Nothing to do: the pair is already as asked.\n");
    std::optional<NodeRole> current;
    int number = 0;
    for (const Action& action : actions) {
        ++number;
        if (current != action.node) {
            current = action.node;
            const QString& target =
                action.node == NodeRole::Primary ? primaryTarget : secondaryTarget;
            text += QStringLiteral("\nOn the %1 (%2):\n").arg(nodeRoleName(action.node), target);
        }
        text += QStringLiteral("%1. %2\n").arg(number, 3).arg(action.sentence);
        text += QStringLiteral("     $ %1\n").arg(action.foldedLine());
        if (!action.stdinData.isEmpty())
            text += QStringLiteral("     stdin, one line each: %1\n").arg(action.displayStdin());
        if (action.irreversible)
            text += QStringLiteral("     undo: IRREVERSIBLE (%1)\n").arg(action.noUndoReason);
        else if (action.undo.isEmpty())
            text += QStringLiteral("     undo: none needed (%1)\n").arg(action.noUndoReason);
        for (const QStringList& undo : action.undo)
            text += QStringLiteral("     undo: %1\n").arg(action.foldedArgv(undo));
    }
    std::vector<NodeScript> scripts; // in the order the plan first runs them
    const auto list = [&scripts](std::optional<NodeScript> script) {
        if (script && std::find(scripts.begin(), scripts.end(), *script) == scripts.end())
            scripts.push_back(*script);
    };
    for (const Action& action : actions)
        for (const QStringList& command : QList<QStringList>{action.argv} + action.undo) {
            list(nodeScriptOf(command));
            for (const QString& argument : command.mid(1))
                list(nodeScriptWithBody(argument));
        }
    if (!scripts.empty())
        text += QStringLiteral("\nNode scripts: `sh NAME.sh ARGS…` above runs `sh -c BODY sh "
                               "ARGS…` with BODY the text below (core/scripts/NAME.sh).\n");
    for (const NodeScript script : scripts) {
        text += QStringLiteral("  --- %1\n").arg(nodeScriptFileName(script));
        QString body = nodeScript(script);
        if (body.endsWith(QLatin1Char('\n')))
            body.chop(1);
        for (const QString& line : body.split(QLatin1Char('\n')))
            text += QStringLiteral("    %1\n").arg(line);
    }
    if (!followUps.isEmpty())
        text += QStringLiteral("\nAfterwards:\n");
    for (const QString& followUp : followUps)
        text += QStringLiteral("  - %1\n").arg(followUp);
    return text;
}

QJsonObject Plan::toJson() const {
    QJsonArray actionArray;
    for (const Action& action : actions) {
        QJsonArray undo;
        for (const QStringList& command : action.undo)
            undo.append(action.displayArgv(command));
        QJsonArray codes;
        for (const int code : action.successExitCodes)
            codes.append(code);
        QJsonObject object{
            {QStringLiteral("node"), nodeRoleName(action.node)},
            {QStringLiteral("argv"), QJsonArray::fromStringList(action.redacted(action.argv))},
            {QStringLiteral("commandLine"), action.displayLine()},
            {QStringLiteral("sentence"), action.sentence},
            {QStringLiteral("successExitCodes"), codes},
            {QStringLiteral("timeoutSeconds"), qint64(action.timeout.count())},
            {QStringLiteral("doneWhen"), action.done.description},
            {QStringLiteral("undo"), undo},
        };
        if (!action.stdinData.isEmpty())
            object.insert(QStringLiteral("stdin"), action.displayStdin());
        if (action.undo.isEmpty())
            object.insert(QStringLiteral("noUndoReason"), action.noUndoReason);
        object.insert(QStringLiteral("irreversible"), action.irreversible);
        actionArray.append(object);
    }
    return QJsonObject{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("pair"), pairName},
        {QStringLiteral("title"), title},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("followUps"), QJsonArray::fromStringList(followUps)},
        {QStringLiteral("confirmationWord"), confirmationWord},
        {QStringLiteral("actions"), actionArray},
    };
}

} // namespace nr1
