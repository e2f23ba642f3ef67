#include "ctl/ParseCommand.h"

#include "base/BoundedRead.h"
#include "ctl/ExitCodes.h"

#include "json/ParserCatalog.h"
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace nr1::ctl {

namespace {

bool readInput(const QString& path, QByteArray& bytes, QString& error) {
    QFile file;
    bool opened = false;
    const bool standardInput = path.isEmpty() || path == QLatin1String("-");
    if (standardInput) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        error =
            QStringLiteral("cannot read %1: %2")
                .arg(standardInput ? QStringLiteral("standard input") : path, file.errorString());
        return false;
    }
    // Capped: `parse mdstat /dev/zero` ends with a sentence, not out of memory.
    const Result<QByteArray> read = readAtMost(
        file, kLargestParserInput, standardInput ? QStringLiteral("standard input") : path,
        QStringLiteral("one tool's output"));
    if (!read.ok()) {
        error = read.why();
        return false;
    }
    bytes = read.value();
    return true;
}

} // namespace

QString parseCommandHelp() {
    QString help = QStringLiteral(
        "Usage: nr1ctl parse KIND [FILE|-]\n"
        "\n"
        "Parses what a storage node printed and shows nr1's model of it as JSON on stdout.\n"
        "Reads FILE, or standard input when FILE is '-' or missing. Exit status: 0 parsed,\n"
        "2 not parseable (the error, with source and line, is on stderr), 64 bad usage,\n"
        "66 input not readable or larger than 64 MiB. Lines nr1 does not know are reported on\n"
        "stderr as warnings.\n"
        "\n"
        "KIND, and what it reads:\n");
    for (const ParserKind& kind : parserKinds())
        help += QStringLiteral("  %1%2\n").arg(kind.name.leftJustified(17), kind.producedBy);
    help += QStringLiteral("\nThe JSON shapes are described in docs/parse-json.md.\n");
    return help;
}

int runParseCommand(const QStringList& arguments) {
    QTextStream err(stderr);
    QTextStream out(stdout);
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << parseCommandHelp();
        return kExitOk;
    }
    if (arguments.isEmpty() || arguments.size() > 2) {
        err << "nr1ctl parse: expected KIND and at most one FILE\n\n" << parseCommandHelp();
        return kExitUsage;
    }
    const ParserKind* kind = findParserKind(arguments.at(0));
    if (!kind) {
        err << "nr1ctl parse: unknown kind '" << arguments.at(0) << "'\n\n" << parseCommandHelp();
        return kExitUsage;
    }
    const QString path = arguments.size() > 1 ? arguments.at(1) : QString();
    QByteArray bytes;
    QString readError;
    if (!readInput(path, bytes, readError)) {
        err << "nr1ctl parse: " << readError << "\n";
        return kExitNoInput;
    }
    const ParsedJson parsed = kind->parse(QString::fromUtf8(bytes));
    for (const ParseWarning& warning : parsed.warnings)
        err << "nr1ctl parse: warning: " << warning.toString() << "\n";
    if (!parsed.ok) {
        err << "nr1ctl parse: " << parsed.error.toString() << "\n";
        return kExitParseError;
    }
    out << QJsonDocument(parsed.json).toJson(QJsonDocument::Indented);
    return kExitOk;
}

} // namespace nr1::ctl
