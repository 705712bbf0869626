package io.jichao.kiosk.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * An on-screen numeric keypad with large touch targets and its own display, so the kiosk never
 * focuses a text field (which would pop up a system keyboard on a touchscreen). A masked keypad
 * shows dots instead of the digits.
 */
class Keypad extends Composite<VerticalLayout> {

    static final String DISPLAY_ID = "kiosk-keypad-display";
    static final String KEY_ID_PREFIX = "kiosk-key-";
    static final String CLEAR_ID = "kiosk-key-clear";
    static final String BACK_ID = "kiosk-key-back";

    private final boolean masked;
    private final int maxLength;
    private final Span display = new Span();
    private final Runnable onTouch;
    private final StringBuilder value = new StringBuilder();

    Keypad(boolean masked, int maxLength, String placeholder, Runnable onTouch) {
        this.masked = masked;
        this.maxLength = maxLength;
        this.onTouch = onTouch;
        display.setId(DISPLAY_ID);
        display.getElement().setAttribute("data-placeholder", placeholder);
        display.getStyle().set("display", "block").set("min-height", "1.4em").set("min-width", "8em")
                .set("font-size", "3rem").set("letter-spacing", "0.2em").set("text-align", "center")
                .set("padding", "0.2em 0.5em").set("border", "3px solid var(--lumo-contrast-30pct)")
                .set("border-radius", "12px").set("background", "var(--lumo-base-color)");
        Div keys = new Div();
        keys.getStyle().set("display", "grid").set("grid-template-columns", "repeat(3, 7.5rem)")
                .set("gap", "1rem").set("justify-content", "center");
        for (String digit : new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
            keys.add(key(digit, KEY_ID_PREFIX + digit, () -> type(digit)));
        }
        keys.add(key("C", CLEAR_ID, this::clear));
        keys.add(key("0", KEY_ID_PREFIX + "0", () -> type("0")));
        keys.add(key("⌫", BACK_ID, this::backspace));
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.setWidth(null);
        layout.add(display, keys);
        show();
    }

    String value() {
        return value.toString();
    }

    void clear() {
        value.setLength(0);
        show();
    }

    private void type(String digit) {
        if (value.length() < maxLength) {
            value.append(digit);
            show();
        }
    }

    private void backspace() {
        if (!value.isEmpty()) {
            value.setLength(value.length() - 1);
            show();
        }
    }

    private void show() {
        display.setText(value.isEmpty() ? display.getElement().getAttribute("data-placeholder")
                : masked ? "●".repeat(value.length()) : value.toString());
        display.getStyle().set("color", value.isEmpty() ? "var(--lumo-tertiary-text-color)" : "inherit");
    }

    private Button key(String label, String id, Runnable action) {
        Button button = new Button(label, click -> {
            onTouch.run();
            action.run();
        });
        button.setId(id);
        styleTouch(button);
        button.getStyle().set("height", "6rem").set("font-size", "2.5rem");
        return button;
    }

    /** Large, finger-sized buttons (at least 6 rem high) for every kiosk action. */
    static void styleTouch(Button button) {
        button.getStyle().set("min-height", "5rem").set("min-width", "7.5rem").set("font-size", "1.8rem")
                .set("border-radius", "14px").set("margin", "0");
    }
}
