package io.jichao.collection.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.jichao.collection.control.RelayCommand;
import io.jichao.collection.control.RelayCommandRecord;
import io.jichao.collection.control.RelayControlService;
import io.jichao.collection.control.RelayOutcome;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.BackgroundAction;
import io.jichao.shared.ui.Notifications;

/**
 * Relay commands for one meter (trip, close, keep power, release) with the read-back of the last
 * one and the meter's recent commands. A command waits for the bus (command, read-back, retries), so
 * it runs in the background ({@link BackgroundAction}): the buttons stay disabled and a progress bar
 * shows until the outcome is pushed. The service checks permission and district.
 */
class RelayPanel extends VerticalLayout {

    static final String READBACK_ID = "relay-readback";
    static final String COMMANDS_ID = "relay-commands";
    static final String PROGRESS_ID = "relay-progress";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient RelayControlService relays;
    private final Span readBack = new Span();
    private final Grid<RelayCommandRecord> commands = new Grid<>();
    private final BackgroundAction<Sent> sending;
    private long meterId;

    /** A command's outcome and the meter's recent commands after it. */
    private record Sent(long meterId, RelayCommand command, RelayOutcome outcome, List<RelayCommandRecord> recent) {
    }

    RelayPanel(RelayControlService relays) {
        this.relays = relays;
        setPadding(false);
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        sending = new BackgroundAction<>(this, this::showSent);
        for (RelayCommand command : RelayCommand.values()) {
            Button button = new Button(getTranslation("control.command." + command.name()), click -> send(command));
            button.setId(buttonId(command));
            button.setDisableOnClick(true);
            if (command == RelayCommand.TRIP) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            sending.controls(button);
            buttons.add(button);
        }
        sending.indicator().setId(PROGRESS_ID);
        buttons.add(sending.indicator());
        readBack.setId(READBACK_ID);
        commands.setId(COMMANDS_ID);
        commands.setAllRowsVisible(true);
        commands.addColumn(r -> TIME.format(r.finishedAt())).setHeader(getTranslation("control.col.at"));
        commands.addColumn(r -> getTranslation("control.command." + r.command().name()))
                .setHeader(getTranslation("control.col.command"));
        commands.addColumn(r -> getTranslation("control.reason." + r.reason().name()))
                .setHeader(getTranslation("control.col.reason"));
        commands.addColumn(RelayCommandRecord::requestedBy).setHeader(getTranslation("control.col.by"));
        commands.addColumn(r -> getTranslation("control.verdict." + r.outcome().name()))
                .setHeader(getTranslation("control.col.outcome"));
        commands.addColumn(r -> relay(r.observedOpen())).setHeader(getTranslation("control.col.relay"));
        commands.addColumn(RelayCommandRecord::attempts).setHeader(getTranslation("control.col.attempts"));
        add(buttons, readBack, commands);
    }

    static String buttonId(RelayCommand command) {
        return "relay-" + command.name().toLowerCase().replace('_', '-');
    }

    void show(long meter) {
        this.meterId = meter;
        commands.setItems(relays.recent(meter));
    }

    private void send(RelayCommand command) {
        long meter = meterId;
        sending.run(() -> {
            RelayOutcome outcome = relays.command(meter, command);
            return new Sent(meter, command, outcome, relays.recent(meter));
        });
    }

    private void showSent(Sent sent) {
        if (sent.meterId() != meterId) {
            return; // the page moved on to another meter meanwhile
        }
        RelayOutcome outcome = sent.outcome();
        readBack.setText(getTranslation("control.relay.result", getTranslation("control.command." + sent.command().name()),
                getTranslation("control.verdict." + outcome.verdict().name()), outcome.attempts(),
                relay(outcome.observedOpen()), keepPower(outcome.keepPower())));
        commands.setItems(sent.recent());
        if (outcome.verified()) {
            Notifications.success("control.relay.done");
        } else {
            Notifications.error(new DomainException("control.relay.failed"));
        }
    }

    /** The command in flight, if any (tests wait on it). */
    BackgroundAction<?> sending() {
        return sending;
    }

    private String relay(Boolean open) {
        return getTranslation(open == null ? "control.relay.unknown" : open ? "control.relay.open" : "control.relay.closed");
    }

    private String keepPower(Boolean on) {
        return getTranslation(on == null ? "control.relay.unknown" : on ? "control.keep.on" : "control.keep.off");
    }
}
