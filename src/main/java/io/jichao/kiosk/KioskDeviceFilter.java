package io.jichao.kiosk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the one-time registration address {@code /kiosk?device=<token>} into a long-lived HttpOnly
 * cookie and redirects to {@code /kiosk}, so the token leaves the address bar (and the history)
 * and page scripts can never read it. An unknown or revoked token clears the cookie instead.
 */
@Component
class KioskDeviceFilter extends OncePerRequestFilter {

    static final String PARAMETER = "device";

    private final KioskDeviceService devices;
    private final KioskProperties properties;

    KioskDeviceFilter(KioskDeviceService devices, KioskProperties properties) {
        this.devices = devices;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !(request.getContextPath() + "/kiosk").equals(request.getRequestURI())
                || request.getParameter(PARAMETER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getParameter(PARAMETER);
        boolean known = devices.identify(token).isPresent();
        Cookie cookie = new Cookie(KioskDeviceService.COOKIE, known ? token : "");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(known ? (int) Math.min(Integer.MAX_VALUE, properties.deviceCookieMaxAge().toSeconds()) : 0);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/kiosk");
    }
}
