#pragma once
// Test support: reads fixture files (verbatim captures) from tests/fixtures.

#include <QFile>
#include <QString>
#include <QtTest>

inline QString fixture(const QString& name) {
    QFile file(QStringLiteral(NR1_FIXTURES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}
