package io.jichao.testing;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Puts a real operator (loaded like a login does) into the security context of the test thread. */
public final class LoginSupport {

    private LoginSupport() {
    }

    public static UsernamePasswordAuthenticationToken loginAs(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(token);
        return token;
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
