package io.jichao.admin.ui;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.shared.DomainException;

/** Adds a floor to a building: its level (negative below ground) and name. */
public class FloorDialog extends FormDialog {

    public static final String LEVEL_ID = "floor-level";
    public static final String NAME_ID = "floor-name";

    /** What saving does with the level and name. */
    @FunctionalInterface
    public interface SaveAction {
        void save(int level, String name);
    }

    private final IntegerField level = new IntegerField(getTranslation("structure.level"));
    private final TextField name = new TextField(getTranslation("structure.name"));
    private final transient SaveAction action;

    public FloorDialog(String buildingLabel, SaveAction action) {
        super("structure.floor.new", buildingLabel);
        this.action = action;
        level.setId(LEVEL_ID);
        level.setStepButtonsVisible(true);
        name.setId(NAME_ID);
        name.setMaxLength(50);
        form.add(level, name);
        errors.required(level, "level").on(level, "error.floor.level.taken").required(name, "name");
    }

    @Override
    protected void save() {
        // The service takes a plain int, so an empty level is refused here rather than read as 0.
        if (level.getValue() == null) {
            throw new DomainException("error.required", "level");
        }
        action.save(level.getValue(), name.getValue());
    }
}
