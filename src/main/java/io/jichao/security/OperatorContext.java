package io.jichao.security;

import java.util.EnumSet;
import java.util.Set;

import io.jichao.shared.DomainException;

/** Who is acting, with what rights, inside which district. */
public record OperatorContext(long operatorId, String username, String displayName, Set<Role> roles,
                              DistrictScope district) {

    public OperatorContext {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(role -> role.permissions().contains(permission));
    }

    /** Refuses with a readable message unless the operator holds the permission. */
    public void require(Permission permission) {
        if (!has(permission)) {
            throw new DomainException("error.permission.denied", permission.name());
        }
    }
}
