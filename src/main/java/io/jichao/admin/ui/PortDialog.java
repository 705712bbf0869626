package io.jichao.admin.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.PortDraft;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;

/**
 * Changes one serial port's bus settings as the DH600 configures them: baud rate, data bits,
 * parity, stop bits, protocol, and its TCP port on the collector. Choosing another protocol
 * suggests that protocol's usual framing (2400 8E1 for DL/T 645-2007, 9600 8N1 for Modbus), which
 * the admin can still change; the service checks the values.
 */
public class PortDialog extends FormDialog {

    public static final String BAUD_ID = "port-baud";
    public static final String DATA_BITS_ID = "port-data-bits";
    public static final String PARITY_ID = "port-parity";
    public static final String STOP_BITS_ID = "port-stop-bits";
    public static final String PROTOCOL_ID = "port-protocol";
    public static final String TCP_PORT_ID = "port-tcp";

    private final Select<Integer> baudRate = new Select<>();
    private final IntegerField dataBits = new IntegerField(getTranslation("port.data-bits"));
    private final Select<Parity> parity = new Select<>();
    private final IntegerField stopBits = new IntegerField(getTranslation("port.stop-bits"));
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
        dataBits.setId(DATA_BITS_ID);
        dataBits.setHelperText(getTranslation("port.data-bits.hint"));
        dataBits.setStepButtonsVisible(true);
        dataBits.setValue(port.dataBits());
        parity.setId(PARITY_ID);
        parity.setLabel(getTranslation("port.parity"));
        parity.setItems(Parity.values());
        parity.setItemLabelGenerator(p -> getTranslation("parity." + p.name()));
        parity.setValue(port.parity());
        stopBits.setId(STOP_BITS_ID);
        stopBits.setHelperText(getTranslation("port.stop-bits.hint"));
        stopBits.setStepButtonsVisible(true);
        stopBits.setValue(port.stopBits());
        protocol.setId(PROTOCOL_ID);
        protocol.setLabel(getTranslation("port.protocol"));
        protocol.setItems(MeterProtocol.values());
        protocol.setItemLabelGenerator(p -> getTranslation("protocol." + p.name()));
        protocol.setValue(port.protocol());
        protocol.addValueChangeListener(event -> suggestFraming(event.getValue()));
        tcpPort.setId(TCP_PORT_ID);
        tcpPort.setHelperText(getTranslation("port.tcp.hint"));
        tcpPort.setValue(port.tcpPort());
        form.add(protocol, baudRate, dataBits, parity, stopBits, tcpPort);
        errors.on(baudRate, "error.port.baud")
                .on(dataBits, "error.port.data-bits").on(stopBits, "error.port.stop-bits")
                .required(protocol, "protocol").on(protocol, "error.port.protocol.meters")
                .on(tcpPort, "error.port.tcp", "error.port.tcp.required");
    }

    /** The usual framing of the newly chosen protocol: its baud rate, 8 data bits, its parity, 1 stop bit. */
    private void suggestFraming(MeterProtocol chosen) {
        if (chosen == null) {
            return;
        }
        baudRate.setValue(chosen.usualBaudRate());
        dataBits.setValue(8);
        parity.setValue(chosen.usualParity());
        stopBits.setValue(1);
    }

    @Override
    protected void save() {
        action.accept(new PortDraft(orZero(baudRate.getValue()), orZero(dataBits.getValue()), parity.getValue(),
                orZero(stopBits.getValue()), protocol.getValue(), tcpPort.getValue()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
