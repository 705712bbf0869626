package io.jichao.kiosk.ui;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.jichao.kiosk.KioskDeviceService;
import io.jichao.kiosk.PhoneLinks;

/** What the kiosk view reads from the current HTTP request: the device cookie and its own address. */
final class KioskRequests {

    private KioskRequests() {
    }

    /** The device token of the HttpOnly cookie the registration address set; empty in any other browser. */
    static Optional<String> deviceToken() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> KioskDeviceService.COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst();
    }

    /** The phone link for a token, under {@code publicUrl} or else the address the kiosk reached us at. */
    static String phoneUrl(String publicUrl, String token) {
        String base = publicUrl.strip();
        if (base.isEmpty()) {
            HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
            boolean defaultPort = (request.getScheme().equals("http") && request.getServerPort() == 80)
                    || (request.getScheme().equals("https") && request.getServerPort() == 443);
            base = request.getScheme() + "://" + request.getServerName()
                    + (defaultPort ? "" : ":" + request.getServerPort()) + request.getContextPath();
        }
        return (base.endsWith("/") ? base : base + "/") + PhoneLinks.PATH + token;
    }
}
