package io.jichao.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.shared.ui.Languages;

/**
 * Base of the Karibu UI tests: boots the application once, discovers the routes, and gives
 * each test a fresh mocked Vaadin session. {@link #login(String)} logs in a demo operator the
 * way the login form would, including what the router's access checks read from the request.
 */
@JichaoSpringTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ObjectProvider<SecurityContextHolderStrategy> securityStrategy;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("io.jichao");
    }

    @BeforeEach
    void setUpVaadin() {
        // Vaadin's security context strategy keeps its own thread-local per application context and
        // installs itself globally; a JVM that started another context since (Failsafe runs several)
        // holds that one's, so login and this context's method security would not see each other.
        securityStrategy.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        UI.getCurrent().setLocale(Languages.ENGLISH);
    }

    @AfterEach
    void tearDownVaadin() {
        LoginSupport.logout();
        MockVaadin.tearDown();
    }

    /** Logs in a demo operator and reloads the UI so the shell is built for that operator. */
    protected void login(String username) {
        UsernamePasswordAuthenticationToken token = LoginSupport.loginAs(users, username);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(token);
        request.setUserInRole((principal, role) -> token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.equals("ROLE_" + role)));
    }

    protected void navigateTo(String location) {
        UI.getCurrent().navigate(location);
    }
}
