package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.link.PortKey;
import io.jichao.shared.DomainException;
import io.jichao.testing.KaribuTest;

/**
 * Commissioning a dial-in through {@link DialInCommissioning} against the real archive (MariaDB)
 * and the context's engine listening on port 0. The engine of this branch takes new collectors at
 * its next start (live pickup of archive changes is another work stream), so the registration
 * after commissioning is shown across an engine restart.
 */
class DialInCommissioningIT extends KaribuTest {

    @Autowired
    private CollectionEngine engine;
    @Autowired
    private DialInCommissioning commissioning;
    @Autowired
    private CollectorService collectors;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private AuditTrail audit;

    private final List<Socket> sockets = new ArrayList<>();
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void startEngine() {
        engine.start(List.of());
    }

    @AfterEach
    void stopEngineAndDisableCreated() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        engine.stop();
        login("maint");
        // Other tests start engines over the whole inventory: leave no enabled test collector behind.
        for (long id : created) {
            CollectorView view = collectors.list().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
            collectors.update(id, new CollectorDraft(view.buildingId(), view.name(), view.model(),
                    view.connectionMode(), view.host(), view.registrationId(), false));
        }
    }

    private void send(byte[] bytes) throws Exception {
        Socket socket = new Socket("127.0.0.1", engine.dialInPort());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private UnknownDialIn awaitListed(String text) {
        login("maint");
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> commissioning.unknownDialIns().stream()
                .anyMatch(d -> d.text().equals(text)));
        return commissioning.unknownDialIns().stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow();
    }

    private long buildingC() {
        return structure.buildings().stream().filter(b -> b.code().equals("C")).findFirst().orElseThrow().id();
    }

    @Test
    void garbage_is_listed_with_its_bytes_and_becomes_a_collector_through_the_service() throws Exception {
        send(new byte[] {(byte) 0xFE, (byte) 0xFE, 0x68, 0x10, 0x00, 0x16});
        UnknownDialIn garbage = awaitListed("..h...");
        assertThat(garbage.hex()).isEqualTo("FE FE 68 10 00 16");
        String code = "GARB-" + UUID.randomUUID().toString().substring(0, 8);

        long id = commissioning.commission(garbage.key(),
                new CollectorDraft(buildingC(), "Garbage " + code, CollectorModel.DH604, ConnectionMode.CLIENT, null,
                        code, true), MeterProtocol.MODBUS_RTU);
        created.add(id);

        CollectorView collector = collectors.list().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(collector.registrationId()).isEqualTo(code);
        assertThat(collector.ports()).hasSize(4).allSatisfy(port -> {
            assertThat(port.protocol()).isEqualTo(MeterProtocol.MODBUS_RTU);
            assertThat(port.framing()).isEqualTo("9600 8N1");
        });
        assertThat(commissioning.unknownDialIns()).noneMatch(d -> d.key().equals(garbage.key()));
        assertThat(audit.byAction("DIAL_IN_COMMISSION")).anySatisfy(event ->
                assertThat(event.getDetails()).contains("FE FE 68 10 00 16").contains(code));
    }

    @Test
    void an_unknown_registration_becomes_a_collector_that_registers_at_its_next_dial_in() throws Exception {
        String code = "NEW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String packet = "LOGIN:" + code + "-P2";
        send(packet.getBytes(StandardCharsets.US_ASCII));
        UnknownDialIn unknown = awaitListed(packet);
        assertThat(unknown.registrationId()).isEqualTo(code);
        assertThat(unknown.portNumber()).isEqualTo(2);

        long id = commissioning.commission(unknown.key(), new CollectorDraft(buildingC(), "Dial-in " + code,
                CollectorModel.DH602, ConnectionMode.CLIENT, null, unknown.registrationId(), true),
                MeterProtocol.DLT645_2007);
        created.add(id);
        assertThat(commissioning.unknownDialIns()).noneMatch(d -> code.equals(d.registrationId()));

        engine.stop();
        engine.start(inventory.enabledCollectors());
        send(packet.getBytes(StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> engine.link(new PortKey(id, 2)).map(link -> link.connected()).orElse(false));
        assertThat(commissioning.unknownDialIns()).noneMatch(d -> code.equals(d.registrationId()));
    }

    @Test
    void a_commission_is_refused_for_a_clerk_and_for_an_entry_no_longer_listed() throws Exception {
        send("JUNK JUNK".getBytes(StandardCharsets.US_ASCII));
        UnknownDialIn junk = awaitListed("JUNK JUNK");
        CollectorDraft draft = new CollectorDraft(buildingC(), "Refused", CollectorModel.DH601, ConnectionMode.CLIENT,
                null, "REFUSED-1", true);

        login("clerk");
        assertThatThrownBy(() -> commissioning.commission(junk.key(), draft, MeterProtocol.DLT645_2007))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.permission.denied"));
        assertThatThrownBy(() -> commissioning.unknownDialIns()).isInstanceOf(DomainException.class);

        login("maint");
        assertThatThrownBy(() -> commissioning.commission("127.0.0.1|hex:00", draft, MeterProtocol.DLT645_2007))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.dial-in.gone"));
        assertThat(collectors.list()).noneMatch(c -> "REFUSED-1".equals(c.registrationId()));
        assertThat(commissioning.unknownDialIns()).anyMatch(d -> d.key().equals(junk.key()));
    }
}
