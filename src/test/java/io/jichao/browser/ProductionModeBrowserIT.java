package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as the README's {@code ./mvnw} starts it: the Maven build compiles the
 * production frontend bundle before the tests, so this context serves the same production-mode
 * application a site runs. A page in development mode carries Vaadin's dev tools (the
 * "App is running in development mode" pop-up and the dev-tools button) and sets
 * {@code window.Vaadin.developmentMode}; none of that may reach an operator's browser.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProductionModeBrowserIT {

    /** Elements Vaadin adds to every page in development mode (dev tools, Copilot). */
    private static final List<String> DEVELOPMENT_ELEMENTS = List.of("vaadin-dev-tools", "copilot-main",
            "vaadin-devmode-gizmo");

    @LocalServerPort
    private int port;

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
    void login_page_and_home_page_show_no_development_mode_popup_or_dev_tools() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        driver.get("http://localhost:" + port + "/login");
        WebElement username = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        assertServedInProductionMode("login");

        username.sendKeys("clerk");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo1234", Keys.ENTER);
        wait.until(d -> d.findElements(By.id("home-tile-meters-active")).size() == 1);
        assertServedInProductionMode("home");
        BrowserSupport.screenshot(driver, "production-mode-home");
    }

    private void assertServedInProductionMode(String page) {
        Object developmentMode = ((JavascriptExecutor) driver)
                .executeScript("return !!(window.Vaadin && window.Vaadin.developmentMode);");
        assertThat(developmentMode).as("window.Vaadin.developmentMode on the %s page", page).isEqualTo(false);
        for (String element : DEVELOPMENT_ELEMENTS) {
            assertThat(driver.findElements(By.tagName(element))).as("<%s> on the %s page", element, page).isEmpty();
        }
        assertThat(driver.getPageSource()).as("page source of the %s page", page)
                .doesNotContainIgnoringCase("development mode")
                .doesNotContain("vaadin-dev-tools");
    }
}
