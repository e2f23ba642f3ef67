#pragma once
// Contract: opens a plan for a pair in a window of its own: reads both nodes through the pair's
// session (asynchronously), asks `makePlan` for the plan with the session's intent, shows the
// refusals in words when there is none, else a PlanRunView to preview and apply it. When a run
// ends `runEnded` is called (the console refreshes the pair). The window does not close while
// steps run. Nothing blocks the event loop. The window is handed to `opened` once it exists
// (the console keeps a list of its plan windows).

#include "plan/PairIntent.h"
#include "plan/Plan.h"

#include <QObject>
#include <functional>

class QDialog;
class QWidget;

namespace nr1 {

class PairSession;

using PlanMaker = std::function<PlanResult(const PairState&, const PairIntent&)>;

/// Starts the probe; the dialog (or the refusal) appears when both nodes answered. `title` names
/// the window ("Repair pair testbed").
void openPlanDialog(QWidget* parent, PairSession& session, const QString& title, PlanMaker makePlan,
                    std::function<void()> runEnded, std::function<void(QDialog*)> opened = {});

} // namespace nr1
