package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.notify.NotificationService;
import io.jichao.notify.NotificationState;
import io.jichao.notify.NotificationView;
import io.jichao.notify.NotifyFixtures;
import io.jichao.shared.DomainException;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Issue 5 item 9: a confirmed recharge queues an SMS receipt to the household, once. */
@JichaoSpringTest
class RechargeSmsIT {

    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private String firstPhone;
    private String secondPhone;
    private long meterId;
    private RechargeOrderView order;

    @BeforeEach
    void placedAndSentOrder() {
        firstPhone = NotifyFixtures.phone();
        secondPhone = NotifyFixtures.phone();
        meterId = new NotifyFixtures(meters, structure, users).meterWithPhones("B", List.of(firstPhone, secondPhone));
        new PrepaidFixtures(meters, structure, tariffs, users).flatGroup("0.8000", meterId);
        LoginSupport.loginAs(users, "clerk");
        order = recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("8")), Payment.cash(),
                PrepaidFixtures.key()));
        LoginSupport.logout();
        progress.markSent(order.id());
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void a_confirmed_recharge_texts_amount_kwh_and_the_read_back_remaining_energy_to_every_number_once() {
        // What the engine stores before it reports the confirmation (EngineRechargeDelivery.confirm).
        jdbc.update("INSERT INTO recharge_delivery (order_id, meter_id, purchase_count_before, remaining_before, "
                + "purchase_count_after, remaining_after) VALUES (?, ?, 3, 32.37, 4, 42.37)", order.id(), meterId);

        progress.markConfirmed(order.id(), "purchase count 3 -> 4");

        List<NotificationView> texts = notifications.messages(RechargeSms.dedupKey(order.id()));
        assertThat(texts).extracting(NotificationView::phone).containsExactly(firstPhone, secondPhone);
        assertThat(texts).allSatisfy(text -> {
            assertThat(text.state()).isEqualTo(NotificationState.QUEUED);
            assertThat(text.body()).isEqualTo("【集抄】充值成功：8.00元，10.00度。电表剩余电量：42.37度。");
        });

        assertThatThrownBy(() -> progress.markConfirmed(order.id())).isInstanceOf(DomainException.class);
        assertThat(notifications.toHousehold(meterId, RechargeSms.TEMPLATE,
                Map.of("amount", "8.00", "kwh", "10.00", "remaining", "42.37"), RechargeSms.dedupKey(order.id())))
                .as("the order's key again queues nothing").isEmpty();
        assertThat(notifications.messages(RechargeSms.dedupKey(order.id()))).hasSize(2);
    }

    @Test
    void without_a_read_back_figure_the_text_leaves_the_remaining_energy_out() {
        progress.markConfirmed(order.id());

        assertThat(notifications.messages(RechargeSms.dedupKey(order.id()))).extracting(NotificationView::body)
                .containsOnly("【集抄】充值成功：8.00元，10.00度已充入您的电表。");
    }

    @Test
    void a_failed_delivery_texts_nothing() {
        progress.markFailed(order.id(), "meter did not answer");

        assertThat(notifications.messages(RechargeSms.dedupKey(order.id()))).isEmpty();
    }

    @Test
    void the_receipt_uses_the_remaining_energy_the_caller_read_back() {
        jdbc.update("INSERT INTO recharge_delivery (order_id, meter_id, remaining_after) VALUES (?, ?, ?)",
                order.id(), meterId, new BigDecimal("7.5"));
        progress.markConfirmed(order.id());

        assertThat(notifications.messages(RechargeSms.dedupKey(order.id()))).extracting(NotificationView::body)
                .containsOnly("【集抄】充值成功：8.00元，10.00度。电表剩余电量：7.50度。");
    }
}
