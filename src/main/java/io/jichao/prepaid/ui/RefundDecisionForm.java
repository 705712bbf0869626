package io.jichao.prepaid.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.jichao.prepaid.RefundView;

/**
 * Finance's decision on one pending refund: the request's figures, a comment, approve or reject.
 * Fires {@link DecisionEvent}; the view asks the service, which enforces four-eyes and district.
 */
public class RefundDecisionForm extends VerticalLayout {

    public static final String CHOSEN_ID = "refund-decision-chosen";
    public static final String COMMENT_ID = "refund-comment";
    public static final String APPROVE_ID = "refund-approve";
    public static final String REJECT_ID = "refund-reject";

    private final Span chosen = new Span();
    private final TextField comment = new TextField();
    private final Button approve = new Button();
    private final Button reject = new Button();
    private RefundView request;

    public RefundDecisionForm() {
        setPadding(false);
        chosen.setId(CHOSEN_ID);
        comment.setId(COMMENT_ID);
        comment.setLabel(getTranslation("refunds.comment"));
        comment.setMaxLength(255);
        comment.setWidth("24em");
        approve.setId(APPROVE_ID);
        approve.setText(getTranslation("refunds.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(event -> decide(true));
        reject.setId(REJECT_ID);
        reject.setText(getTranslation("refunds.reject"));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(event -> decide(false));
        add(chosen, comment, new HorizontalLayout(approve, reject));
        show(null);
    }

    /** The request to decide on, or null for none. */
    public void show(RefundView picked) {
        request = picked;
        comment.clear();
        comment.setInvalid(false);
        approve.setEnabled(picked != null);
        reject.setEnabled(picked != null);
        chosen.setText(picked == null ? getTranslation("refunds.decision.none")
                : getTranslation("refunds.decision.chosen", String.valueOf(picked.id()), String.valueOf(picked.orderId()),
                        picked.meterAddress(), picked.amount(), picked.kwh(), picked.reason()));
    }

    /** Shows a refusal under the comment field. */
    public void showRefusal(String message) {
        comment.setErrorMessage(message);
        comment.setInvalid(true);
    }

    private void decide(boolean approved) {
        if (request != null) {
            fireEvent(new DecisionEvent(this, request.id(), approved, comment.getValue()));
        }
    }

    public Registration addDecisionListener(ComponentEventListener<DecisionEvent> listener) {
        return addListener(DecisionEvent.class, listener);
    }

    /** Finance approved or rejected a request, with its comment. */
    public static class DecisionEvent extends ComponentEvent<RefundDecisionForm> {
        private final long requestId;
        private final boolean approved;
        private final String comment;

        public DecisionEvent(RefundDecisionForm source, long requestId, boolean approved, String comment) {
            super(source, false);
            this.requestId = requestId;
            this.approved = approved;
            this.comment = comment;
        }

        public long requestId() {
            return requestId;
        }

        public boolean approved() {
            return approved;
        }

        public String comment() {
            return comment;
        }
    }
}
