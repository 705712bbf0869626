package io.jichao.admin.ui;

import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.jichao.audit.AuditFilter;

/**
 * The audit page's filters: operator and target text (any part), one action, and the days
 * (Asia/Shanghai, both inclusive). Every change hands control back to the page, which asks
 * {@link #filter()}.
 */
public class AuditFilterBar extends HorizontalLayout {

    public static final String OPERATOR_ID = "audit-filter-operator";
    public static final String ACTION_ID = "audit-filter-action";
    public static final String TARGET_ID = "audit-filter-target";
    public static final String FROM_ID = "audit-filter-from";
    public static final String TO_ID = "audit-filter-to";

    private final TextField operator = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField target = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();

    public AuditFilterBar(List<String> actions, Runnable changed) {
        operator.setId(OPERATOR_ID);
        operator.setLabel(getTranslation("audit.filter.operator"));
        operator.setClearButtonVisible(true);
        operator.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId(ACTION_ID);
        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(actions);
        action.setClearButtonVisible(true);
        target.setId(TARGET_ID);
        target.setLabel(getTranslation("audit.filter.target"));
        target.setClearButtonVisible(true);
        target.setValueChangeMode(ValueChangeMode.LAZY);
        from.setId(FROM_ID);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setClearButtonVisible(true);
        to.setId(TO_ID);
        to.setLabel(getTranslation("audit.filter.to"));
        to.setClearButtonVisible(true);
        operator.addValueChangeListener(e -> changed.run());
        action.addValueChangeListener(e -> changed.run());
        target.addValueChangeListener(e -> changed.run());
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            changed.run();
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            changed.run();
        });
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        add(operator, action, target, from, to);
    }

    /** The filter as typed; refuses a period that ends before it starts. */
    public AuditFilter filter() {
        return new AuditFilter(operator.getValue(), action.getValue(), target.getValue(), from.getValue(),
                to.getValue());
    }
}
