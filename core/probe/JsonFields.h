#pragma once
// Contract: typed, path-aware access to a JSON document for the JSON-based parsers (LVM,
// lsblk, wipefs, saveconfig). A field of the wrong type throws ParseFailure naming the source
// and the JSON path ("targets[0].tpgs[1].tag"), and the line for syntax errors. Tools print
// the same field as a string or a number across versions, so numeric and boolean readers
// accept both forms.

#include "base/ParseResult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

/// Parses `text` as one JSON object; throws ParseFailure (with the line) otherwise.
QJsonObject parseJsonObject(const QString& source, QStringView text);

class JsonFields {
public:
    JsonFields(QString source, QString path, QJsonObject object);

    const QString& path() const { return m_path; }
    bool has(const QString& key) const { return m_object.contains(key); }
    QStringList keys() const { return m_object.keys(); }

    /// A string; absent or null → empty. Numbers are not strings.
    QString string(const QString& key) const;
    /// A string that must be present and non-empty.
    QString requiredString(const QString& key) const;
    /// A number, or a string holding an integer; absent, null or "" → nullopt.
    std::optional<qint64> integer(const QString& key) const;
    /// A size in bytes: a number, or a string as LVM prints it ("1.00g", "268435456").
    std::optional<qint64> bytes(const QString& key) const;
    /// true/false, or "1"/"0"; absent or null → fallback.
    bool boolean(const QString& key, bool fallback) const;
    /// An array of strings (nulls skipped); a single string counts as a one-element list.
    QStringList strings(const QString& key) const;
    /// The objects of an array; absent or null → none.
    std::vector<JsonFields> objects(const QString& key) const;
    /// A nested object; absent → nullopt.
    std::optional<JsonFields> object(const QString& key) const;

    [[noreturn]] void fail(const QString& key, const QString& expected) const;

private:
    QString childPath(const QString& key) const;

    QString m_source;
    QString m_path;
    QJsonObject m_object;
};

} // namespace nr1
