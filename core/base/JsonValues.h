#pragma once
// Contract: small helpers shared by the toJson implementations: optionals become null, empty
// strings become null where "not known" is meant.

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>
#include <optional>

namespace nr1 {

template <typename T> QJsonValue orNull(const std::optional<T>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

inline QJsonValue emptyAsNull(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

inline QJsonArray toJsonArray(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

} // namespace nr1
