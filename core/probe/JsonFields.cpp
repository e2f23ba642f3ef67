#include "probe/JsonFields.h"

#include "base/Numbers.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace nr1 {

QJsonObject parseJsonObject(const QString& source, QStringView text) {
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = 1 + int(utf8.left(error.offset).count('\n'));
        const qsizetype lineStart =
            error.offset > 0 ? utf8.lastIndexOf('\n', error.offset - 1) + 1 : 0;
        qsizetype lineEnd = utf8.indexOf('\n', error.offset);
        if (lineEnd < 0)
            lineEnd = utf8.size();
        throw ParseFailure{
            ParseError{source, line, QStringLiteral("valid JSON (%1)").arg(error.errorString()),
                       excerpt(QString::fromUtf8(utf8.mid(lineStart, lineEnd - lineStart)))}};
    }
    if (!document.isObject())
        throw ParseFailure{ParseError{source, 0, QStringLiteral("a JSON object"), QString()}};
    return document.object();
}

JsonFields::JsonFields(QString source, QString path, QJsonObject object)
    : m_source(std::move(source))
    , m_path(std::move(path))
    , m_object(std::move(object)) {
}

QString JsonFields::childPath(const QString& key) const {
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonFields::fail(const QString& key, const QString& expected) const {
    const QJsonValue value = m_object.value(key);
    QString found;
    if (value.isUndefined())
        found = QStringLiteral("nothing");
    else if (value.isObject() || value.isArray())
        found = value.isObject() ? QStringLiteral("an object") : QStringLiteral("an array");
    else
        found = excerpt(value.toVariant().toString());
    throw ParseFailure{
        ParseError{m_source, 0, QStringLiteral("'%1' as %2").arg(childPath(key), expected), found}};
}

QString JsonFields::string(const QString& key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        fail(key, QStringLiteral("a string"));
    return value.toString();
}

QString JsonFields::requiredString(const QString& key) const {
    QString value = string(key);
    if (value.isEmpty())
        fail(key, QStringLiteral("a non-empty string"));
    return value;
}

std::optional<qint64> JsonFields::integer(const QString& key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::floor(number) != number || std::fabs(number) > 9.0e15)
            fail(key, QStringLiteral("a whole number"));
        return qint64(number);
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty())
            return std::nullopt;
        if (const auto number = toInt64(text))
            return number;
    }
    fail(key, QStringLiteral("a whole number"));
}

std::optional<qint64> JsonFields::bytes(const QString& key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty())
            return std::nullopt;
        if (const auto size = toBytes(text))
            return size;
        fail(key, QStringLiteral("a size"));
    }
    return integer(key);
}

bool JsonFields::boolean(const QString& key, bool fallback) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (value.isBool())
        return value.toBool();
    if (value.isDouble() && (value.toDouble() == 0 || value.toDouble() == 1))
        return value.toDouble() == 1;
    if (value.isString() &&
        (value.toString() == QLatin1String("0") || value.toString() == QLatin1String("1")))
        return value.toString() == QLatin1String("1");
    fail(key, QStringLiteral("true/false or 1/0"));
}

QStringList JsonFields::strings(const QString& key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isString())
        return {value.toString()};
    if (!value.isArray())
        fail(key, QStringLiteral("a list of strings"));
    QStringList result;
    for (const QJsonValue& item : value.toArray()) {
        if (item.isNull())
            continue;
        if (!item.isString())
            fail(key, QStringLiteral("a list of strings"));
        result.append(item.toString());
    }
    return result;
}

std::vector<JsonFields> JsonFields::objects(const QString& key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        fail(key, QStringLiteral("a list"));
    std::vector<JsonFields> result;
    const QJsonArray array = value.toArray();
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(childPath(key)).arg(index);
        if (!array.at(index).isObject())
            throw ParseFailure{ParseError{m_source, 0,
                                          QStringLiteral("'%1' as an object").arg(itemPath),
                                          excerpt(array.at(index).toVariant().toString())}};
        result.emplace_back(m_source, itemPath, array.at(index).toObject());
    }
    return result;
}

std::optional<JsonFields> JsonFields::object(const QString& key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        fail(key, QStringLiteral("an object"));
    return JsonFields(m_source, childPath(key), value.toObject());
}

} // namespace nr1
