#pragma once
// Contract: opens a plan for a pair of the inventory in a window of its own: probes both nodes
// (asynchronously), asks `makePlan` for the plan, shows the refusals in words when there is
// none, else a PlanRunView to preview and apply it, journaled in the pair's journal. When a
// run ends `runEnded` is called (the console refreshes the pair). The window does not close
// while steps run. Nothing blocks the event loop.

#include "plan/PairIntent.h"
#include "plan/Plan.h"

#include <QObject>
#include <functional>

class QWidget;

namespace nr1 {

class InventoryMonitor;

using PlanMaker = std::function<PlanResult(const PairState&, const PairIntent&)>;

/// Starts the probe; the dialog (or the refusal) appears when both nodes answered. `title` names
/// the window ("Repair pair testbed").
void openPlanDialog(QWidget* parent, InventoryMonitor& monitors, const QString& pair,
                    const QString& title, PlanMaker makePlan, std::function<void()> runEnded);

} // namespace nr1
