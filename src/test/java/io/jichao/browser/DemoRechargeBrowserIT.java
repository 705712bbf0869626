package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import org.springframework.test.context.ActiveProfiles;

import io.jichao.prepaid.ui.HouseholdSearch;
import io.jichao.prepaid.ui.RechargeForm;
import io.jichao.prepaid.ui.RechargeView;

/**
 * The demo as the README starts it, in Chromium: the demo clerk recharges household A101 (a
 * DL/T 645-2007 prepaid meter, priced by the demo's flat residential tariff) and the order is
 * placed at 0.6170 yuan/kWh; household A501 (a plain 2007 meter sold host-side) takes 10 yuan into
 * its balance and is confirmed at once; household A601 (a DL/T 645-1997 meter, which can neither hold
 * credit nor switch its relay, so post-paid) is never offered. The engine is off in tests, so A101's
 * order stays CREATED here; delivery to the meter is covered by the engine's recharge ITs and the
 * recharge browser benchmark.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoRechargeBrowserIT {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = BrowserSupport.startChromium(1400, 1000);
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void the_demo_clerk_sells_to_a_meter_side_and_a_host_side_prepaid_household_and_is_never_offered_a_post_paid_one() {
        long a101 = meterOfRoom("A101");
        long a501 = meterOfRoom("A501");
        long a601 = meterOfRoom("A601");
        loginAsDemoClerk();
        driver.get("http://localhost:" + port + "/recharge");

        pick("A101");
        WebElement amount = wait.until(d -> {
            WebElement input = d.findElement(By.cssSelector("#" + RechargeForm.AMOUNT_ID + " input"));
            return input.isEnabled() ? input : null;
        });
        amount.sendKeys("10");
        wait.until(d -> d.findElement(By.id(RechargeForm.PREVIEW_ID)).getText().contains("16.20"));
        click(driver.findElement(By.id(RechargeForm.CONFIRM_ID)));
        click(wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)));
        wait.until(d -> d.findElement(By.id(RechargeView.STATE_ID)).getText().contains("已创建"));
        BrowserSupport.screenshot(driver, "demo-recharge-a101");

        List<Map<String, Object>> orders = jdbc.queryForList(
                "SELECT amount, kwh, price FROM recharge_order WHERE meter_id = ?", a101);
        assertThat(orders).singleElement().satisfies(order -> {
            assertThat((BigDecimal) order.get("amount")).isEqualByComparingTo("10.00");
            assertThat((BigDecimal) order.get("kwh")).isEqualByComparingTo("16.20");
            assertThat((BigDecimal) order.get("price")).isEqualByComparingTo("0.6170");
        });

        // A501: a plain 2007 meter sold host-side; the money goes to the balance and the order is confirmed at once.
        pick("A501");
        WebElement hostAmount = wait.until(d -> {
            WebElement input = d.findElement(By.cssSelector("#" + RechargeForm.AMOUNT_ID + " input"));
            return input.isEnabled() ? input : null;
        });
        hostAmount.sendKeys("10");
        click(driver.findElement(By.id(RechargeForm.CONFIRM_ID)));
        click(wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)));
        wait.until(d -> d.findElement(By.id(RechargeView.STATE_ID)).getText().contains("已确认"));
        BrowserSupport.screenshot(driver, "demo-recharge-a501-host-side");
        assertThat(jdbc.queryForList("SELECT amount, state FROM recharge_order WHERE meter_id = ?", a501))
                .singleElement().satisfies(order -> {
                    assertThat((BigDecimal) order.get("amount")).isEqualByComparingTo("10.00");
                    assertThat(order.get("state")).isEqualTo("CONFIRMED");
                });

        // A601: a DL/T 645-1997 meter, settled monthly (post-paid): the recharge search never offers it.
        WebElement search = driver.findElement(By.cssSelector("#" + HouseholdSearch.TEXT_ID + " input"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "A601");
        wait.until(d -> d.findElements(By.cssSelector("#" + HouseholdSearch.GRID_ID + " vaadin-grid-cell-content"))
                .stream().noneMatch(cell -> cell.getText().equals("A501")));
        assertThat(driver.findElements(By.cssSelector("#" + HouseholdSearch.GRID_ID + " vaadin-grid-cell-content")))
                .noneMatch(cell -> cell.getText().equals("A601"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recharge_order WHERE meter_id = ?", Integer.class, a601))
                .isZero();
    }

    /** A click the way a person's lands, even where the dev-mode tools or a toast overlap the element. */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", element);
    }

    private void loginAsDemoClerk() {
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("clerk");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo1234", Keys.ENTER);
        wait.until(d -> d.findElements(By.id("home-tile-meters-active")).size() == 1);
    }

    /** Types the room into the search and clicks its row. */
    private void pick(String room) {
        WebElement search = wait.until(d -> d.findElement(By.cssSelector("#" + HouseholdSearch.TEXT_ID + " input")));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), room);
        wait.until(d -> d.findElements(By.cssSelector("#" + HouseholdSearch.GRID_ID + " vaadin-grid-cell-content"))
                .stream().filter(cell -> cell.getText().equals(room)).findFirst().orElse(null)).click();
    }

    private long meterOfRoom(String room) {
        return jdbc.queryForObject("""
                SELECT m.id FROM meter m JOIN household h ON h.id = m.household_id WHERE h.room = ?""", Long.class, room);
    }
}
