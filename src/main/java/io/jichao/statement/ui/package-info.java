/** Views of the statements feature: the statements page and the report subscriptions page. */
package io.jichao.statement.ui;
