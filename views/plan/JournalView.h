#pragma once
// Contract: the audit view of a pair's journal (the file nr1 appends to at every step, see
// core/exec/Journal.h): each applied plan as a row with its title and how its run ended, under
// it every step run, skipped or undone with node, exact command (secrets redacted as the
// journal holds them), result and duration; the selected entry's details (stdout and stderr
// excerpts, failure) below. Reads the local file only; Reload reads it again. A missing
// journal says that nothing was applied from this machine yet.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace nr1 {

class JournalView : public QWidget {
    Q_OBJECT
public:
    explicit JournalView(QWidget* parent = nullptr);

    /// Shows the journal of `pair` (Journal::defaultPath); empty: nothing.
    void showPair(const QString& pair);
    /// Shows the journal in `path` (for tests and other files).
    void showFile(const QString& path, const QString& pair);
    void reload();

    const QTreeWidget* runs() const { return m_runs; }
    QString statusText() const;
    QString detailsText() const;

private:
    void showDetails();

    QString m_path;
    QString m_pair;
    QLabel* m_status;
    QTreeWidget* m_runs;
    QPlainTextEdit* m_details;
};

} // namespace nr1
