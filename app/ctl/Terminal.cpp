#include "ctl/Terminal.h"

#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace nr1::ctl {

void print(const QString& text) {
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

void printError(const QString& command, const QString& text) {
    std::fprintf(stderr, "nr1ctl %s: %s\n", qPrintable(command), qPrintable(text));
}

void printJsonLine(const QJsonObject& object) {
    print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
          QLatin1Char('\n'));
}

bool isTerminal() {
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

bool stdoutIsTerminal() {
    return isatty(STDOUT_FILENO);
}

int terminalColumns() {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0)
        return 0;
    return size.ws_col;
}

QString readLine() {
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

} // namespace nr1::ctl
