#pragma once
// Contract: opens a plan for a pair in a window of its own: reads both nodes through the pair's
// session (asynchronously), asks the planner of `kind` (makePlan) for the plan with the
// session's intent, shows the
// refusals in words when there is none, else a PlanRunView to preview and apply it. When a run
// ends `runEnded` is called (the console refreshes the pair). The window does not close while
// steps run. Nothing blocks the event loop. The window is handed to `opened` once it exists
// (the console keeps a list of its plan windows).

#include "plan/Plan.h"

#include <QObject>
#include <functional>

class QDialog;
class QWidget;

namespace nr1 {

class PairSession;

/// Starts the probe; the dialog (or the refusal) appears when both nodes answered. `title` names
/// the window ("Repair pair testbed").
void openPlanDialog(QWidget* parent, PairSession& session, const QString& title, QString kind,
                    std::function<void()> runEnded, std::function<void(QDialog*)> opened = {});

/// The pair's last run from its journal, when it did not end (nr1 crashed or was killed) or
/// ended failed or stopped: its plan made again from the journal (remakePlan) in a plan window
/// that can resume or roll it back (PlanRunView::takeOver). Otherwise a message says why not.
void openInterruptedRun(QWidget* parent, PairSession& session, std::function<void()> runEnded,
                        std::function<void(QDialog*)> opened = {});

} // namespace nr1
