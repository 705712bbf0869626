package io.jichao.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;

import io.jichao.shared.DomainException;

/** The page's slow work runs off the UI thread, shows progress, ignores a second start and pushes its result. */
class BackgroundActionTest {

    private final Div page = new Div();
    private final Button start = new Button("start");
    private final List<String> shown = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private BackgroundAction<String> action;

    @BeforeEach
    void openPage() {
        MockVaadin.setup();
        action = new BackgroundAction<String>(page, shown::add, e -> refusals.add(e.messageKey())).controls(start);
        page.add(start, action.indicator());
        UI.getCurrent().add(page);
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    /** Lets the pushed UI.access tasks run, as the next round trip would. */
    private void awaitPushed() {
        action.current().orTimeout(5, TimeUnit.SECONDS).join();
        MockVaadin.clientRoundtrip(false);
    }

    @Test
    void the_work_runs_while_the_page_shows_progress_and_its_result_is_pushed() throws InterruptedException {
        CountDownLatch bus = new CountDownLatch(1);
        AtomicInteger uiThreadCalls = new AtomicInteger();

        action.run(() -> {
            if (UI.getCurrent() != null) {
                uiThreadCalls.incrementAndGet();
            }
            await(bus);
            return "read";
        });

        assertThat(action.isRunning()).isTrue();
        assertThat(start.isEnabled()).as("controls off while running").isFalse();
        assertThat(action.indicator().isVisible()).isTrue();
        assertThat(shown).isEmpty();
        bus.countDown();
        awaitPushed();

        assertThat(shown).containsExactly("read");
        assertThat(uiThreadCalls).as("the work never runs on the UI thread").hasValue(0);
        assertThat(start.isEnabled()).isTrue();
        assertThat(action.indicator().isVisible()).isFalse();
        assertThat(action.isRunning()).isFalse();
    }

    @Test
    void a_second_start_while_running_is_ignored() {
        CountDownLatch bus = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        boolean first = action.run(() -> {
            runs.incrementAndGet();
            await(bus);
            return "first";
        });
        boolean second = action.run(() -> {
            runs.incrementAndGet();
            return "second";
        });
        bus.countDown();
        awaitPushed();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(shown).containsExactly("first");
    }

    @Test
    void a_refusal_is_pushed_and_the_controls_come_back() {
        action.run(() -> {
            throw new DomainException("error.collection.engine.stopped");
        });
        awaitPushed();

        assertThat(refusals).containsExactly("error.collection.engine.stopped");
        assertThat(shown).isEmpty();
        assertThat(start.isEnabled()).isTrue();
    }

    @Test
    void an_unexpected_failure_becomes_a_general_refusal() {
        action.run(() -> {
            throw new IllegalStateException("socket closed");
        });
        awaitPushed();

        assertThat(refusals).containsExactly("error.background.failed");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
