#include "SizeChoice.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>

namespace nr1 {

SizeChoice::SizeChoice(const QString& maximumText, const QString& what, const QString& placeholder,
                       QWidget* parent)
    : QWidget(parent)
    , m_what(what)
    , m_maximum(new QRadioButton(maximumText, this))
    , m_sized(new QRadioButton(tr("&Size:"), this))
    , m_size(new QLineEdit(this)) {
    m_size->setPlaceholderText(placeholder);
    m_size->setToolTip(tr("Units are powers of 1024 (K, M, G, T); LVM rounds up to whole "
                          "extents"));
    m_maximum->setChecked(true);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_maximum);
    form->addRow(m_sized, m_size);
    connect(m_maximum, &QRadioButton::toggled, this, &SizeChoice::changed);
    connect(m_size, &QLineEdit::textChanged, this, [this] {
        if (!m_size->text().isEmpty())
            m_sized->setChecked(true);
        emit changed();
    });
}

std::variant<SizeRequest, QString> SizeChoice::value() const {
    if (m_maximum->isChecked())
        return SizeRequest::maximum();
    const QString text = m_size->text().trimmed();
    if (text.isEmpty())
        return tr("Give %1.").arg(m_what);
    return parseSizeRequest(text);
}

} // namespace nr1
