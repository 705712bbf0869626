package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.kiosk.IssuedKiosk;
import io.jichao.kiosk.KioskDeviceService;
import io.jichao.kiosk.KioskFixtures;
import io.jichao.kiosk.KioskFixtures.TestHousehold;
import io.jichao.kiosk.ResidentPinService;
import io.jichao.kiosk.ui.KioskView;
import io.jichao.shared.TimeConfiguration;

/**
 * The kiosk on touchscreen sizes in a real browser: an unregistered browser gets no kiosk, the
 * registration address leaves an HttpOnly cookie and a clean address, and a resident signs in on
 * the keypad and sees the own page, in portrait (1080×1920) and landscape (1920×1080).
 * Screenshots go to target/screenshots.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KioskBrowserIT {

    private static final String PIN = "1357";

    @LocalServerPort
    private int port;

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private KioskDeviceService devices;
    @Autowired
    private ResidentPinService pins;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    private WebDriver driver;

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({"1080, 1920, portrait", "1920, 1080, landscape"})
    void a_resident_uses_the_kiosk_by_touch_only(int width, int height, String orientation) {
        KioskFixtures fixtures = new KioskFixtures(meters, structure, devices, pins, users, jdbc);
        IssuedKiosk kiosk = fixtures.registerKiosk("D");
        TestHousehold household = fixtures.household("D", PIN);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        String[] closings = new String[31];
        for (int i = 0; i < closings.length; i++) {
            closings[i] = i == 12 ? null : String.valueOf(1000 + i * 4 + (i % 5)) + ".00";
        }
        fixtures.dailyClosings(household.meterId(), today.minusDays(31), closings);
        fixtures.remaining(household.meterId(), "86.40", clock.instant().minusSeconds(900));
        driver = BrowserSupport.startChromium(width, height);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        // A language switch or sign-in re-renders the page: an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
        String base = "http://localhost:" + port;

        driver.get(base + "/kiosk");
        wait.until(d -> d.findElements(By.id(KioskView.REFUSED_ID)).size() == 1);
        fitViewport(width, height);
        hideDevTools();
        assertThat(driver.findElements(By.id("kiosk-key-1"))).isEmpty();
        shot("kiosk-" + orientation + "-unregistered");

        driver.get(base + kiosk.path());
        wait.until(d -> d.findElements(By.id("kiosk-key-1")).size() == 1);
        hideDevTools();
        assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(width);
        assertThat(driver.getCurrentUrl()).endsWith("/kiosk").doesNotContain(kiosk.token());
        assertThat(driver.manage().getCookieNamed(KioskDeviceService.COOKIE).isHttpOnly()).isTrue();
        assertThat((String) js("return document.cookie;")).doesNotContain(kiosk.token());
        WebElement key = driver.findElement(By.id("kiosk-key-5"));
        assertThat(key.getSize().getHeight()).as("touch target height in px").isGreaterThanOrEqualTo(80);
        assertThat(key.getSize().getWidth()).as("touch target width in px").isGreaterThanOrEqualTo(100);
        shot("kiosk-" + orientation + "-start");

        touch(household.typedRoom());
        click(KioskView.NEXT_ID);
        wait.until(d -> d.findElements(By.id(KioskView.SIGN_IN_ID)).size() == 1);
        touch(PIN);
        shot("kiosk-" + orientation + "-pin");
        click(KioskView.SIGN_IN_ID);

        WebElement remaining = wait.until(d -> d.findElement(By.id("kiosk-remaining")));
        assertThat(remaining.getText()).isEqualTo("86.40 度");
        WebElement chart = driver.findElement(By.id("kiosk-usage-chart"));
        wait.until(d -> !chart.findElements(By.tagName("canvas")).isEmpty());
        wait.until(d -> ((Number) js("var i = document.getElementById('kiosk-qr'); return i && i.complete ? i.naturalWidth : 0;"))
                .intValue() > 0);
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(0);
        assertThat(((Number) js("return document.documentElement.scrollHeight - window.innerHeight;")).intValue())
                .as("the whole page fits the screen").isLessThanOrEqualTo(0);
        shot("kiosk-" + orientation + "-resident");

        click("kiosk-lang-en");
        wait.until(d -> d.findElement(By.id("kiosk-remaining")).getText().equals("86.40 kWh"));
        shot("kiosk-" + orientation + "-resident-en");
        click("kiosk-sign-out");
        wait.until(d -> d.findElements(By.id("kiosk-key-1")).size() == 1);
    }

    /** Makes the page area (not the window with its frame) the touchscreen's size. */
    private void fitViewport(int width, int height) {
        int innerWidth = ((Number) js("return window.innerWidth;")).intValue();
        int innerHeight = ((Number) js("return window.innerHeight;")).intValue();
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                window.getWidth() + width - innerWidth, window.getHeight() + height - innerHeight));
    }

    /** Dev mode's Copilot overlay (absent in production builds) would cover the language buttons. */
    private void hideDevTools() {
        js("document.querySelectorAll('copilot-main, vaadin-dev-tools').forEach(e => e.style.display = 'none');");
    }

    private void shot(String name) {
        hideDevTools();
        BrowserSupport.screenshot(driver, name);
    }

    private void touch(String digits) {
        for (char digit : digits.toCharArray()) {
            click("kiosk-key-" + digit);
        }
    }

    private void click(String id) {
        hideDevTools();
        WebElement button = driver.findElement(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
