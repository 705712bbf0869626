package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.browser.BrowserSupport;
import io.jichao.collection.ui.MeterLiveView;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/**
 * "Read now" on a slow bus (every meter answer 1.5 s late, so one read takes several seconds) in a
 * real browser: the page shows the read in progress and keeps answering meanwhile; another control
 * (the overload parameters' save, a database action) responds before the read ends, and the read's
 * result arrives by push. The context's engine reads a demo meter simulated over real TCP.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadNowBrowserIT {

    private static final Duration SLOW_ANSWER = Duration.ofMillis(1500);

    @LocalServerPort
    private int port;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private CollectionEngine engine;

    private Simulator simulator;
    private WebDriver driver;
    private long meterId;

    @BeforeEach
    void slowBusAndBrowser() {
        CollectorDevice archived = inventory.enabledCollectors().stream()
                .filter(c -> c.mode() == ConnectionMode.SERVER)
                .filter(c -> c.ports().stream().anyMatch(p -> p.protocol() == MeterProtocol.DLT645_2007))
                .findFirst().orElseThrow();
        PortDevice archivedPort = archived.ports().stream().filter(p -> p.protocol() == MeterProtocol.DLT645_2007)
                .findFirst().orElseThrow();
        MeterDevice meter = archivedPort.meters().getFirst();
        meterId = meter.id();
        PortConfig slow = PortConfig.of(archivedPort.portNumber(), BusProtocol.DLT645_2007,
                        List.of(MeterConfig.of(meter.wireAddress()).withInitialEnergyKwh(new BigDecimal("1000"))))
                .withBaud(9600).withResponseDelay(SLOW_ANSWER);
        simulator = new Simulator(SimulatorConfig.of(7, List.of(CollectorConfig.server("X", Dh600Model.DH601,
                List.of(slow)))), SimulationClock.manual(Instant.now())).start();
        PortDevice port = new PortDevice(archivedPort.portNumber(), 9600, archivedPort.parity(),
                MeterProtocol.DLT645_2007, simulator.boundPort("X", archivedPort.portNumber()), List.of(meter));
        engine.start(List.of(new CollectorDevice(archived.id(), archived.name(), archived.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(port))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.status().collectors().stream()
                .allMatch(EngineStatus.CollectorStatus::online));
        driver = BrowserSupport.startChromium(1400, 1200);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        engine.stop();
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void the_meter_page_answers_other_clicks_while_read_now_waits_on_a_slow_bus() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        logIn("super");
        driver.get("http://localhost:" + port + "/meters/" + meterId + "/live");
        WebElement readNow = wait.until(d -> d.findElement(By.id(MeterLiveView.READ_NOW_ID)));
        WebElement save = wait.until(d -> d.findElement(By.id("overload-save")));
        WebElement overloadState = driver.findElement(By.id("overload-state"));
        reveal(save);
        driver.findElement(By.cssSelector("#overload-max input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "7.5", Keys.TAB);
        driver.findElement(By.cssSelector("#overload-sudden input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "3", Keys.TAB);
        String stateBefore = overloadState.getText();
        reveal(readNow);

        long clicked = System.nanoTime();
        readNow.click();
        wait.until(d -> d.findElement(By.id(MeterLiveView.READ_PROGRESS_ID)).isDisplayed());
        assertThat(readNow.getDomAttribute("disabled")).as("in progress").isNotNull();

        reveal(save);
        save.click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).pollingEvery(Duration.ofMillis(20))
                .until(d -> !overloadState.getText().equals(stateBefore));
        double answeredAfter = (System.nanoTime() - clicked) / 1e9;
        boolean readStillRunning = readNow.getDomAttribute("disabled") != null;
        BrowserSupport.screenshot(driver, "meter-read-now-in-progress");

        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(20))
                .until(d -> readNow.getDomAttribute("disabled") == null);
        double readTook = (System.nanoTime() - clicked) / 1e9;
        assertThat(readStillRunning).as("the other click was answered while the read was running").isTrue();
        assertThat(answeredAfter).as("answered before the read ended (read took %.1f s)", readTook)
                .isLessThan(readTook);
        assertThat(readTook).as("the bus was really slow").isGreaterThan(SLOW_ANSWER.toMillis() / 1000.0);
        assertThat(driver.findElement(By.id(MeterLiveView.READ_PROGRESS_ID)).isDisplayed()).isFalse();
    }

    /** Scrolls the page's content (the app layout's scroll container) so the element can be clicked. */
    private void reveal(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
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
