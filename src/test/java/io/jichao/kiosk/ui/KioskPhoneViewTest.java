package io.jichao.kiosk.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.kiosk.IssuedKiosk;
import io.jichao.kiosk.KioskDeviceService;
import io.jichao.kiosk.KioskFixtures;
import io.jichao.kiosk.KioskFixtures.TestHousehold;
import io.jichao.kiosk.KioskSignIn;
import io.jichao.kiosk.PhoneLinks;
import io.jichao.kiosk.Resident;
import io.jichao.kiosk.ResidentPinService;
import io.jichao.kiosk.SignInResult;
import io.jichao.testing.KaribuTest;

class KioskPhoneViewTest extends KaribuTest {

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
    private PhoneLinks links;
    @Autowired
    private Clock clock;

    private Resident signedIn(TestHousehold household) {
        KioskFixtures fixtures = new KioskFixtures(meters, structure, devices, pins, users, jdbc);
        IssuedKiosk kiosk = fixtures.registerKiosk("D");
        return ((SignInResult.SignedIn) signIn.signIn(kiosk.deviceId(), household.typedRoom(), "7788")).resident();
    }

    @Test
    void a_fresh_phone_link_shows_the_residents_view_without_kiosk_controls() {
        TestHousehold household = new KioskFixtures(meters, structure, devices, pins, users, jdbc).household("D", "7788");
        Resident resident = signedIn(household);

        navigateTo(PhoneLinks.PATH + links.issue(resident));

        assertThat(_get(H2.class, spec -> spec.withId(ResidentPanel.GREETING_ID)).getText()).contains(household.room());
        assertThat(_get(Span.class, spec -> spec.withId(KioskPhoneView.VALID_UNTIL_ID)).getText()).startsWith("This link works until ");
        _assertNone(Image.class, spec -> spec.withId(ResidentPanel.QR_ID));
        _assertNone(Button.class, spec -> spec.withId(ResidentPanel.SIGN_OUT_ID));
    }

    @Test
    void an_expired_phone_link_shows_nothing_of_the_resident() {
        TestHousehold household = new KioskFixtures(meters, structure, devices, pins, users, jdbc).household("D", "7788");
        Resident resident = signedIn(household);

        navigateTo(PhoneLinks.PATH + KioskFixtures.phoneToken(links, resident, clock.instant().minusSeconds(1)));

        assertThat(_get(Span.class, spec -> spec.withId(KioskView.REFUSED_ID)).getText())
                .isEqualTo("This link has expired or is not valid. Scan the QR code at the kiosk again.");
        _assertNone(H2.class, spec -> spec.withId(ResidentPanel.GREETING_ID));
    }
}
