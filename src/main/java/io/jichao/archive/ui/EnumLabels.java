package io.jichao.archive.ui;

import com.vaadin.flow.component.UI;

/** Translated names of the archive's enums, keyed {@code enum.<Type>.<CONSTANT>} in the bundles. */
final class EnumLabels {

    private EnumLabels() {
    }

    static String key(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** The label in the current UI's language; empty for null so grids and selects show nothing. */
    static String of(Enum<?> value) {
        return value == null ? "" : UI.getCurrent().getTranslation(key(value));
    }
}
