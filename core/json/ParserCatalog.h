#pragma once
// Contract: the catalogue of every node-output parser by kind name ("mdstat", "lvm", …), each
// turning text into its documented JSON presentation or a ParseError, with the warnings. It is
// the one table behind `nr1ctl parse`, the console's output inspector and the fuzz targets, so
// a parser added here is reachable from all three.

#include "base/ParseResult.h"

#include <QJsonObject>
#include <QString>
#include <span>

namespace nr1 {

struct ParsedJson {
    bool ok = false;
    QJsonObject json; ///< when ok
    ParseError error; ///< when !ok
    ParseWarnings warnings;
};

struct ParserKind {
    QString name;       ///< e.g. "mdstat"
    QString producedBy; ///< the command or file whose output it reads
    ParsedJson (*parse)(QStringView text);
};

std::span<const ParserKind> parserKinds();
const ParserKind* findParserKind(QStringView name);

} // namespace nr1
