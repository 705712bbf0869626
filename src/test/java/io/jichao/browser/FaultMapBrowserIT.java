package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.alarm.Severity;
import io.jichao.faultmap.FaultMapFixtures;
import io.jichao.faultmap.ui.FaultMapView;

/**
 * The fault map in a real browser: the demo's SVG plan of building A, floor 1 as an image, its
 * points in their colours (the stylesheet applied), and a point turning red by server push when an
 * alarm is raised while the page is open. Leaves target/screenshots/fault-map-clerk.png.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FaultMapBrowserIT {

    private static final String RED = "rgba(220, 38, 38, 1)";
    private static final String YELLOW = "rgba(234, 179, 8, 1)";
    private static final String GREEN = "rgba(22, 163, 74, 1)";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationEventPublisher publisher;
    @Autowired
    private Clock clock;

    private FaultMapFixtures fixtures;
    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        fixtures = new FaultMapFixtures(jdbc, publisher, clock);
        driver = BrowserSupport.startChromium(1400, 1000);
    }

    @AfterEach
    void stopBrowserAndRemoveTheAlarms() {
        if (driver != null) {
            driver.quit();
        }
        fixtures.cleanUp();
    }

    @Test
    void the_map_shows_the_plan_with_coloured_points_and_recolours_them_by_push() {
        long floorId = fixtures.floor("A", 1);
        fixtures.withoutAlarms(floorId);
        List<Long> meters = fixtures.householdMeters(floorId);
        fixtures.insert("meter", meters.get(0), Severity.FAULT);
        fixtures.insert("meter", meters.get(1), Severity.ALARM);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("clerk");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo1234", Keys.ENTER);
        wait.until(d -> d.findElements(By.id("home-tile-meters-active")).size() == 1);

        driver.get("http://localhost:" + port + "/faultmap?floor=" + floorId);
        WebElement canvas = wait.until(d -> d.findElement(By.id(FaultMapView.CANVAS_ID)));
        WebElement plan = wait.until(d -> canvas.findElement(By.tagName("img")));
        wait.until(d -> ((Number) js("return arguments[0].complete ? arguments[0].naturalWidth : 0;", plan))
                .intValue() > 0);
        WebElement faulty = driver.findElement(By.id("fault-map-meter-" + meters.get(0)));
        WebElement alarmed = driver.findElement(By.id("fault-map-meter-" + meters.get(1)));
        WebElement normal = driver.findElement(By.id("fault-map-meter-" + meters.get(2)));
        wait.until(d -> RED.equals(faulty.getCssValue("background-color")));
        BrowserSupport.screenshot(driver, "fault-map-clerk");

        assertThat(((Number) js("return arguments[0].naturalWidth;", plan)).intValue()).as("the SVG's own width")
                .isEqualTo(1000);
        assertThat(canvas.getSize().getWidth()).isGreaterThan(600);
        assertThat(faulty.isDisplayed()).isTrue();
        assertThat(alarmed.getCssValue("background-color")).isEqualTo(YELLOW);
        assertThat(normal.getCssValue("background-color")).isEqualTo(GREEN);
        assertThat(normal.getLocation().getX()).as("a point sits on the plan")
                .isBetween(plan.getLocation().getX(), plan.getLocation().getX() + plan.getSize().getWidth());
        assertThat(driver.findElements(By.cssSelector(".fault-map-point--meter"))).hasSize(14);

        fixtures.raiseOnMeter(meters.get(2), Severity.FAULT);

        wait.until(d -> RED.equals(normal.getCssValue("background-color")));
        BrowserSupport.screenshot(driver, "fault-map-clerk-pushed");
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
