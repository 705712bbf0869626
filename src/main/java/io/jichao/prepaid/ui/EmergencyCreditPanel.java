package io.jichao.prepaid.ui;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

import io.jichao.prepaid.EmergencyCreditStatus;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;

/**
 * The chosen household's emergency credit: what it owes since when, or that it may take the credit,
 * with a "grant" button that fires a {@link GrantEvent}; the view confirms and grants. Like the
 * recharge form, one intended grant keeps one idempotency key until {@link #startNext()}.
 */
public class EmergencyCreditPanel extends Composite<VerticalLayout> {

    public static final String STATUS_ID = "recharge-emergency-status";
    public static final String GRANT_ID = "recharge-emergency-grant";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final Span status = new Span();
    private final Button grant = new Button();
    private Long meterId;
    private Kwh credit = Kwh.ZERO;
    private String idempotencyKey = newKey();

    public EmergencyCreditPanel() {
        status.setId(STATUS_ID);
        grant.setId(GRANT_ID);
        grant.setText(getTranslation("emergency.grant"));
        grant.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        grant.addClickListener(click -> {
            if (meterId != null) {
                fireEvent(new GrantEvent(this, meterId, credit, idempotencyKey));
            }
        });
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(status, grant);
        show(null, null);
    }

    /** Shows the status of a meter's household; hidden for no meter, a post-paid one or the feature turned off. */
    public void show(Long newMeterId, EmergencyCreditStatus current) {
        if (newMeterId == null || !newMeterId.equals(meterId)) {
            startNext();
        }
        meterId = current == null ? null : newMeterId;
        boolean visible = current != null && (current.owing() || current.credit().isPositive());
        setVisible(visible);
        if (!visible) {
            return;
        }
        credit = current.credit();
        status.setText(current.owing()
                ? getTranslation("emergency.status.owed", current.owed(),
                        current.takenAt() == null ? "" : TIME.format(current.takenAt()))
                : getTranslation("emergency.status.available", current.credit()));
        grant.setEnabled(current.available());
    }

    /** A new grant with a new key, after one was made. */
    public void startNext() {
        idempotencyKey = newKey();
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    public Registration addGrantListener(ComponentEventListener<GrantEvent> listener) {
        return addListener(GrantEvent.class, listener);
    }

    /** The clerk asked to grant the emergency credit to this meter's household. */
    public static class GrantEvent extends ComponentEvent<EmergencyCreditPanel> {

        private final long meterId;
        private final Kwh credit;
        private final String idempotencyKey;

        public GrantEvent(EmergencyCreditPanel source, long meterId, Kwh credit, String idempotencyKey) {
            super(source, false);
            this.meterId = meterId;
            this.credit = credit;
            this.idempotencyKey = idempotencyKey;
        }

        public long meterId() {
            return meterId;
        }

        public Kwh credit() {
            return credit;
        }

        public String idempotencyKey() {
            return idempotencyKey;
        }
    }
}
