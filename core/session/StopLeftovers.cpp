#include "session/StopLeftovers.h"

#include "base/NodeScript.h"
#include "session/PairSession.h"

#include <memory>

namespace nr1 {

void stopLeftovers(PairSession& session, const RecordedRun& run, QObject* context,
                   std::function<void(const Result<void>&)> done) {
    struct Answers {
        int outstanding = 0;
        QStringList failures;
    };
    auto answers = std::make_shared<Answers>();
    QList<std::pair<NodeRole, QStringList>> perNode;
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        QStringList tags;
        for (const LeftoverStep& step : run.leftovers)
            if (step.node == role && !tags.contains(step.tag))
                tags << step.tag;
        if (!tags.isEmpty())
            perNode.append({role, tags});
    }
    if (perNode.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    answers->outstanding = int(perNode.size());
    for (const auto& entry : perNode) {
        // Named copies: a lambda may not capture a structured binding before clang 16.
        const NodeRole role = entry.first;
        const QStringList tags = entry.second;
        // The grace in tenths of a second, then the tags.
        Command command = Command::of(
            nodeScriptArgv(NodeScript::StopStep, QStringList{QStringLiteral("30")} + tags));
        command.timeout = std::chrono::seconds(60);
        session.runner(role).run(
            command, context, [answers, done, role, tags, &session](const CommandResult& result) {
                if (!result.succeeded())
                    answers->failures
                        << QStringLiteral("the %1 (%2) could not confirm that the commands "
                                          "tagged %3 ended: %4 %5")
                               .arg(nodeRoleName(role), session.runner(role).describeTarget(),
                                    tags.join(QStringLiteral(", ")), result.summary(),
                                    QString::fromUtf8(result.stderrData).trimmed().left(300));
                if (--answers->outstanding > 0)
                    return;
                if (answers->failures.isEmpty())
                    done({});
                else
                    done(failure(answers->failures));
            });
    }
}

} // namespace nr1
