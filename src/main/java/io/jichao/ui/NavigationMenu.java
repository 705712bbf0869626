package io.jichao.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.jichao.shared.ui.NavigationEntry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The side navigation's entries. Features contribute entries as beans, so the shell does not
 * depend on every feature's views.
 */
@org.springframework.stereotype.Component
public class NavigationMenu {

    private final List<NavigationEntry> entries;

    NavigationMenu(ObjectProvider<NavigationEntry> contributed) {
        List<NavigationEntry> all = new ArrayList<>(contributed.orderedStream().toList());
        all.sort(Comparator.comparingInt(NavigationEntry::order));
        this.entries = List.copyOf(all);
    }

    public List<NavigationEntry> entries() {
        return entries;
    }
}
