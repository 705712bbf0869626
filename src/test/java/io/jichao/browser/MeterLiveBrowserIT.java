package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.collection.ui.MeterLiveView;
import io.jichao.testing.LoginSupport;

/**
 * The ECharts component in a real browser: the dev bundle holds echarts and the
 * {@code <jichao-echart>} element, which draws the meter's stored curves into a canvas.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MeterLiveBrowserIT {

    @LocalServerPort
    private int port;

    @Autowired
    private MeterService meters;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    private WebDriver driver;
    private long meterId;
    private Instant storedFrom;

    @BeforeEach
    void storeAnHourOfReadingsAndStartBrowser() {
        LoginSupport.loginAs(users, "clerk");
        meterId = meters.page(MeterFilter.none(), 0, 1, List.of(MeterSort.byAddress())).getFirst().id();
        LoginSupport.logout();
        Instant now = clock.instant();
        storedFrom = now.minus(Duration.ofMinutes(61));
        for (int minutes = 60; minutes > 0; minutes -= 5) {
            Timestamp at = Timestamp.from(now.minus(Duration.ofMinutes(minutes)));
            store(at, "VOLTAGE_A", BigDecimal.valueOf(215 + minutes % 7));
            store(at, "CURRENT_A", BigDecimal.valueOf(2 + minutes % 3));
            store(at, "ACTIVE_POWER", BigDecimal.valueOf(minutes % 4, 1));
        }
        driver = BrowserSupport.startChromium(1400, 1200);
    }

    @AfterEach
    void stopBrowserAndRemoveTheReadings() {
        if (driver != null) {
            driver.quit();
        }
        jdbc.update("delete from reading where meter_id = ? and source = 'CYCLE' and read_at >= ?", meterId,
                Timestamp.from(storedFrom));
    }

    @Test
    void the_live_page_draws_the_stored_curves_with_echarts() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("clerk");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo1234", Keys.ENTER);
        wait.until(d -> d.findElements(By.id("home-tile-meters-active")).size() == 1);

        driver.get("http://localhost:" + port + "/meters/" + meterId + "/live");
        WebElement chart = wait.until(d -> d.findElement(By.id(MeterLiveView.LIVE_CHART_ID)));
        WebElement canvas = wait.until(d -> chart.findElements(By.tagName("canvas")).stream().findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", chart);
        BrowserSupport.screenshot(driver, "meter-live-clerk");

        assertThat(canvas.getSize().getWidth()).as("the chart spans the page").isGreaterThan(600);
        assertThat(canvas.getSize().getHeight()).isGreaterThan(200);
        Object series = ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(arguments[0].option).series.length;", chart);
        assertThat(((Number) series).intValue()).as("voltage A, current A, power").isEqualTo(3);
    }

    private void store(Timestamp at, String item, BigDecimal value) {
        jdbc.update("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, ?, ?, null, ?, 'CYCLE')",
                meterId, item, value, at);
    }
}
