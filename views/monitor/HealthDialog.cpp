#include "HealthDialog.h"

#include "HealthStyle.h"
#include "health/PairChecks.h"
#include "session/PairSession.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

constexpr int kNameRole = Qt::UserRole;

/// The colour of a check's result: the monitor's colours (failing as critical).
Health healthOf(CheckResult result) {
    switch (result) {
    case CheckResult::Ok:
        return Health::Ok;
    case CheckResult::Warning:
        return Health::Warning;
    case CheckResult::Failing:
        return Health::Critical;
    case CheckResult::Unknown:
        return Health::Unknown;
    }
    return Health::Unknown;
}

QString fixSentence(const FixPreview& fix) {
    if (fix.refusals.isEmpty())
        return fixStepsText(fix) + QLatin1Char('.');
    return QObject::tr("The %1 plan is refused now: %2")
        .arg(fix.kind, fix.refusals.join(QStringLiteral(" ")));
}

} // namespace

HealthDialog::HealthDialog(PairSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setWindowTitle(tr("Health of pair %1").arg(session.name()));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Check"), tr("Result"), tr("What must hold")});
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    m_fix = buttons->addButton(tr("&Fix…"), QDialogButtonBox::ActionRole);
    m_fix->setEnabled(false);
    m_fix->setToolTip(tr("Open the plan that fixes the selected check: preview, then apply"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_again, &QPushButton::clicked, this, &HealthDialog::checkAgain);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        const HealthCheck* check =
            m_list->currentItem()
                ? findCheck(m_checks, m_list->currentItem()->data(0, kNameRole).toString())
                : nullptr;
        if (check && !check->fixKind.isEmpty())
            emit fixRequested(check->fixKind);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HealthDialog::showSelected);
    // The console replaces its sessions when it reads the inventory again: this view ends
    // with the session it reads through.
    connect(&session, &QObject::destroyed, this, &QDialog::reject);
    resize(980, 680);
    checkAgain();
}

void HealthDialog::checkAgain() {
    m_again->setEnabled(false);
    m_summary->setText(tr("Reading both nodes…"));
    m_session.read(this, [this](const PairProbe& probe) {
        const PairIntent intent = m_session.intent(probe);
        // The unread node's reason names how nr1 reaches it, as nr1ctl check says it.
        const PairProbe named = m_session.withTargetsInErrors(probe);
        const HealthChecks checks = checkPair(named, intent);
        showChecks(checks, previewFixes(checks, named, intent));
        m_again->setEnabled(true);
        emit checked();
    });
}

void HealthDialog::showChecks(const HealthChecks& checks, const std::vector<FixPreview>& fixes) {
    const QString selected =
        m_list->currentItem() ? m_list->currentItem()->data(0, kNameRole).toString() : QString();
    m_checks = checks;
    m_fixes = fixes;
    m_list->clear();
    QTreeWidgetItem* group = nullptr;
    QTreeWidgetItem* firstNotOk = nullptr;
    for (const HealthCheck& check : checks) {
        if (!group || group->text(0) != check.group) {
            group = new QTreeWidgetItem(m_list, {check.group});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        auto* item =
            new QTreeWidgetItem(group, {check.name, checkResultName(check.result), check.title});
        item->setData(0, kNameRole, check.name);
        item->setIcon(0, healthDot(healthOf(check.result)));
        item->setForeground(1, healthTextColor(healthOf(check.result), palette()));
        item->setToolTip(2, check.verdict);
        if (!firstNotOk && check.result != CheckResult::Ok)
            firstNotOk = item;
    }
    const CheckResult worst = worstResult(checks);
    QString summary =
        tr("<b>%1</b>: %2.").arg(checkResultName(worst).toUpper(), checksNotOkText(checks));
    for (const FixPreview& fix : fixes)
        summary += QLatin1Char(' ') + fixSentence(fix).toHtmlEscaped();
    m_summary->setText(summary);
    m_summary->setStyleSheet(healthTextStyle(healthOf(worst), palette()));
    if (!selected.isEmpty() && selectCheck(selected))
        return;
    m_list->setCurrentItem(firstNotOk);
    showSelected();
}

bool HealthDialog::selectCheck(const QString& name) {
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kNameRole).toString() == name) {
                m_list->setCurrentItem(group->child(i));
                showSelected();
                return true;
            }
    }
    return false;
}

void HealthDialog::showSelected() {
    const HealthCheck* check =
        m_list->currentItem()
            ? findCheck(m_checks, m_list->currentItem()->data(0, kNameRole).toString())
            : nullptr;
    m_fix->setEnabled(check && !check->fixKind.isEmpty());
    m_fix->setText(check && !check->fixKind.isEmpty()
                       ? tr("&Fix with the %1 plan…").arg(check->fixKind)
                       : tr("&Fix…"));
    if (!check) {
        m_details->setHtml(tr("<p>Select a check to see what was read and how to fix it.</p>"));
        return;
    }
    QString html = QStringLiteral("<h3>%1 — %2</h3><p>%3</p>")
                       .arg(check->name.toHtmlEscaped(), checkResultName(check->result),
                            check->verdict.toHtmlEscaped());
    if (!check->evidence.isEmpty()) {
        html += tr("<p>What was read:</p><ul>");
        for (const QString& line : check->evidence)
            html += QStringLiteral("<li><tt>%1</tt></li>").arg(line.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!check->fixKind.isEmpty())
        for (const FixPreview& fix : m_fixes)
            if (fix.kind == check->fixKind)
                html += QStringLiteral("<p>%1</p>").arg(fixSentence(fix).toHtmlEscaped());
    m_details->setHtml(html);
}

} // namespace nr1
