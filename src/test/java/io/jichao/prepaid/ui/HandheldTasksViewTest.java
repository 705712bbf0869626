package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.HandheldFile;
import io.jichao.prepaid.HandheldTaskService.HandheldTask;
import io.jichao.prepaid.HandheldTaskService.WaitingOrder;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class HandheldTasksViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    private long orderId;
    private String address;

    @BeforeEach
    void aWaitingOrderOnAPrepaidMeterOfBuildingA() {
        String run = String.valueOf(System.nanoTime() % 10_000_000_000L);
        address = "88" + String.format("%010d", Long.parseLong(run));
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        long meterId = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                BillingMode.PREPAID, buildingId, null, null, null, 1, 1, new BigDecimal("10"), null, null,
                "H" + run, "Handheld view " + run, List.of()));
        long groupId = tariffs.createGroup("handheld-view-" + run);
        tariffs.addVersion(groupId, LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)), new TariffPlan.Flat(PricePerKwh.of("0.5000")));
        tariffs.assignMeter(groupId, meterId);
        LoginSupport.loginAs(users, "clerk");
        orderId = recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("25.00")),
                new Payment(PaymentMethod.CASH, null), UUID.randomUUID().toString())).id();
        LoginSupport.logout();
        login("clerk");
        navigateTo("prepaid/handheld");
    }

    @Test
    void exporting_the_ticked_order_offers_the_task_file_and_takes_the_order_off_the_waiting_list() {
        Grid<WaitingOrder> waiting = waiting();
        waiting.select(mine(waiting));

        _click(_get(Button.class, spec -> spec.withId(HandheldTasksView.EXPORT_ID)));

        assertThat(_get(Span.class, spec -> spec.withId(HandheldTasksView.EXPORT_RESULT_ID)).getText())
                .endsWith("1 orders reserved for the handheld. Download the file and load it onto the unit.");
        assertThat(_get(Anchor.class, spec -> spec.withId(HandheldTasksView.DOWNLOAD_ID)).getHref()).isNotBlank();
        assertThat(waiting().getListDataView().getItems().map(WaitingOrder::orderId)).doesNotContain(orderId);
        assertThat(tasks().getListDataView().getItems().filter(HandheldTask::open).map(HandheldTask::createdBy))
                .contains("clerk");
    }

    @Test
    void a_bad_result_file_shows_why_it_was_refused_and_a_good_one_shows_the_summary() {
        waiting().select(mine(waiting()));
        _click(_get(Button.class, spec -> spec.withId(HandheldTasksView.EXPORT_ID)));
        String taskId = tasks().getListDataView().getItems().filter(HandheldTask::open)
                .filter(t -> t.rows() == 1).findFirst().orElseThrow().id();

        upload("garbage.txt", "hello\nworld\n".getBytes(StandardCharsets.UTF_8));

        Span result = _get(Span.class, spec -> spec.withId(HandheldTasksView.IMPORT_RESULT_ID));
        assertThat(result.getText()).isEqualTo("Result file refused, nothing was changed: This is not a Jichao "
                + "handheld file: the first line should start with JICHAO-HANDHELD-RESULT but starts with \"hello\".");

        Map<String, Object> site = jdbc.queryForMap("SELECT site_id, secret FROM handheld_site WHERE id = 1");
        byte[] good = new HandheldFile(HandheldFile.Kind.RESULT, (String) site.get("site_id"), taskId, Instant.now(),
                "unit-1", List.of(List.of(String.valueOf(orderId), address, "DONE", "1", "2", "0.00", "50.00",
                Instant.now().toString(), ""))).write(HexFormat.of().parseHex((String) site.get("secret")));
        upload("result.txt", good);

        assertThat(result.getText()).isEqualTo("Task " + taskId
                + " closed: 1 recharges confirmed, 0 back to the collection engine.");
        assertThat(recharges.ordersOf(meterOf()).getFirst().state().name()).isEqualTo("CONFIRMED");
    }

    @Test
    void finance_and_maintainers_cannot_open_the_page() {
        for (String username : List.of("finance", "maint")) {
            login(username);
            assertThat(catchThrowable(() -> navigateTo("prepaid/handheld"))).as(username)
                    .isInstanceOf(MockAccessDeniedException.class);
        }
    }

    private long meterOf() {
        return jdbc.queryForObject("SELECT meter_id FROM recharge_order WHERE id = ?", Long.class, orderId);
    }

    private WaitingOrder mine(Grid<WaitingOrder> grid) {
        return grid.getListDataView().getItems().filter(o -> o.orderId() == orderId).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<WaitingOrder> waiting() {
        return _get(Grid.class, spec -> spec.withId(HandheldTasksView.WAITING_ID));
    }

    @SuppressWarnings("unchecked")
    private static Grid<HandheldTask> tasks() {
        return _get(Grid.class, spec -> spec.withId(HandheldTasksView.TASKS_ID));
    }

    private static void upload(String fileName, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId(HandheldTasksView.UPLOAD_ID)), fileName, content);
    }
}
