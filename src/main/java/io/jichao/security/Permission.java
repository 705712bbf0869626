package io.jichao.security;

/** What an operator may do; roles are named bundles of permissions. */
public enum Permission {
    VIEW_ARCHIVE,
    EDIT_METERS,
    EDIT_SITE_STRUCTURE,
    MANAGE_COLLECTORS,
    MANAGE_OPERATORS,
    RECHARGE,
    FINANCE,
    DEVICE_CONTROL
}
