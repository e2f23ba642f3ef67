#pragma once
// Contract: one colour per Health for every widget (readable on light and dark palettes: white
// text on a saturated chip; text and lines in a lighter shade when the palette is dark), the
// chip's style sheet and a label's, and a dot icon.

#include "monitor/PairSnapshot.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace nr1 {

QColor healthColor(Health health);
/// The health's colour for text and lines on `palette`'s window or base: lighter on a dark one.
QColor healthTextColor(Health health, const QPalette& palette);
/// "QLabel { color: … }" in healthTextColor().
QString healthTextStyle(Health health, const QPalette& palette);
/// A small dot in the health's colour (tabs, event rows, inventory nodes).
QIcon healthDot(Health health);
/// A rounded chip: white text on the health's colour.
QString healthChipStyle(Health health);

} // namespace nr1
