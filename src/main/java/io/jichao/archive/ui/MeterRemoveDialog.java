package io.jichao.archive.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.function.SerializableRunnable;

import io.jichao.archive.MeterName;
import io.jichao.archive.MeterRow;

/**
 * Asks before a meter is removed and says what removal means: the meter is marked removed and
 * keeps its readings, money and history; nothing is deleted.
 */
class MeterRemoveDialog extends ConfirmDialog {

    MeterRemoveDialog(MeterRow row, SerializableRunnable remove) {
        setId(MeterGridView.REMOVE_CONFIRM_ID);
        setHeader(getTranslation("meter.remove.title", MeterName.of(row).text()));
        setText(getTranslation("meter.remove.text"));
        setCancelable(true);
        setCancelText(getTranslation("action.cancel"));
        setConfirmText(getTranslation("action.remove"));
        setConfirmButtonTheme("error primary");
        addConfirmListener(event -> remove.run());
    }
}
