#pragma once
// Contract: the console's Health view of one pair: it reads both nodes through the pair's
// session (asynchronously, again on "Check Again"), runs the health checks (core/health) with
// the session's intent and shows them as a checklist by group, each with its result's colour;
// the selected check's verdict, evidence and fix are shown below. "Fix…" asks for the plan
// that fixes the selected check (fixRequested(kind)): the console opens it in its plan window,
// previewed and applied as every plan. The view closes when its session ends (the console
// read its inventory again). Nothing blocks the event loop.

#include "health/HealthCheck.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace nr1 {

class PairSession;

class HealthDialog : public QDialog {
    Q_OBJECT
public:
    /// Starts the first read at once.
    explicit HealthDialog(PairSession& session, QWidget* parent = nullptr);

    const HealthChecks& checks() const { return m_checks; }
    /// Reads both nodes again and checks (the button "Check Again").
    void checkAgain();
    /// Selects the check named `name` (details, Fix button); false when there is none.
    bool selectCheck(const QString& name);

signals:
    /// The administrator asked for the plan of `kind` ("repair") that fixes a check.
    void fixRequested(const QString& kind);
    /// The checks were made again from a fresh read (also when a node did not answer).
    void checked();

private:
    void showChecks(const HealthChecks& checks, const std::vector<FixPreview>& fixes);
    void showSelected();

    PairSession& m_session;
    HealthChecks m_checks;
    std::vector<FixPreview> m_fixes;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QTextBrowser* m_details = nullptr;
    QPushButton* m_fix = nullptr;
    QPushButton* m_again = nullptr;
};

} // namespace nr1
