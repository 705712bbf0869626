package io.jichao.admin.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.PortDraft;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;

/** Changes one serial port's bus settings: baud rate, parity, protocol, and its TCP port on the collector. */
public class PortDialog extends FormDialog {

    public static final String BAUD_ID = "port-baud";
    public static final String PARITY_ID = "port-parity";
    public static final String PROTOCOL_ID = "port-protocol";
    public static final String TCP_PORT_ID = "port-tcp";

    private final Select<Integer> baudRate = new Select<>();
    private final Select<Parity> parity = new Select<>();
    private final Select<MeterProtocol> protocol = new Select<>();
    private final IntegerField tcpPort = new IntegerField(getTranslation("port.tcp"));
    private final transient Consumer<PortDraft> action;

    public PortDialog(String collectorName, PortView port, Consumer<PortDraft> action) {
        super("port.edit.title", port.portNumber(), collectorName);
        this.action = action;
        baudRate.setId(BAUD_ID);
        baudRate.setLabel(getTranslation("port.baud"));
        baudRate.setItems(CollectorService.baudRates().stream().sorted().toList());
        baudRate.setValue(port.baudRate());
        parity.setId(PARITY_ID);
        parity.setLabel(getTranslation("port.parity"));
        parity.setItems(Parity.values());
        parity.setItemLabelGenerator(p -> getTranslation("parity." + p.name()));
        parity.setValue(port.parity());
        protocol.setId(PROTOCOL_ID);
        protocol.setLabel(getTranslation("port.protocol"));
        protocol.setItems(MeterProtocol.values());
        protocol.setItemLabelGenerator(p -> getTranslation("protocol." + p.name()));
        protocol.setValue(port.protocol());
        tcpPort.setId(TCP_PORT_ID);
        tcpPort.setHelperText(getTranslation("port.tcp.hint"));
        tcpPort.setValue(port.tcpPort());
        form.add(baudRate, parity, protocol, tcpPort);
        errors.on(baudRate, "error.port.baud")
                .required(protocol, "protocol").on(protocol, "error.port.protocol.meters")
                .on(tcpPort, "error.port.tcp", "error.port.tcp.required");
    }

    @Override
    protected void save() {
        Integer baud = baudRate.getValue();
        action.accept(new PortDraft(baud == null ? 0 : baud, parity.getValue(), protocol.getValue(), tcpPort.getValue()));
    }
}
