package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.testing.LoginSupport;

/**
 * The whole stack in a real browser: Tomcat, Vaadin's client, Spring Security's login, the
 * shell and the lazily loaded meter grid over embedded MariaDB.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginBrowserIT {

    @LocalServerPort
    private int port;

    @Autowired
    private MeterService meters;

    @Autowired
    private UserDetailsService users;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = BrowserSupport.startChromium(1400, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void clerk_logs_in_and_sees_the_meter_grid_of_the_district() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        driver.get("http://localhost:" + port + "/login");
        WebElement username = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        username.sendKeys("clerk");
        WebElement password = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        password.sendKeys("demo1234", Keys.ENTER);

        wait.until(d -> d.findElements(By.id("home-tile-meters-active")).size() == 1);
        BrowserSupport.screenshot(driver, "home-clerk");

        driver.get("http://localhost:" + port + "/meters");
        WebElement grid = wait.until(d -> d.findElement(By.tagName("vaadin-grid")));
        wait.until(d -> rowCount(grid) > 0);
        BrowserSupport.screenshot(driver, "meter-grid-clerk");
        LoginSupport.loginAs(users, "clerk");
        long clerkMeters = meters.count(MeterFilter.none());
        LoginSupport.logout();
        assertThat(rowCount(grid)).as("grid size = meters of buildings A and B").isEqualTo(clerkMeters);
        wait.until(d -> d.getPageSource().contains("370101"));
        assertThat(driver.getPageSource()).doesNotContain("370103").doesNotContain("370104");
    }

    private long rowCount(WebElement grid) {
        Object size = ((JavascriptExecutor) driver).executeScript("return arguments[0].size;", grid);
        return size == null ? 0 : ((Number) size).longValue();
    }
}
