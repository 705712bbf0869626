package io.jichao.collection.ui;

import java.util.Collection;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;

import io.jichao.collection.ReadingItem;

/** Reading items by their translated names ({@code reading.item.*}), in the items' order. */
public final class ReadingItemNames {

    private ReadingItemNames() {
    }

    public static String join(Component translator, Collection<ReadingItem> items) {
        return items.stream().sorted().map(item -> translator.getTranslation("reading.item." + item.name()))
                .collect(Collectors.joining(translator.getTranslation("coverage.separator")));
    }
}
