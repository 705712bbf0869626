package io.jichao.alarm.ui;

import com.vaadin.flow.component.html.Span;

import io.jichao.alarm.Severity;

/** A severity as a coloured badge: green normal, yellow alarm, red fault (R6, R17). */
public final class SeverityBadge extends Span {

    public SeverityBadge(Severity severity, String label) {
        super(label);
        getElement().getThemeList().add("badge pill");
        addClassName("jichao-severity-" + severity.name().toLowerCase(java.util.Locale.ROOT));
        getElement().setAttribute("data-severity", severity.name());
        getStyle().set("background-color", colour(severity)).set("color", severity == Severity.ALARM ? "#3e2c00" : "white");
    }

    /** The map and list colour of a severity. */
    public static String colour(Severity severity) {
        return switch (severity) {
            case NORMAL -> "#2e7d32";
            case ALARM -> "#f9c20a";
            case FAULT -> "#c62828";
        };
    }
}
