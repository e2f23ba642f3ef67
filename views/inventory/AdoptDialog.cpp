#include "AdoptDialog.h"

#include "inventory/InventoryText.h"
#include "inventory/PairFields.h"
#include "session/PairSession.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace nr1 {

namespace {

QString listHtml(const QString& heading, const QStringList& lines) {
    if (lines.isEmpty())
        return {};
    QString html = QStringLiteral("<h3>%1</h3><ul>").arg(heading.toHtmlEscaped());
    for (const QString& line : lines)
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

} // namespace

AdoptDialog::AdoptDialog(PairSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setWindowTitle(tr("Adopt pair %1").arg(session.name()));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Read &Again"), QDialogButtonBox::ActionRole);
    m_record = buttons->addButton(tr("&Record in Inventory"), QDialogButtonBox::ActionRole);
    m_record->setEnabled(false);
    m_record->setToolTip(tr("Write the names found into the pair's inventory entry (the nodes "
                            "are not changed)"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_again, &QPushButton::clicked, this, &AdoptDialog::readAgain);
    connect(m_record, &QPushButton::clicked, this, &AdoptDialog::record);
    connect(&session, &QObject::destroyed, this, &QDialog::reject);
    resize(900, 680);
    readAgain();
}

void AdoptDialog::readAgain() {
    m_again->setEnabled(false);
    m_record->setEnabled(false);
    m_summary->setText(tr("Reading both nodes…"));
    m_session.read(this, [this](const PairProbe& probe) {
        m_again->setEnabled(true);
        if (!probe.ok()) {
            m_discovery.reset();
            m_summary->setText(tr("<b>Not both nodes answered</b>: the pair is discovered from "
                                  "both."));
            m_details->setHtml(listHtml(tr("Not read"), m_session.readErrors(probe)));
            emit discovered();
            return;
        }
        m_discovery = discoverPair(m_session.pair(), *probe.primary.state, *probe.secondary.state);
        const InventoryPair adopted = adoptedPair(m_session.pair(), *m_discovery);
        showDiscovery(pairItemText(fieldsOf(adopted)), adopted != m_session.pair());
        emit discovered();
    });
}

void AdoptDialog::showDiscovery(const QString& entryText, bool changed) {
    const PairDiscovery& d = *m_discovery;
    if (!d.adoptable())
        m_summary->setText(tr("<b>Pair %1 cannot be adopted</b>: see the problems below. "
                              "Nothing is recorded.")
                               .arg(m_session.name().toHtmlEscaped()));
    else if (!changed)
        m_summary->setText(tr("The inventory's entry of pair %1 records all of this already.")
                               .arg(m_session.name().toHtmlEscaped()));
    else
        m_summary->setText(
            tr("Pair %1 can be adopted%2. <b>Record in Inventory</b> writes its entry as shown "
               "below; then the health checks list what the pair lacks of nr1's design, and "
               "the repair plan makes it.")
                .arg(m_session.name().toHtmlEscaped(),
                     d.missing.isEmpty() ? QString() : tr(" with what is missing listed")));
    QString html = listHtml(tr("Found"), d.found) + listHtml(tr("Missing"), d.missing) +
                   listHtml(tr("Problems (the pair is not adopted)"), d.problems);
    if (d.adoptable())
        html += QStringLiteral("<h3>%1</h3><pre>%2</pre>")
                    .arg(tr("The inventory's entry will read"), entryText.toHtmlEscaped());
    m_details->setHtml(html);
    m_record->setEnabled(d.adoptable() && changed);
}

bool AdoptDialog::record() {
    if (!m_discovery || !m_discovery->adoptable())
        return false;
    const Result<void> recorded = m_session.recordAdoption(*m_discovery);
    if (!recorded.ok()) {
        m_summary->setText(
            tr("<b>Nothing was recorded</b>: %1").arg(recorded.why().toHtmlEscaped()));
        return false;
    }
    m_record->setEnabled(false);
    m_summary->setText(tr("Recorded in %1.").arg(m_session.inventoryPath().toHtmlEscaped()));
    emit adopted(m_session.name());
    return true;
}

} // namespace nr1
