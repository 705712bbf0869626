package io.jichao.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import io.jichao.security.OperatorService;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Languages;
import io.jichao.shared.ui.NavigationEntry;
import io.jichao.security.ui.ChangePasswordView;

/**
 * The shell around every operator page. The navigation lists only the views the operator's
 * roles may open, by asking the same access annotations the router enforces.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    public static final String NAV_ID = "main-nav";
    public static final String LOGOUT_ID = "logout";

    private final transient AuthenticationContext authentication;
    private final transient OperatorService operatorService;
    private final H1 title = new H1();

    public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker accessChecker,
                      NavigationMenu menu, OperatorService operatorService) {
        this.authentication = authentication;
        this.operatorService = operatorService;
        setPrimarySection(Section.DRAWER);

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("jichao-brand");
        SideNav nav = new SideNav();
        nav.setId(NAV_ID);
        for (NavigationEntry entry : menu.entries()) {
            if (accessChecker.hasAccess(entry.view())) {
                nav.addItem(new SideNavItem(getTranslation(entry.titleKey()), entry.view(), entry.icon().create()));
            }
        }
        addToDrawer(brand, nav);

        title.addClassName("jichao-page-title");
        Span operatorName = new Span(authentication.getPrincipalName().orElse(""));
        operatorName.setId("operator-name");
        Button password = new Button(VaadinIcon.KEY.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        password.setAriaLabel(getTranslation("password.change.title"));
        Button logout = new Button(getTranslation("action.logout"), VaadinIcon.SIGN_OUT.create(),
                click -> this.authentication.logout());
        logout.setId(LOGOUT_ID);
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout right = new HorizontalLayout(operatorName, password, Languages.languageSwitch(), logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, right);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.addClassName("jichao-header");
        addToNavbar(header);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Operators with a one-time password must set their own before using anything else.
        if (event.getNavigationTarget() != ChangePasswordView.class && operatorService.mustChangePassword()) {
            event.forwardTo(ChangePasswordView.class);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        title.setText(content instanceof HasPageTitleKey page ? getTranslation(page.pageTitleKey()) : "");
    }
}
