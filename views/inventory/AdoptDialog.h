#pragma once
// Contract: the console's adoption of a pair built by hand (Pair → Adopt Existing Pair…): it
// reads both nodes through the pair's session (asynchronously, again on "Read Again"),
// discovers the pair (core/adopt) and shows what was found, what is missing and what stops the
// adoption, and the pair's inventory entry as it will read. "Record in Inventory" (enabled for
// a pair that can be adopted and whose entry would change) writes it through the session
// (PairSession::recordAdoption) and emits adopted(); a refused write is shown and nothing
// changes. Nothing is changed on the nodes. The dialog closes when its session ends (the
// console read its inventory again). Nothing blocks the event loop.

#include "adopt/PairDiscovery.h"

#include <QDialog>
#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace nr1 {

class PairSession;

class AdoptDialog : public QDialog {
    Q_OBJECT
public:
    /// Starts the first read at once.
    explicit AdoptDialog(PairSession& session, QWidget* parent = nullptr);

    /// The last discovery; nullopt before the first read ended or when a node did not answer.
    const std::optional<PairDiscovery>& discovery() const { return m_discovery; }
    /// Reads both nodes again and discovers (the button "Read Again").
    void readAgain();
    /// Records the discovery in the inventory (the button "Record in Inventory"); false, with
    /// why in the dialog, when it was not written.
    bool record();

signals:
    /// The discovery was made again from a fresh read (also when a node did not answer).
    void discovered();
    /// The pair's entry now records what was found (the console reads its inventory again).
    void adopted(const QString& pair);

private:
    void showDiscovery(const QString& entryText, bool changed);

    PairSession& m_session;
    std::optional<PairDiscovery> m_discovery;
    QLabel* m_summary = nullptr;
    QTextBrowser* m_details = nullptr;
    QPushButton* m_record = nullptr;
    QPushButton* m_again = nullptr;
};

} // namespace nr1
