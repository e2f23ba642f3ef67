#include "JournalView.h"

#include "HealthStyle.h"
#include "apply/Journal.h"
#include "apply/JournalText.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

enum Column { TimeColumn, WhatColumn, ResultColumn };
constexpr int kEntryRole = Qt::UserRole;

Health endHealth(const QString& state) {
    if (state == QLatin1String("done"))
        return Health::Ok;
    if (state == QLatin1String("failed"))
        return Health::Critical;
    if (state == QLatin1String("running"))
        return Health::Working;
    return Health::Warning; // stopped, rolled back, …
}

QString resultOf(const QJsonObject& entry) {
    const QString event = entry.value(QStringLiteral("event")).toString();
    if (event == QLatin1String("run") || event == QLatin1String("undo")) {
        const QString status = entry.value(QStringLiteral("status")).toString();
        return status == QLatin1String("exited")
                   ? QStringLiteral("exit %1").arg(entry.value(QStringLiteral("exit")).toInt())
                   : status;
    }
    if (event == QLatin1String("end"))
        return entry.value(QStringLiteral("state")).toString();
    return QString();
}

} // namespace

JournalView::JournalView(QWidget* parent)
    : QWidget(parent)
    , m_status(new QLabel(tr("Choose a pair to see what nr1 applied to it."), this))
    , m_runs(new QTreeWidget(this))
    , m_details(new QPlainTextEdit(this)) {
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* reloadButton = new QPushButton(tr("&Reload"), this);
    reloadButton->setToolTip(tr("Read the journal file again"));
    m_runs->setColumnCount(3);
    m_runs->setHeaderLabels({tr("Time"), tr("What"), tr("Result")});
    m_runs->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_runs->header()->setSectionResizeMode(WhatColumn, QHeaderView::Stretch);
    m_runs->header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_runs->header()->setStretchLastSection(false);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("The selected entry's output and details show here."));
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(reloadButton);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_runs);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    connect(reloadButton, &QPushButton::clicked, this, &JournalView::reload);
    connect(m_runs, &QTreeWidget::currentItemChanged, this, &JournalView::showDetails);
}

QString JournalView::statusText() const {
    return m_status->text();
}

QString JournalView::detailsText() const {
    return m_details->toPlainText();
}

void JournalView::showPair(const QString& pair) {
    if (pair.isEmpty()) {
        m_path.clear();
        m_pair.clear();
        m_runs->clear();
        m_details->clear();
        m_status->setText(tr("Choose a pair to see what nr1 applied to it."));
        return;
    }
    showFile(Journal::defaultPath(pair), pair);
}

void JournalView::showFile(const QString& path, const QString& pair) {
    m_path = path;
    m_pair = pair;
    reload();
}

void JournalView::reload() {
    if (m_path.isEmpty())
        return;
    m_runs->clear();
    m_details->clear();
    if (!QFileInfo::exists(m_path)) {
        m_status->setText(tr("No journal for pair %1 yet: nothing was applied to it from this "
                             "machine (%2).")
                              .arg(m_pair, m_path));
        return;
    }
    const auto read = Journal::read(m_path);
    if (!read.ok()) {
        m_status->setText(tr("Cannot read the journal %1: %2").arg(m_path, read.why()));
        return;
    }
    const JournalContents* contents = &read.value();
    const std::vector<QJsonObject> entries = entriesForPeople(contents->entries);
    QTreeWidgetItem* run = nullptr;
    int runs = 0;
    for (const QJsonObject& entry : entries) {
        const QString event = entry.value(QStringLiteral("event")).toString();
        const QString time = entry.value(QStringLiteral("time")).toString();
        QTreeWidgetItem* item = nullptr;
        if (event == QLatin1String("plan") || !run) {
            item = new QTreeWidgetItem(m_runs, {time, journalEntrySummary(entry), QString()});
            QFont bold = item->font(WhatColumn);
            bold.setBold(true);
            item->setFont(WhatColumn, bold);
            run = item;
            ++runs;
        } else {
            item = new QTreeWidgetItem(run, {time, journalEntrySummary(entry), resultOf(entry)});
        }
        item->setData(TimeColumn, kEntryRole, entry);
        item->setToolTip(WhatColumn, item->text(WhatColumn));
        if (event == QLatin1String("end")) {
            const QString state = entry.value(QStringLiteral("state")).toString();
            run->setText(ResultColumn, state);
            run->setForeground(ResultColumn, healthTextColor(endHealth(state), palette()));
        } else if ((event == QLatin1String("run") || event == QLatin1String("undo")) &&
                   item->text(ResultColumn) != QLatin1String("exit 0")) {
            item->setForeground(ResultColumn, healthTextColor(Health::Critical, palette()));
        }
    }
    // A run without an end is still running, or was cut off (the console or nr1ctl ended).
    for (int i = 0; i < m_runs->topLevelItemCount(); ++i)
        if (m_runs->topLevelItem(i)->text(ResultColumn).isEmpty())
            m_runs->topLevelItem(i)->setText(ResultColumn, tr("no end recorded"));
    if (QTreeWidgetItem* last = m_runs->topLevelItem(m_runs->topLevelItemCount() - 1)) {
        last->setExpanded(true);
        m_runs->scrollToItem(last);
    }
    QString status = tr("%n run(s) of pair %1, from %2", nullptr, runs).arg(m_pair, m_path);
    if (!contents->damaged.isEmpty())
        status += tr(" — %n damaged line(s) skipped: %1", nullptr, int(contents->damaged.size()))
                      .arg(contents->damaged.join(QStringLiteral("; ")));
    m_status->setText(status);
}

void JournalView::showDetails() {
    const QTreeWidgetItem* item = m_runs->currentItem();
    if (!item) {
        m_details->clear();
        return;
    }
    QJsonObject entry = item->data(TimeColumn, kEntryRole).toJsonObject();
    QStringList lines;
    for (const char* key : {"stdout", "stderr", "failure", "why"}) {
        const QString value = entry.take(QLatin1String(key)).toString();
        if (!value.isEmpty())
            lines << QStringLiteral("%1:\n%2").arg(QLatin1String(key), value.trimmed());
    }
    entry.remove(QStringLiteral("plan")); // the whole plan: too long to be useful here
    lines.prepend(QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Indented)));
    m_details->setPlainText(lines.join(QStringLiteral("\n\n")));
}

} // namespace nr1
