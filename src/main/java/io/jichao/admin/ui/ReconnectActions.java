package io.jichao.admin.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.collection.CollectorReconnectService;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/**
 * "Reconnect collector" and "Reconnect port" on the collectors page: the engine drops and reopens
 * the links after the exchange in flight; the click only queues that (nothing waits on the
 * network) and the new state arrives on the page by push. Refusals (district, permission, engine
 * not running here) are shown as notifications.
 */
final class ReconnectActions extends Composite<HorizontalLayout> {

    private final transient CollectorReconnectService reconnects;
    private final Supplier<Optional<CollectorView>> collector;
    private final Supplier<Optional<PortView>> port;
    private final Button reconnect = new Button(getTranslation("collectors.reconnect"), VaadinIcon.REFRESH.create());
    private final Button reconnectPort = new Button(getTranslation("port.reconnect"), VaadinIcon.REFRESH.create());

    ReconnectActions(CollectorReconnectService reconnects, Supplier<Optional<CollectorView>> collector,
                     Supplier<Optional<PortView>> port) {
        this.reconnects = reconnects;
        this.collector = collector;
        this.port = port;
        reconnect.setId(CollectorsView.RECONNECT_ID);
        reconnect.addClickListener(click -> collector.get().ifPresent(c -> reconnect(c, null)));
        reconnectPort.setId(CollectorsView.RECONNECT_PORT_ID);
        reconnectPort.addClickListener(click -> collector.get().ifPresent(c -> port.get().ifPresent(p -> reconnect(c, p))));
        getContent().setPadding(false);
        getContent().add(reconnect, reconnectPort);
        update();
    }

    /** Enables the buttons for the current selection. */
    void update() {
        reconnect.setEnabled(collector.get().isPresent());
        reconnectPort.setEnabled(collector.get().isPresent() && port.get().isPresent());
    }

    private void reconnect(CollectorView target, PortView targetPort) {
        try {
            int dropped = targetPort == null ? reconnects.reconnectCollector(target.id())
                    : reconnects.reconnectPort(target.id(), targetPort.portNumber());
            Notifications.success("collectors.reconnect.requested",
                    targetPort == null ? target.name() : target.name() + " #" + targetPort.portNumber(), dropped);
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }
}
