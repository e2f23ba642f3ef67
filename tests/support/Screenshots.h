#pragma once
// Test support: saves a widget as NAME.png in $NR1_TEST_SCREENSHOTS when that is set (to look
// at what a test drove, and for the docs); does nothing otherwise.

#include <QCoreApplication>
#include <QWidget>
#include <QtGlobal>

inline void saveScreenshotIfAsked(QWidget* widget, const QString& name) {
    const QString folder = qEnvironmentVariable("NR1_TEST_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QCoreApplication::processEvents();
    const QString path = folder + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        qWarning("cannot save %s", qPrintable(path));
}
