package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.browser.BrowserSupport;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.HouseholdSearch;
import io.jichao.prepaid.ui.RechargeForm;
import io.jichao.prepaid.ui.RechargeView;
import io.jichao.simulator.Simulator;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Benchmark of what the clerk sees (issue 17 item 5): from the click on the confirm dialog's
 * "recharge" button to "已确认" (confirmed) shown on the recharge page, in headless Chromium, with
 * the engine delivering over a simulated DH604 port at 2400 bps 8E1 (50 ms answer delay, 200 ms
 * minimum gap, production timeouts and delivery settings). Each order: search the household, pick
 * it (the engine reads its remaining energy meanwhile), type 10 元, confirm, confirm the dialog.
 * The clerk is given {@link #TYPING} between picking and confirming, the least we assume a person
 * needs to type an amount and choose the payment (as {@code RechargeLatencyBench} models it). The
 * screen is watched every 10 ms; besides the clerk's figure, the push share is reported: from the
 * order's CONFIRMED time (stamped in the delivery's transaction) to the screen showing it.
 * Target: median under 2 s; the test fails on a miss or when an order is not confirmed on screen
 * within 30 s. The figures go to the log and to target/benchmarks/recharge-confirm-browser.txt.
 * Named {@code *Bench}, so a plain {@code ./mvnw verify} leaves it out (its target is a measurement
 * on a loaded machine, not a regression check); run it by name with Failsafe (docs/benchmarks.md).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RechargeConfirmBrowserBench {

    private static final Logger log = LoggerFactory.getLogger(RechargeConfirmBrowserBench.class);
    private static final String BEAN = "browserBenchDelivery";
    private static final int METERS = 4;
    private static final int ORDERS = 8;
    private static final double TARGET_MEDIAN_SECONDS = 2.0;
    private static final Duration TYPING = Duration.ofSeconds(3);

    @LocalServerPort
    private int port;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeDeliveryStore store;
    @Autowired
    private LockProvider locks;
    @Autowired
    private ReadingWriter readings;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;
    @Autowired
    private ConfigurableApplicationContext context;

    private Simulator simulator;
    private CollectionEngine engine;
    private EngineRechargeDelivery delivery;
    private WebDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        if (beans.containsSingleton(BEAN)) {
            beans.destroySingleton(BEAN);
        }
        if (delivery != null) {
            delivery.stop();
        }
        if (engine != null) {
            engine.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void the_clerk_sees_confirmed_within_two_seconds_median_at_2400_bps() throws IOException {
        List<ArchivedMeter> archived = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock)
                .prepaidMeters(METERS);
        startEngineWithDelivery(archived);
        driver = BrowserSupport.startChromium(1400, 1000);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        logIn("clerk");
        driver.get("http://localhost:" + port + "/recharge");
        wait.until(d -> d.findElement(By.id(HouseholdSearch.TEXT_ID)));

        List<Double> seconds = new ArrayList<>();
        List<Double> pushed = new ArrayList<>();
        for (int i = 0; i <= ORDERS; i++) {
            Sample sample = recharge(archived.get(i % METERS).address());
            if (i > 0) {
                seconds.add(sample.seconds()); // the first one warms up the JIT, the pool and the browser
                Instant committed = progress.find(sample.orderId()).orElseThrow().stateChangedAt();
                pushed.add(Duration.between(committed, sample.shown()).toMillis() / 1e3);
            }
        }
        BrowserSupport.screenshot(driver, "recharge-confirmed");

        List<Double> sorted = seconds.stream().sorted().toList();
        double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
        String report = String.format(Locale.ROOT,
                "confirm click -> \"已确认\" shown, %d orders at 2400 bps: median %.2f s, min %.2f s, max %.2f s, "
                        + "all %s (target median < %.1f s); CONFIRMED stamped -> shown: median %.3f s, max %.3f s; "
                        + "load average %.1f", seconds.size(), median, sorted.getFirst(), sorted.getLast(),
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), TARGET_MEDIAN_SECONDS,
                pushed.stream().sorted().toList().get(pushed.size() / 2), pushed.stream().max(Double::compare).orElseThrow(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        log.warn(report);
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("recharge-confirm-browser.txt");
        Files.writeString(out, report + System.lineSeparator());
        assertThat(seconds).as("every order confirmed on screen").hasSize(ORDERS);
        assertThat(median).as(report).isLessThan(TARGET_MEDIAN_SECONDS);
    }

    /** One order as the clerk saw it: seconds from the confirm click to "已确认", and when that showed. */
    private record Sample(long orderId, double seconds, Instant shown) {
    }

    /** One recharge as the clerk does it. */
    private Sample recharge(String address) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        WebElement search = driver.findElement(By.cssSelector("#" + HouseholdSearch.TEXT_ID + " input"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), address, Keys.ENTER);
        wait.until(d -> d.findElements(By.xpath("//vaadin-grid[@id='" + HouseholdSearch.GRID_ID
                + "']/vaadin-grid-cell-content[normalize-space(.)='" + address + "']")).size() == 1).booleanValue();
        driver.findElement(By.xpath("//vaadin-grid[@id='" + HouseholdSearch.GRID_ID
                + "']/vaadin-grid-cell-content[normalize-space(.)='" + address + "']")).click();
        wait.until(d -> d.findElement(By.id(RechargeView.HOUSEHOLD_ID)).getText().contains(address));
        long picked = System.nanoTime();
        WebElement amount = wait.until(d -> d.findElement(By.cssSelector("#" + RechargeForm.AMOUNT_ID + " input")));
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10", Keys.TAB);
        wait.until(d -> d.findElement(By.id(RechargeForm.CONFIRM_ID)).getDomAttribute("disabled") == null);
        long typed = (System.nanoTime() - picked) / 1_000_000;
        if (typed < TYPING.toMillis()) {
            sleep(TYPING.toMillis() - typed); // the clerk still choosing the payment
        }
        driver.findElement(By.id(RechargeForm.CONFIRM_ID)).click();
        WebElement dialogConfirm = wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        long clicked = System.nanoTime();
        dialogConfirm.click();
        String state = wait.pollingEvery(Duration.ofMillis(10)).until(d -> {
            String text = d.findElement(By.id(RechargeView.STATE_ID)).getText();
            return text.endsWith("已确认") ? text : null;
        });
        double seconds = (System.nanoTime() - clicked) / 1e9;
        Matcher order = Pattern.compile("\\d+").matcher(state);
        assertThat(order.find()).as("order number in \"%s\"", state).isTrue();
        return new Sample(Long.parseLong(order.group()), seconds, Instant.now());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startEngineWithDelivery(List<ArchivedMeter> archived) {
        simulator = RechargeDeliveryFixtures.simulator(List.of(EngineFixtures.port(1, 2400, Duration.ofMillis(50),
                RechargeDeliveryFixtures.simulated(archived))));
        // Production timings: 2 s answer timeout, 2 retries, 200 ms quiet gap between exchanges.
        CollectionProperties test = EngineFixtures.properties(Duration.ofSeconds(2), 2);
        engine = new CollectionEngine(new CollectionProperties(true, test.dlt645AnswerTimeout(),
                test.modbusAnswerTimeout(), test.retries(), Duration.ofMillis(200), test.connectTimeout(),
                test.dialInHost(), test.dialInPort(), test.registrationPattern(), test.registrationTimeout(),
                test.heartbeat(), test.heartbeatInterval(), test.cycle(), test.writer(), test.gap(), test.clocks(),
                test.scan()), Clock.systemUTC(), EngineFixtures.SHANGHAI);
        engine.start(List.of(RechargeDeliveryFixtures.device(simulator, List.of(archived))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.status().collectors().getFirst().ports()
                .stream().allMatch(EngineStatus.PortStatus::connected));
        delivery = RechargeDeliveryFixtures.delivery(engine, progress, store, new RechargeDeliveryProperties(
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(30), new BigDecimal("1.00"), "000000",
                "00000000", Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(20)), locks, readings);
        context.getBeanFactory().registerSingleton(BEAN, delivery);
    }

    /** Logs in through the form; on a loaded machine a first attempt can race the form's start, so up to three. */
    private void logIn(String username) {
        for (int attempt = 1; ; attempt++) {
            driver.get("http://localhost:" + port + "/login");
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElement(
                    By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(username);
            driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo1234", Keys.ENTER);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(40))
                        .until(d -> d.findElements(By.id("home-tile-meters-active")).size() == 1);
                return;
            } catch (TimeoutException notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
    }
}
