package io.jichao.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One entry of the side navigation. Features declare entries as beans, so the shell does not
 * depend on every feature; lower order comes first.
 */
public record NavigationEntry(int order, String titleKey, VaadinIcon icon, Class<? extends Component> view) {
}
