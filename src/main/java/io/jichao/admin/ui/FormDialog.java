package io.jichao.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;

import io.jichao.shared.DomainException;

/**
 * A dialog with a form and Save / Cancel. Saving calls a service through {@link #save()}; a
 * refusal keeps the dialog open with the error shown where it belongs, so nothing typed is lost.
 */
abstract class FormDialog extends Dialog {

    public static final String SAVE_ID = "dialog-save";
    public static final String CANCEL_ID = "dialog-cancel";

    protected final FormLayout form = new FormLayout();
    protected final FieldErrors errors = new FieldErrors();

    protected FormDialog(String titleKey, Object... titleArguments) {
        setHeaderTitle(getTranslation(titleKey, titleArguments));
        setWidth("36em");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId(CANCEL_ID);
        Button save = new Button(getTranslation("action.save"), click -> submit());
        save.setId(SAVE_ID);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    /** Hands the form's values to the service; throws {@link DomainException} when it refuses. */
    protected abstract void save();

    private void submit() {
        errors.clear();
        try {
            save();
            close();
        } catch (DomainException e) {
            errors.show(e);
        }
    }
}
