package io.jichao.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

/** Small helpers the admin view tests share: components by ID, grid rows, names unique in the shared database. */
final class AdminUi {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AdminUi() {
    }

    static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    static void click(String buttonId) {
        _click(byId(Button.class, buttonId));
    }

    static void save() {
        click(FormDialog.SAVE_ID);
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return byId(Grid.class, id);
    }

    static <T> List<T> rows(Grid<T> grid) {
        return GridKt._findAll(grid);
    }

    static <T> String cell(Grid<T> grid, String columnKey, T item) {
        return GridKt._getFormatted(GridKt._getColumnByKey(grid, columnKey), item);
    }

    /** Tests share one database: every name a test creates gets a suffix no other test uses. */
    static String unique(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** Texts of the notifications on screen (Notification itself has no getter for its text). */
    static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream()
                .map(notification -> notification.getElement().getProperty("text"))
                .toList();
    }
}
