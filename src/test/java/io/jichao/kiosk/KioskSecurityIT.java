package io.jichao.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.kiosk.KioskFixtures.TestHousehold;
import io.jichao.prepaid.AccountService;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.shared.DomainException;
import io.jichao.shared.Money;
import io.jichao.testing.LoginSupport;

/**
 * The kiosk's security over real HTTP (Tomcat, Spring Security, Vaadin): the device cookie, what
 * an unregistered browser gets, and that a kiosk session is refused by every operator service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KioskSecurityIT {

    private static final String PIN = "246810";

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
    private KioskSignIn signIn;
    @Autowired
    private ResidentDataService data;
    @Autowired
    private PhoneLinks links;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private AccountService accounts;
    @Autowired
    private Clock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private KioskFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new KioskFixtures(meters, structure, devices, pins, users, jdbc);
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_registration_address_sets_an_http_only_device_cookie_and_drops_the_token_from_the_address() throws Exception {
        IssuedKiosk kiosk = fixtures.registerKiosk("B");

        HttpResponse<String> response = get(kiosk.path(), null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/kiosk").doesNotContain(kiosk.token());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(KioskDeviceService.COOKIE + "=" + kiosk.token() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=315360000");
        assertThat(get("/kiosk", KioskDeviceService.COOKIE + "=" + kiosk.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_or_revoked_token_gets_no_cookie_and_clears_an_old_one() throws Exception {
        IssuedKiosk kiosk = fixtures.registerKiosk("B");
        fixtures.revoke(kiosk.deviceId());

        for (String token : List.of(kiosk.token(), KioskTokens.newToken(), "short")) {
            HttpResponse<String> response = get("/kiosk?device=" + token, null);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                    .startsWith(KioskDeviceService.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970");
        }
        assertThat(devices.identify(kiosk.token())).isEmpty();
    }

    @Test
    void a_device_cookie_opens_no_operator_page() throws Exception {
        IssuedKiosk kiosk = fixtures.registerKiosk("B");

        for (String page : List.of("/meters", "/recharge", "/operators", "/kiosks", "/kiosk-pins")) {
            HttpResponse<String> response = get(page, KioskDeviceService.COOKIE + "=" + kiosk.token());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
        }
    }

    @Test
    void a_signed_in_kiosk_session_is_refused_by_the_operator_services() {
        IssuedKiosk kiosk = fixtures.registerKiosk("B");
        TestHousehold household = fixtures.household("B", PIN);
        SignInResult result = signIn.signIn(kiosk.deviceId(), household.typedRoom(), PIN);
        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        Resident resident = ((SignInResult.SignedIn) result).resident();
        assertThat(data.overview(resident).room()).isEqualTo(household.room());
        // What Spring Security puts into the context of a kiosk request: an anonymous user.
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("kiosk", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertRefused(() -> meters.count(MeterFilter.none()));
        assertRefused(() -> meters.get(household.meterId()));
        assertRefused(() -> accounts.balanceOfMeter(household.meterId()));
        assertRefused(() -> recharges.ordersOf(household.meterId()));
        assertRefused(() -> recharges.placeOrder(new RechargeRequest(household.meterId(),
                RechargeAmount.of(Money.of("10.00")), Payment.cash(), UUID.randomUUID().toString())));
        assertRefused(() -> pins.setPin(household.meterId(), "111111"));
        assertRefused(() -> devices.register(household.buildingId(), "rogue"));
        assertRefused(devices::devices);
    }

    @Test
    void a_resident_of_another_building_is_not_served_by_this_kiosk() {
        IssuedKiosk kiosk = fixtures.registerKiosk("B");
        TestHousehold elsewhere = fixtures.household("A", PIN);

        assertThat(signIn.signIn(kiosk.deviceId(), elsewhere.typedRoom(), PIN)).isInstanceOf(SignInResult.WrongPin.class);
        assertThat(signIn.signIn(kiosk.deviceId(), elsewhere.room(), PIN)).isInstanceOf(SignInResult.WrongPin.class);
        Resident forged = new Resident(elsewhere.householdId(), kiosk.deviceId(), elsewhere.buildingId(),
                elsewhere.room(), elsewhere.name(), null);
        assertThatThrownBy(() -> data.overview(forged)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_phone_link_opens_the_residents_view_until_it_expires_and_never_when_forged_or_revoked() throws Exception {
        IssuedKiosk kiosk = fixtures.registerKiosk("B");
        TestHousehold household = fixtures.household("B", PIN);
        Resident resident = ((SignInResult.SignedIn) signIn.signIn(kiosk.deviceId(), household.typedRoom(), PIN)).resident();

        String token = links.issue(resident);
        assertThat(links.open(token)).map(Resident::householdId).contains(household.householdId());
        Resident opened = links.open(token).orElseThrow();
        assertThat(data.overview(opened).room()).isEqualTo(household.room());

        String expired = links.issue(resident, clock.instant().minusSeconds(1));
        assertThat(links.open(expired)).isEmpty();
        Resident lapsed = new Resident(opened.householdId(), opened.deviceId(), opened.buildingId(), opened.room(),
                opened.name(), clock.instant().minusSeconds(1));
        assertThatThrownBy(() -> data.overview(lapsed)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.kiosk.link.expired");

        String otherHousehold = (household.householdId() + 1) + token.substring(token.indexOf('-'));
        assertThat(links.open(otherHousehold)).isEmpty();
        assertThat(links.open("1-2-3.abc")).isEmpty();

        assertThat(get("/" + PhoneLinks.PATH + token, null).statusCode()).as("reachable without login").isEqualTo(200);

        fixtures.revoke(kiosk.deviceId());
        assertThat(links.open(token)).isEmpty();
        assertThatThrownBy(() -> data.overview(opened)).isInstanceOf(DomainException.class);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.not.logged.in");
    }
}
