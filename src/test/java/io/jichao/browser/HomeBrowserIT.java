package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.home.ui.HomeView;

/**
 * The operations home in a real browser as the super admin, a clerk and finance: the figures
 * arrive by push after the page opened, the alarm trend is drawn by ECharts, and the sales panel
 * shows for those who sell. Leaves target/screenshots/home-{super,clerk,finance}.png (a tall
 * window, so the whole page is in the picture).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomeBrowserIT {

    @LocalServerPort
    private int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = BrowserSupport.startChromium(1400, 2000);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void each_role_sees_its_home_with_figures_pushed_and_the_alarm_trend_drawn() {
        for (String user : new String[] {"super", "clerk", "finance"}) {
            WebDriverWait wait = openHomeAs(user);
            wait.until(d -> !d.findElement(By.id(HomeView.TILE_PREFIX + "reading-unread")).getText().isBlank());
            wait.until(d -> !d.findElements(By.cssSelector("#" + HomeView.ALARM_TREND_ID + " canvas")).isEmpty()
                    || !d.findElements(By.cssSelector("#" + HomeView.ALARM_TREND_ID + " svg")).isEmpty());
            // All three sell or see sales: the super admin holds every permission.
            wait.until(d -> d.findElement(By.id(HomeView.SALES_ID)).isDisplayed());
            BrowserSupport.screenshot(driver, "home-" + user);

            assertThat(driver.findElement(By.id(HomeView.TILE_PREFIX + "remaining-low")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.id(HomeView.TILE_PREFIX + "collectors-online")).size()
                    + driver.findElements(By.id(HomeView.TILE_PREFIX + "engine")).size())
                    .as("collectors only for the super admin").isEqualTo(user.equals("super") ? 1 : 0);
            driver.manage().deleteAllCookies();
        }
    }

    private WebDriverWait openHomeAs(String user) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo1234", Keys.ENTER);
        wait.until(d -> d.findElements(By.id(HomeView.TILE_PREFIX + "reading-today")).size() == 1);
        return wait;
    }
}
