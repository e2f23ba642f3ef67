#include "HealthStyle.h"

#include <QPainter>
#include <QPixmap>

namespace nr1 {

QColor healthColor(Health health) {
    switch (health) {
    case Health::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case Health::Working:
        return QColor(0x15, 0x65, 0xc0);
    case Health::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case Health::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case Health::Unknown:
        break;
    }
    return QColor(0x61, 0x61, 0x61);
}

QColor healthTextColor(Health health, const QPalette& palette) {
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? healthColor(health).lighter(170) : healthColor(health);
}

QString healthTextStyle(Health health, const QPalette& palette) {
    return QStringLiteral("QLabel { color: %1; }").arg(healthTextColor(health, palette).name());
}

QIcon healthDot(Health health) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(healthColor(health));
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

QString healthChipStyle(Health health) {
    return QStringLiteral("QLabel { color: white; background: %1; border-radius: 4px; "
                          "padding: 2px 8px; font-weight: bold; }")
        .arg(healthColor(health).name());
}

} // namespace nr1
