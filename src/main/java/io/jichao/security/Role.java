package io.jichao.security;

import java.util.EnumSet;
import java.util.Set;

/** Roles of R5; a person may hold several. */
public enum Role {
    SUPER_ADMIN(EnumSet.allOf(Permission.class)),
    RECHARGE_CLERK(EnumSet.of(Permission.VIEW_ARCHIVE, Permission.RECHARGE)),
    FINANCE(EnumSet.of(Permission.VIEW_ARCHIVE, Permission.FINANCE)),
    MAINTAINER(EnumSet.of(Permission.VIEW_ARCHIVE, Permission.EDIT_METERS,
            Permission.MANAGE_COLLECTORS, Permission.DEVICE_CONTROL));

    /** Role names as used by {@code @RolesAllowed}. */
    public static final String SUPER_ADMIN_NAME = "SUPER_ADMIN";
    public static final String RECHARGE_CLERK_NAME = "RECHARGE_CLERK";
    public static final String FINANCE_NAME = "FINANCE";
    public static final String MAINTAINER_NAME = "MAINTAINER";

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
