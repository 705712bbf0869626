package io.jichao.statement.ui;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;

import io.jichao.shared.TimeConfiguration;

/** A month picker: the current Shanghai month and the 23 before it, newest first; the previous month chosen. */
final class MonthChoice {

    private MonthChoice() {
    }

    static ComboBox<YearMonth> create(String id, String label, Clock clock) {
        YearMonth current = YearMonth.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            months.add(current.minusMonths(i));
        }
        ComboBox<YearMonth> month = new ComboBox<>(label, months);
        month.setId(id);
        month.setItemLabelGenerator(YearMonth::toString);
        month.setAllowCustomValue(false);
        month.setValue(current.minusMonths(1));
        return month;
    }
}
