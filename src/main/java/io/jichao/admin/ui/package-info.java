/**
 * Views of the administration pages and their dialogs. Every change goes through a service,
 * which checks the operator's rights and district; a refusal comes back as a
 * {@link io.jichao.shared.DomainException} and is shown on the field it concerns.
 */
package io.jichao.admin.ui;
