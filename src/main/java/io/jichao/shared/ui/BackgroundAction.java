package io.jichao.shared.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.progressbar.ProgressBar;

import io.jichao.shared.DomainException;

/**
 * Slow work started from a page (a bus read, a relay command, anything that waits on a device or a
 * network) without holding the Vaadin session lock: {@link #run} disables the controls, shows an
 * indeterminate progress bar, runs the work on a virtual thread as the operator who clicked, and
 * hands the result (or the refusal) back to the page through {@link UI#access}, which the app
 * shell's {@code @Push} sends to the browser at once. The page stays usable meanwhile; a second
 * start while one is running is ignored. If the page is gone when the work ends, the result is
 * dropped (the service has already stored and audited what it did).
 *
 * @param <T> what the work returns
 */
public final class BackgroundAction<T> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundAction.class);
    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Component owner;
    private final Consumer<T> done;
    private final Consumer<DomainException> refused;
    private final List<HasEnabled> controls = new ArrayList<>();
    private final ProgressBar progress = new ProgressBar();
    private volatile CompletableFuture<Void> running;

    /**
     * @param owner   the component whose UI receives the result
     * @param done    shows the result, on the UI thread
     * @param refused shows a refusal ({@link DomainException} from the service), on the UI thread
     */
    public BackgroundAction(Component owner, Consumer<T> done, Consumer<DomainException> refused) {
        this.owner = owner;
        this.done = done;
        this.refused = refused;
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("8em");
    }

    /** A refusal shows as the usual error notification. */
    public BackgroundAction(Component owner, Consumer<T> done) {
        this(owner, done, Notifications::error);
    }

    /** Controls disabled while the work runs (the buttons that start it, typically). */
    public BackgroundAction<T> controls(HasEnabled... disabledWhileRunning) {
        controls.addAll(List.of(disabledWhileRunning));
        return this;
    }

    /** The in-progress indicator; the page places it next to its controls. */
    public ProgressBar indicator() {
        return progress;
    }

    /**
     * Starts {@code work} on a virtual thread unless one is running. Call on the UI thread (a click
     * handler). Returns whether it started.
     */
    public boolean run(Supplier<T> work) {
        if (running != null) {
            return false;
        }
        UI ui = owner.getUI().orElseGet(UI::getCurrent);
        setRunning(true);
        Runnable task = new DelegatingSecurityContextRunnable(() -> finish(ui, work),
                SecurityContextHolder.getContext());
        running = CompletableFuture.runAsync(task, WORKERS);
        return true;
    }

    /** Whether work is running now. */
    public boolean isRunning() {
        return running != null;
    }

    /** The running work, done once its result has been handed to the UI (tests wait on it). */
    public CompletableFuture<Void> current() {
        CompletableFuture<Void> now = running;
        return now == null ? CompletableFuture.completedFuture(null) : now;
    }

    private void finish(UI ui, Supplier<T> work) {
        Runnable show;
        try {
            T result = work.get();
            show = () -> done.accept(result);
        } catch (DomainException e) {
            show = () -> refused.accept(e);
        } catch (RuntimeException e) {
            log.error("Background work of {} failed", owner.getClass().getSimpleName(), e);
            show = () -> refused.accept(new DomainException("error.background.failed"));
        }
        Runnable shown = show;
        try {
            ui.access(() -> {
                running = null;
                setRunning(false);
                shown.run();
            });
        } catch (UIDetachedException gone) {
            running = null;
            log.debug("Page closed before its background work ended; result dropped");
        }
    }

    private void setRunning(boolean on) {
        progress.setVisible(on);
        controls.forEach(control -> control.setEnabled(!on));
    }
}
