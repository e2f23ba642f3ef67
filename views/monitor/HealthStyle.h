#pragma once
// Contract: one colour per Health for every monitoring widget (readable on light and dark
// palettes: white text on a saturated chip), and the chip's style sheet.

#include "monitor/PairSnapshot.h"

#include <QColor>

namespace nr1 {

QColor healthColor(Health health);
/// A rounded chip: white text on the health's colour.
QString healthChipStyle(Health health);

} // namespace nr1
