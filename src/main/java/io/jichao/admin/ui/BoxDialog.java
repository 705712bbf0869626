package io.jichao.admin.ui;

import com.vaadin.flow.component.textfield.TextField;

/** Adds a distribution box (配电箱) to a floor. */
public class BoxDialog extends FormDialog {

    public static final String CODE_ID = "box-code";
    public static final String NAME_ID = "box-name";

    /** What saving does with the code and name. */
    @FunctionalInterface
    public interface SaveAction {
        void save(String code, String name);
    }

    private final TextField code = new TextField(getTranslation("structure.code"));
    private final TextField name = new TextField(getTranslation("structure.name"));
    private final transient SaveAction action;

    public BoxDialog(String floorLabel, SaveAction action) {
        super("structure.box.new", floorLabel);
        this.action = action;
        code.setId(CODE_ID);
        code.setMaxLength(32);
        name.setId(NAME_ID);
        name.setMaxLength(100);
        form.add(code, name);
        errors.required(code, "code").on(code, "error.box.code.taken").required(name, "name");
    }

    @Override
    protected void save() {
        action.save(code.getValue(), name.getValue());
    }
}
