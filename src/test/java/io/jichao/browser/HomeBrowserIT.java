package io.jichao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.alarm.AlarmKind;
import io.jichao.alarm.AlarmRecorder;
import io.jichao.alarm.AlarmSubject;
import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.home.ui.HomeView;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.LoginSupport;

/**
 * The operations home in a real browser as the super admin, a clerk and finance: the figures
 * arrive by push after the page opened, the alarm trend is drawn by ECharts, the sales panel shows
 * today's sale of a new prepaid meter in building A, and an alarm raised while the clerk's page is
 * open reaches it by push. Leaves target/screenshots/home-{super,clerk,finance}.png (a tall window,
 * so the whole page is in the picture).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomeBrowserIT {

    @LocalServerPort
    private int port;

    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    private WebDriver driver;
    private long meterId;

    @BeforeEach
    void aSaleAndAnAlarmInBuildingA() {
        String run = String.valueOf(System.nanoTime() % 10_000_000_000L);
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst()
                .orElseThrow().id();
        meterId = meters.create(new MeterDraft("87" + String.format("%010d", Long.parseLong(run)), null,
                MeterProtocol.DLT645_2007, Phase.SINGLE, BillingMode.PREPAID, buildingId, null, null, null, 1, 1,
                new BigDecimal("10"), null, null, "B" + run, "Home browser " + run, List.of()));
        long groupId = tariffs.createGroup("home-browser-" + run);
        tariffs.addVersion(groupId, LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)),
                new TariffPlan.Flat(PricePerKwh.of("0.5000")));
        tariffs.assignMeter(groupId, meterId);
        LoginSupport.loginAs(users, "clerk");
        recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("50.00")),
                new Payment(PaymentMethod.CASH, null), UUID.randomUUID().toString()));
        LoginSupport.logout();
        recorder.raise(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterId), "90 s");
        driver = BrowserSupport.startChromium(1400, 2000);
    }

    @AfterEach
    void stopBrowserAndClearTheAlarms() {
        if (driver != null) {
            driver.quit();
        }
        recorder.clear(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterId));
        recorder.clear(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterId));
    }

    @Test
    void each_role_sees_its_home_with_figures_pushed_and_the_alarm_trend_drawn() {
        for (String user : new String[] {"super", "clerk", "finance"}) {
            WebDriverWait wait = openHomeAs(user);
            wait.until(d -> !d.findElement(By.id(HomeView.TILE_PREFIX + "reading-unread")).getText().isBlank());
            wait.until(d -> !d.findElements(By.cssSelector("#" + HomeView.ALARM_TREND_ID + " canvas")).isEmpty()
                    || !d.findElements(By.cssSelector("#" + HomeView.ALARM_TREND_ID + " svg")).isEmpty());
            // All three see sales: the super admin holds every permission.
            wait.until(d -> d.findElement(By.id(HomeView.SALES_ID)).isDisplayed()
                    && d.findElement(By.id(HomeView.SALES_ID)).getText().contains("米格天地物业一处"));
            BrowserSupport.screenshot(driver, "home-" + user);

            assertThat(driver.findElement(By.id(HomeView.TILE_PREFIX + "remaining-low")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.id(HomeView.TILE_PREFIX + "collectors-online")).size()
                    + driver.findElements(By.id(HomeView.TILE_PREFIX + "engine")).size())
                    .as("collectors only for the super admin").isEqualTo(user.equals("super") ? 1 : 0);
            if (user.equals("clerk")) {
                String faults = faults();
                recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterId), "3 timeouts");
                wait.until(d -> !faults().equals(faults));
                assertThat(Long.parseLong(faults().replace(",", ""))).isEqualTo(Long.parseLong(faults) + 1);
            }
            driver.manage().deleteAllCookies();
        }
    }

    private String faults() {
        return driver.findElement(By.cssSelector("#" + HomeView.TILE_PREFIX + "alarms-faults .jichao-tile-value"))
                .getText();
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
