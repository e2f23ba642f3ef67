#pragma once
// Test support: finding a dialog's widgets the way a user sees them: a button by the start of
// its text (mnemonic '&' left out), and the text of all its labels together.

#include <QLabel>
#include <QPushButton>
#include <QWidget>

namespace nr1 {

/// The first button of `window` whose text, without its '&', starts with `textStart`; nullptr.
inline QPushButton* buttonStartingWith(QWidget& window, const QString& textStart) {
    for (QPushButton* b : window.findChildren<QPushButton*>())
        if (b->text().remove(QLatin1Char('&')).startsWith(textStart))
            return b;
    return nullptr;
}

/// The text of every label of `window`, one after the other.
inline QString labelsText(QWidget& window) {
    QString text;
    for (QLabel* label : window.findChildren<QLabel*>())
        text += label->text();
    return text;
}

} // namespace nr1
