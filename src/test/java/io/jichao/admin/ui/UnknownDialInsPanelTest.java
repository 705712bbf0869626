package io.jichao.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.jichao.admin.ui.AdminUi.byId;
import static io.jichao.admin.ui.AdminUi.cell;
import static io.jichao.admin.ui.AdminUi.click;
import static io.jichao.admin.ui.AdminUi.grid;
import static io.jichao.admin.ui.AdminUi.rows;
import static io.jichao.admin.ui.AdminUi.save;
import static io.jichao.admin.ui.AdminUi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.DialInCommissioning;
import io.jichao.collection.UnknownDialIn;
import io.jichao.shared.DomainException;
import io.jichao.testing.KaribuTest;

/** The "unknown dial-ins" part of the collectors page, fed by real connections to the engine's listener. */
class UnknownDialInsPanelTest extends KaribuTest {

    @Autowired
    private CollectionEngine engine;
    @Autowired
    private DialInCommissioning commissioning;
    @Autowired
    private CollectorService collectors;
    @Autowired
    private SiteStructureService structure;

    private Long created;

    @BeforeEach
    void startEngine() {
        engine.start(List.of());
    }

    @AfterEach
    void stopEngine() {
        engine.stop();
        if (created != null) {
            login("maint");
            CollectorView view = collectors.list().stream().filter(c -> c.id() == created).findFirst().orElseThrow();
            collectors.update(created, new CollectorDraft(view.buildingId(), view.name(), view.model(),
                    view.connectionMode(), view.host(), view.registrationId(), false));
        }
    }

    private void dialIn(String packet) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", engine.dialInPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(packet.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            login("maint");
            await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> commissioning.unknownDialIns().stream()
                    .anyMatch(d -> d.text().equals(packet)));
        }
    }

    @Test
    void an_unknown_dial_in_is_listed_with_its_bytes_and_becomes_a_collector_in_one_step() throws Exception {
        String code = unique("UNK").replaceAll("[^A-Za-z0-9]", "");
        String packet = "LOGIN:" + code + "-P3";
        dialIn(packet);
        navigateTo("collectors");

        Grid<UnknownDialIn> unknown = grid(UnknownDialInsPanel.GRID_ID);
        UnknownDialIn row = rows(unknown).stream().filter(d -> d.text().equals(packet)).findFirst().orElseThrow();
        assertThat(cell(unknown, "source", row)).isEqualTo("127.0.0.1");
        assertThat(cell(unknown, "hex", row)).startsWith("4C 4F 47 49 4E 3A");
        assertThat(cell(unknown, "registration", row)).isEqualTo(code + " (port 3)");
        assertThat(cell(unknown, "count", row)).isEqualTo("1");
        assertThat(unknown.getColumnByKey("hex").getHeaderText()).isEqualTo("Bytes received (hex)");

        unknown.select(row);
        click(UnknownDialInsPanel.COMMISSION_ID);
        assertThat(byId(TextField.class, DialInCommissionDialog.REGISTRATION_ID).getValue()).isEqualTo(code);
        assertThat(byId(Select.class, DialInCommissionDialog.MODEL_ID).getValue())
                .as("the smallest model with a port 3").isEqualTo(CollectorModel.DH604);
        _setValue(byId(ComboBox.class, DialInCommissionDialog.BUILDING_ID),
                structure.buildings().stream().filter(b -> b.code().equals("C")).findFirst().orElseThrow());
        save();

        Grid<CollectorView> grid = grid(CollectorsView.GRID_ID);
        CollectorView collector = grid.asSingleSelect().getValue();
        created = collector.id();
        assertThat(collector.registrationId()).isEqualTo(code);
        assertThat(collector.name()).isEqualTo(code);
        assertThat(collector.ports()).hasSize(4);
        assertThat(rows(grid(UnknownDialInsPanel.GRID_ID))).noneMatch(d -> ((UnknownDialIn) d).text().equals(packet));
    }

    @Test
    void a_commission_without_a_building_is_refused_on_the_field_and_the_entry_stays() throws Exception {
        String packet = "NOT A REGISTRATION " + unique("");
        dialIn(packet);
        navigateTo("collectors");
        Grid<UnknownDialIn> unknown = grid(UnknownDialInsPanel.GRID_ID);
        UnknownDialIn row = rows(unknown).stream().filter(d -> d.text().equals(packet)).findFirst().orElseThrow();
        assertThat(cell(unknown, "registration", row)).isEmpty();

        unknown.select(row);
        click(UnknownDialInsPanel.COMMISSION_ID);
        save();

        assertThat(byId(ComboBox.class, DialInCommissionDialog.BUILDING_ID).isInvalid()).isTrue();
        assertThat(commissioning.unknownDialIns()).anyMatch(d -> d.key().equals(row.key()));
    }

    @Test
    void a_recharge_clerk_can_neither_open_the_page_nor_list_or_commission_dial_ins() {
        login("clerk");

        Throwable refusal = catchThrowable(() -> navigateTo("collectors"));

        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(UnknownDialInsPanel.class)).isEmpty();
        assertThatThrownBy(() -> commissioning.unknownDialIns()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.permission.denied"));
        assertThatThrownBy(() -> commissioning.commission("127.0.0.1|hex:00", null, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.permission.denied"));
    }
}
