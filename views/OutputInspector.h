#pragma once
// Contract: a widget that shows what nr1 understands of a node's output: the administrator
// pastes or opens text (mdstat, mdadm --detail, saveconfig.json, …), picks its kind, and sees
// the parsed model as a tree, or the error with its line, plus any skipped lines. It uses the
// same parser catalogue as `nr1ctl parse` and parses on every edit (parsers are fast and pure).

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;
class QJsonValue;

namespace nr1 {

class OutputInspector : public QWidget {
    Q_OBJECT
public:
    explicit OutputInspector(QWidget* parent = nullptr);

    void setText(const QString& text);
    /// Selects a kind by name; returns false if there is no such kind.
    bool setKind(const QString& kind);
    QString kind() const;
    /// The status line: "Parsed", the error, or the warnings count.
    QString statusText() const;
    const QTreeWidget* tree() const { return m_tree; }

private:
    void reparse();
    static void fill(QTreeWidgetItem* parent, const QString& key, const QJsonValue& value);

    QComboBox* m_kind;
    QPlainTextEdit* m_input;
    QTreeWidget* m_tree;
    QLabel* m_status;
};

} // namespace nr1
