/**
 * Operators, roles, districts and login (R5): BCrypt passwords, login throttling, the first
 * super admin, and {@link io.jichao.security.CurrentOperator}, which every scoped service
 * asks for the acting operator's rights and district.
 */
package io.jichao.security;
