package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** The state transitions the delivery engine will drive, called here as the engine will call them. */
@JichaoSpringTest
class RechargeProgressIT {

    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private AccountService accounts;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;

    private long meterId;
    private RechargeOrderView order;

    @BeforeEach
    void placedOrder() {
        PrepaidFixtures fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        meterId = fixtures.meter("B", BillingMode.PREPAID);
        fixtures.flatGroup("0.8000", meterId);
        LoginSupport.loginAs(users, "clerk");
        order = recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("8")), Payment.cash(),
                PrepaidFixtures.key()));
        // The engine acts for the system, with nobody logged in.
        LoginSupport.logout();
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void a_delivered_order_goes_created_sent_confirmed() {
        assertThat(progress.awaitingDelivery(10_000)).contains(new RechargeInstruction(order.id(), meterId, Kwh.of("10")));
        assertThat(progress.markSent(order.id()).state()).isEqualTo(RechargeState.SENT);
        assertThat(progress.awaitingDelivery(10_000)).extracting(RechargeInstruction::orderId).doesNotContain(order.id());
        RechargeOrderView confirmed = progress.markConfirmed(order.id());
        assertThat(confirmed.state()).isEqualTo(RechargeState.CONFIRMED);
        assertThat(confirmed.deliveryAttempts()).isEqualTo(1);
        assertThat(audit.byAction("RECHARGE_CONFIRMED")).anySatisfy(event -> {
            assertThat(event.getOperatorUsername()).isEqualTo("system");
            assertThat(event.getDetails()).isEqualTo("order " + order.id() + " SENT -> CONFIRMED");
        });
    }

    @Test
    void a_failed_delivery_is_retried_and_never_credits_twice() {
        progress.markSent(order.id());
        RechargeOrderView failed = progress.markFailed(order.id(), "meter 7 did not answer");
        assertThat(failed.state()).isEqualTo(RechargeState.FAILED_RETRYING);
        assertThat(failed.lastFailure()).isEqualTo("meter 7 did not answer");
        assertThat(progress.awaitingDelivery(10_000)).extracting(RechargeInstruction::orderId).contains(order.id());
        progress.markSent(order.id());
        assertThat(progress.markConfirmed(order.id()).deliveryAttempts()).isEqualTo(2);
        LoginSupport.loginAs(users, "clerk");
        assertThat(accounts.ledgerOfMeter(meterId)).hasSize(1);
    }

    @Test
    void transitions_outside_the_state_machine_are_refused() {
        assertThatThrownBy(() -> progress.markConfirmed(order.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.state");
        assertThatThrownBy(() -> progress.markFailed(order.id(), "x"))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.state");
        progress.markSent(order.id());
        progress.markConfirmed(order.id());
        assertThatThrownBy(() -> progress.markSent(order.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.state");
        assertThatThrownBy(() -> progress.markSent(-1))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.not.found");
    }

    @Test
    void an_order_left_sent_is_listed_for_a_read_back_until_confirmed_with_its_figures_audited() {
        assertThat(progress.leftSent(10_000)).extracting(RechargeInstruction::orderId).doesNotContain(order.id());
        progress.markSent(order.id());
        assertThat(progress.leftSent(10_000)).contains(new RechargeInstruction(order.id(), meterId, Kwh.of("10")));
        assertThat(progress.find(order.id()).orElseThrow().state()).isEqualTo(RechargeState.SENT);

        progress.markConfirmed(order.id(), "purchase count 3 -> 4");

        assertThat(progress.leftSent(10_000)).extracting(RechargeInstruction::orderId).doesNotContain(order.id());
        assertThat(audit.byAction("RECHARGE_READBACK")).anySatisfy(event -> {
            assertThat(event.getOperatorUsername()).isEqualTo("system");
            assertThat(event.getDetails()).isEqualTo("order " + order.id() + ": purchase count 3 -> 4");
        });
        assertThat(progress.find(-1)).isEmpty();
    }
}
