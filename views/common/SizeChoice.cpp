#include "SizeChoice.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalBlocker>
#include <algorithm>

namespace nr1 {

SizeChoice::SizeChoice(const SizeChoiceTexts& texts, QWidget* parent)
    : QWidget(parent)
    , m_what(texts.what)
    , m_maximumName(QString(texts.maximum).remove(QLatin1Char('&')))
    , m_maximum(new QRadioButton(texts.maximum, this))
    , m_sized(new QRadioButton(texts.sized, this))
    , m_size(new QLineEdit(this)) {
    m_size->setPlaceholderText(texts.placeholder);
    m_size->setToolTip(tr("Units are powers of 1024 (K, M, G, T); LVM rounds up to whole "
                          "extents"));
    // Wide enough for its hint, not the whole window: a size is a few characters.
    m_size->setMinimumWidth(
        std::max(m_size->sizeHint().width(),
                 m_size->fontMetrics().horizontalAdvance(texts.placeholder) + 24));
    m_maximum->setChecked(true);
    enableField();
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_maximum);
    form->addRow(m_sized, m_size);
    // One of the two is checked: the maximum's toggle tells every switch once.
    connect(m_maximum, &QRadioButton::toggled, this, [this] {
        enableField();
        emit changed();
    });
    connect(m_sized, &QRadioButton::clicked, m_size, [this] { m_size->setFocus(); });
    connect(m_size, &QLineEdit::textChanged, this, [this] {
        if (!m_size->text().isEmpty() && m_maximum->isChecked()) {
            const QSignalBlocker quiet(m_maximum); // one `changed` for this edit
            m_sized->setChecked(true);
            enableField();
        }
        emit changed();
    });
}

void SizeChoice::enableField() {
    m_size->setEnabled(m_sized->isChecked());
}

Result<SizeRequest> SizeChoice::value() const {
    if (m_maximum->isChecked())
        return SizeRequest::maximum();
    const QString text = m_size->text().trimmed();
    if (text.isEmpty())
        return failure(tr("Give %1, or choose “%2”.").arg(m_what, m_maximumName));
    return parseSizeRequest(text);
}

void SizeChoice::setValue(const SizeRequest& request) {
    if (!request.max && request.bytes <= 0) {
        clear();
        return;
    }
    {
        const QSignalBlocker quietChoice(m_maximum);
        const QSignalBlocker quietText(m_size);
        if (request.max) {
            m_maximum->setChecked(true); // the typed text stays, for going back to it
        } else {
            m_sized->setChecked(true);
            m_size->setText(exactSizeText(request.bytes));
        }
        enableField();
    }
    emit changed();
}

void SizeChoice::clear() {
    {
        const QSignalBlocker quietChoice(m_maximum);
        const QSignalBlocker quietText(m_size);
        m_sized->setChecked(true);
        m_size->clear();
        enableField();
    }
    emit changed();
}

} // namespace nr1
