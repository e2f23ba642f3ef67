#pragma once
// Contract: the one widget for a size that may be "as much as possible" — the wizards' element
// and volume sizes and the grow dialog's growth. Two choices: "as much as possible", or a size
// typed the way nr1ctl takes it (parseSizeRequest: 512M, 1G, 1.5T; powers of 1024). The text
// field is enabled only while the typed size is chosen (choosing it puts the cursor there);
// giving it text chooses it. value() is the SizeRequest or, when the typed text is empty or not
// a size, a failure whose one reason is the sentence saying so. setValue() shows a request (a size
// in its largest exact unit: "1G", "1536M"); clear() chooses the typed size with no text, nothing
// given yet. `changed` follows every edit, and comes once per setValue() or clear().

#include "base/Sizes.h"

#include <QWidget>

class QLineEdit;
class QRadioButton;

namespace nr1 {

/// What a SizeChoice says, each with its shortcut where it is a label.
struct SizeChoiceTexts {
    QString maximum;     ///< the "as much as possible" choice: "As &much as both nodes allow"
    QString sized;       ///< the typed size's choice: "&Size:", "&Grow by:"
    QString what;        ///< what is asked, for "Give %1, or choose …": "the element size"
    QString placeholder; ///< the field's hint: "e.g. 1G, 512M, 1.5T"
};

class SizeChoice : public QWidget {
    Q_OBJECT
public:
    /// Starts on "as much as possible".
    explicit SizeChoice(const SizeChoiceTexts& texts, QWidget* parent = nullptr);

    Result<SizeRequest> value() const;
    void setValue(const SizeRequest& request);
    void clear();

    QRadioButton* maximumChoice() const { return m_maximum; }
    QRadioButton* sizedChoice() const { return m_sized; }
    QLineEdit* sizeEdit() const { return m_size; }

signals:
    void changed();

private:
    /// The field is usable only while the typed size is chosen.
    void enableField();

    QString m_what;
    QString m_maximumName; ///< the maximum choice's label without its shortcut mark
    QRadioButton* m_maximum;
    QRadioButton* m_sized;
    QLineEdit* m_size;
};

} // namespace nr1
