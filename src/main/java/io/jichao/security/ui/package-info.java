/** Login and the operator's own password. */
package io.jichao.security.ui;
