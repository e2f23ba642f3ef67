#pragma once
// Contract: one health check of a pair as a value: what it checks (a stable name and a title),
// its result (ok, warning, failing, unknown), one sentence of verdict, the evidence it read
// (which node said what) and, when it is not ok, the plan kind that fixes it ("repair"; empty
// when nr1 has no plan for it: the sentence then says what to do). Results order from best to
// worst, so a pair's verdict is the worst of its checks. Text for terminals and JSON for
// monitoring systems, from the same values. No I/O.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace nr1 {

/// Best first: ok < warning < unknown < failing (a check nr1 could not make is worse than a
/// warning: nobody knows whether the pair would survive).
enum class CheckResult { Ok, Warning, Unknown, Failing };

/// "ok", "warning", "unknown", "failing".
QString checkResultName(CheckResult result);
std::optional<CheckResult> checkResultFromName(const QString& name);

struct HealthCheck {
    QString name;  ///< stable, for scripts: "replication-acl"
    QString group; ///< "replication", "array", "boot", "identity", "nodes"
    QString title; ///< what must hold, in words: "The Secondary's ACL names only the Primary"
    CheckResult result = CheckResult::Unknown;
    QString verdict;      ///< one sentence: why this result
    QStringList evidence; ///< what was read, "NODE: fact" each
    QString fixKind;      ///< the plan kind that fixes it (nr1ctl apply KIND); empty: none
    bool operator==(const HealthCheck&) const = default;
};

using HealthChecks = std::vector<HealthCheck>;

/// The worst result of `checks`; Ok for none.
CheckResult worstResult(const HealthChecks& checks);
/// "4 of 22 checks not ok": the count both the terminal and the console show.
QString checksNotOkText(const HealthChecks& checks);
/// The check named `name`, or nullptr.
const HealthCheck* findCheck(const HealthChecks& checks, const QString& name);

/// The plan a fix kind makes now, from the probe the checks read (health/PairChecks.h).
struct FixPreview {
    QString kind;
    int steps = 0;        ///< actions of the plan the kind makes now
    QStringList refusals; ///< the planner's reasons when it refuses
    bool operator==(const FixPreview&) const = default;
};

/// "The repair plan has 7 steps now" (1 step: singular), for a fix its planner makes.
QString fixStepsText(const FixPreview& fix);

QJsonObject toJson(const HealthCheck& check);
/// {"pair", "result" (the worst), "counts": {ok, warning, unknown, failing}, "checks": [...],
/// "fixes": {KIND: {"steps": N} or {"refused": [...]}}} (docs/health.md).
QJsonObject healthJson(const QString& pair, const HealthChecks& checks,
                       const std::vector<FixPreview>& fixes);
/// One block per group, a line per check ("  ok       replication-acl  The Secondary's …"),
/// with the verdict and evidence under each that is not ok (all of them when `verbose`), and
/// at the end the verdict and the fix plans.
QString healthText(const QString& pair, const HealthChecks& checks,
                   const std::vector<FixPreview>& fixes, bool verbose);

} // namespace nr1
