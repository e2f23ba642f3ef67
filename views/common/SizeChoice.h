#pragma once
// Contract: a size as a wizard asks for it: "as much as possible" (the default) or a size typed
// the way nr1ctl takes it (parseSizeRequest: 512M, 1G, 1.5T; powers of 1024). Typing a size
// selects it. value() is the SizeRequest or, when the typed text is empty or not a size, the
// sentence saying so. `changed` follows every edit.

#include "base/Sizes.h"

#include <QWidget>
#include <variant>

class QLineEdit;
class QRadioButton;

namespace nr1 {

class SizeChoice : public QWidget {
    Q_OBJECT
public:
    /// `maximumText` labels the "as much as possible" choice; `what` names the size in the
    /// message for an empty text ("the element size").
    SizeChoice(const QString& maximumText, const QString& what, const QString& placeholder,
               QWidget* parent = nullptr);

    std::variant<SizeRequest, QString> value() const;
    QRadioButton* maximumChoice() const { return m_maximum; }
    QLineEdit* sizeEdit() const { return m_size; }

signals:
    void changed();

private:
    QString m_what;
    QRadioButton* m_maximum;
    QRadioButton* m_sized;
    QLineEdit* m_size;
};

} // namespace nr1
