package io.jichao.home.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

/**
 * Loads the home page's figures off the UI thread, as the operator who opened it (the security
 * context captured on attach, since a change event arrives on a thread without one), and hands
 * them to the page by {@link UI#access}. At most one load runs; changes that arrive meanwhile
 * cause exactly one more load when it ends, so an alarm storm costs one load at a time, not one
 * per alarm.
 *
 * @param <T> what a load returns
 */
final class HomeLoader<T> {

    private static final Logger log = LoggerFactory.getLogger(HomeLoader.class);
    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Supplier<T> load;
    private final Consumer<T> show;
    private final Runnable failed;
    private UI ui;
    private SecurityContext context;
    private boolean running;
    private boolean again;
    private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    HomeLoader(Supplier<T> load, Consumer<T> show, Runnable failed) {
        this.load = load;
        this.show = show;
        this.failed = failed;
    }

    /** The page is shown: later loads run as this operator and report to this UI. */
    synchronized void attach(UI attachedUi, SecurityContext operator) {
        this.ui = attachedUi;
        this.context = operator;
    }

    synchronized void detach() {
        this.ui = null;
        this.context = null;
    }

    /** Starts a load, or asks for one more after the running one; any thread. */
    synchronized void refresh() {
        if (ui == null) {
            return;
        }
        if (running) {
            again = true;
            return;
        }
        running = true;
        UI target = ui;
        Runnable task = new DelegatingSecurityContextRunnable(() -> loadAndShow(target), context);
        current = CompletableFuture.runAsync(task, WORKERS);
    }

    /** The running load, done once its figures were handed to the page's push queue (tests wait on it). */
    synchronized CompletableFuture<Void> current() {
        return current;
    }

    private void loadAndShow(UI target) {
        Runnable result;
        try {
            T figures = load.get();
            result = () -> show.accept(figures);
        } catch (RuntimeException e) {
            log.warn("The home page's figures could not be loaded: {}", e.toString());
            result = failed;
        }
        try {
            Runnable shown = result;
            target.access(shown::run);
        } catch (UIDetachedException e) {
            log.debug("Home page gone before its figures arrived");
        } catch (RuntimeException e) {
            // A session closed meanwhile (logout, expiry): nobody is left to show the figures to.
            log.debug("Home page could not take its figures: {}", e.toString());
        }
        boolean more;
        synchronized (this) {
            running = false;
            more = again;
            again = false;
        }
        if (more) {
            refresh();
        }
    }
}
