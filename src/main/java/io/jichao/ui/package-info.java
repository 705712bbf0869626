/**
 * The application shell: side navigation filtered by role, header with the operator and the
 * language switch, the home page, and small components the feature views share.
 */
package io.jichao.ui;
