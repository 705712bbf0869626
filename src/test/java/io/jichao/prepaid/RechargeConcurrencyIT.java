package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Clerks submitting at the same moment: no lost, doubled or mis-summed recharge. */
@JichaoSpringTest
class RechargeConcurrencyIT {

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
    private RechargeOrderRepository orders;
    @Autowired
    private UserDetailsService users;

    private PrepaidFixtures fixtures;
    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        LoginSupport.logout();
    }

    @Test
    void twenty_concurrent_orders_over_five_meters_sum_up_in_ledger_and_orders() throws Exception {
        List<Long> meterIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            meterIds.add(fixtures.meter(i % 2 == 0 ? "A" : "B", BillingMode.PREPAID));
        }
        fixtures.flatGroup("0.5000", meterIds.stream().mapToLong(Long::longValue).toArray());
        List<Callable<RechargeOrderView>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long meterId = meterIds.get(i % 5);
            Money amount = Money.of((i + 1) + ".25");
            calls.add(() -> recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(amount),
                    Payment.cash(), PrepaidFixtures.key())));
        }

        List<RechargeOrderView> placed = runTogether(calls);

        assertThat(placed).hasSize(20).extracting(RechargeOrderView::id).doesNotHaveDuplicates();
        LoginSupport.loginAs(users, "clerk");
        for (long meterId : meterIds) {
            Money ordered = orders.findByMeterIdOrderByIdAsc(meterId).stream().map(RechargeOrder::getAmount)
                    .reduce(Money.ZERO, Money::plus);
            Money expected = placed.stream().filter(o -> o.meterId() == meterId).map(RechargeOrderView::amount)
                    .reduce(Money.ZERO, Money::plus);
            assertThat(ordered).isEqualTo(expected);
            assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(expected);
            assertThat(accounts.ledgerOfMeter(meterId)).hasSize(4);
        }
    }

    @Test
    void two_threads_submitting_the_same_key_create_exactly_one_order() throws Exception {
        long meterId = fixtures.meter("A", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterId);
        for (int round = 0; round < 10; round++) {
            String key = PrepaidFixtures.key();
            Callable<RechargeOrderView> submit = () -> recharges.placeOrder(new RechargeRequest(meterId,
                    RechargeAmount.of(Money.of("10")), Payment.cash(), key));

            List<RechargeOrderView> both = runTogether(List.of(submit, submit));

            assertThat(both.get(0).id()).isEqualTo(both.get(1).id());
        }
        LoginSupport.loginAs(users, "clerk");
        assertThat(orders.findByMeterIdOrderByIdAsc(meterId)).hasSize(10);
        assertThat(accounts.ledgerOfMeter(meterId)).hasSize(10);
        assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(Money.of("100.00"));
    }

    /** Runs the calls on their own threads, each logged in as the clerk, released at the same instant. */
    private List<RechargeOrderView> runTogether(List<Callable<RechargeOrderView>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RechargeOrderView>> futures = new ArrayList<>();
        for (Callable<RechargeOrderView> call : calls) {
            futures.add(pool.submit(() -> {
                LoginSupport.loginAs(users, "clerk");
                try {
                    ready.countDown();
                    go.await();
                    return call.call();
                } finally {
                    LoginSupport.logout();
                }
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        List<RechargeOrderView> results = new ArrayList<>();
        for (Future<RechargeOrderView> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
