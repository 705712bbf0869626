package io.jichao.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * One figure of the home page: its value, what it counts and, where a page answers "which ones",
 * a link there. Found by id ({@link HomeView#TILE_PREFIX} + name), never by its translated text.
 */
final class HomeTile extends Div {

    private final Span value = new Span();
    private final Span label = new Span();
    private final Div detail = new Div();

    HomeTile(String name) {
        setId(HomeView.TILE_PREFIX + name);
        addClassName("jichao-tile");
        value.addClassName("jichao-tile-value");
        label.addClassName("jichao-tile-label");
        detail.addClassName("jichao-tile-detail");
        add(value, label, detail);
    }

    HomeTile show(String valueText, String labelText) {
        value.setText(valueText);
        label.setText(labelText);
        detail.removeAll();
        return this;
    }

    /** A line under the label: a link to the page that lists what the figure counts. */
    HomeTile link(String text, Class<? extends Component> target) {
        RouterLink link = new RouterLink(text, target);
        link.setId(getId().orElseThrow() + "-link");
        detail.add(link);
        return this;
    }

    HomeTile note(String text) {
        detail.add(new Span(text));
        return this;
    }

    /** Replaces the value only (label and links stay). */
    void value(String valueText) {
        value.setText(valueText);
    }
}
