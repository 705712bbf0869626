package io.jichao.security;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a database without operators, creates the super admin {@code admin}. Its password comes
 * from {@code jichao.security.initial-admin-password}, or is generated and logged once; either
 * way it must be changed at the first login.
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final OperatorRepository operators;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;

    InitialAdministrator(OperatorRepository operators, PasswordEncoder passwordEncoder, SecurityProperties properties) {
        this.operators = operators;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (operators.count() > 0) {
            return;
        }
        String password = properties.initialAdminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generatePassword();
        }
        Operator admin = new Operator(USERNAME, "Administrator", passwordEncoder.encode(password));
        admin.changePasswordHash(admin.getPasswordHash(), true);
        admin.setRoles(Set.of(Role.SUPER_ADMIN));
        admin.assignDistrict(true, Set.of(), Set.of());
        operators.save(admin);
        if (generated) {
            log.warn("Created super admin '{}' with the one-time password: {} (change it at first login)",
                    USERNAME, password);
        } else {
            log.info("Created super admin '{}' with the configured initial password", USERNAME);
        }
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
