/** The SMS notifications page: a building's manager contacts in escalation order, and the outbox. */
package io.jichao.notify.ui;
