package io.jichao.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.jichao.admin.ui.AdminUi.byId;
import static io.jichao.admin.ui.AdminUi.click;
import static io.jichao.admin.ui.AdminUi.save;
import static io.jichao.admin.ui.AdminUi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.admin.ui.StructureNode.BoxNode;
import io.jichao.admin.ui.StructureNode.BuildingNode;
import io.jichao.admin.ui.StructureNode.FloorNode;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.OfficeView;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.KaribuTest;

class StructureViewTest extends KaribuTest {

    @Autowired
    private SiteStructureService structure;

    @BeforeEach
    void openAsSuperAdmin() {
        login("super");
        navigateTo("structure");
    }

    @Test
    void super_admin_creates_a_building_with_a_floor_and_a_box_and_they_show_up_in_the_tree() {
        String code = unique("T");
        OfficeView office = structure.offices().getFirst();

        click(StructureView.NEW_BUILDING_ID);
        _setValue(byId(TextField.class, BuildingDialog.CODE_ID), code);
        _setValue(byId(TextField.class, BuildingDialog.NAME_ID), "Test tower " + code);
        _setValue(byId(ComboBox.class, BuildingDialog.OFFICE_ID), office);
        save();

        BuildingNode building = (BuildingNode) selected();
        assertThat(building.code()).isEqualTo(code);
        assertThat(building.building().propertyOfficeId()).isEqualTo(office.id());
        assertThat(treeData().getRootItems()).contains(building);

        click(StructureView.ADD_FLOOR_ID);
        _setValue(byId(IntegerField.class, FloorDialog.LEVEL_ID), 1);
        _setValue(byId(TextField.class, FloorDialog.NAME_ID), "1F");
        save();

        FloorNode floor = (FloorNode) selected();
        assertThat(treeData().getChildren(building)).containsExactly(floor);
        assertThat(floor.floor().level()).isEqualTo(1);

        click(StructureView.ADD_BOX_ID);
        _setValue(byId(TextField.class, BoxDialog.CODE_ID), code + "-1");
        _setValue(byId(TextField.class, BoxDialog.NAME_ID), "Box one");
        save();

        BoxNode box = (BoxNode) selected();
        assertThat(treeData().getChildren(floor)).containsExactly(box);
        assertThat(box.code()).isEqualTo(code + "-1");
        assertThat(tree().isExpanded(building)).isTrue();
        assertThat(tree().isExpanded(floor)).isTrue();
        assertThat(structure.boxes(building.buildingId())).singleElement()
                .satisfies(saved -> assertThat(saved.floorId()).isEqualTo(floor.floor().id()));
    }

    @Test
    void a_duplicate_building_code_is_refused_and_nothing_is_saved() {
        int before = structure.buildings().size();

        click(StructureView.NEW_BUILDING_ID);
        _setValue(byId(TextField.class, BuildingDialog.CODE_ID), "A");
        _setValue(byId(TextField.class, BuildingDialog.NAME_ID), "Another A");
        save();

        TextField code = byId(TextField.class, BuildingDialog.CODE_ID);
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("The building code A is already taken.");
        assertThat(structure.buildings()).hasSize(before);
    }

    @Test
    void a_floor_level_used_twice_in_a_building_is_refused() {
        BuildingNode buildingA = rootWithCode("A");
        tree().select(buildingA);

        click(StructureView.ADD_FLOOR_ID);
        _setValue(byId(IntegerField.class, FloorDialog.LEVEL_ID), 1);
        _setValue(byId(TextField.class, FloorDialog.NAME_ID), "Again 1");
        save();

        IntegerField level = byId(IntegerField.class, FloorDialog.LEVEL_ID);
        assertThat(level.isInvalid()).isTrue();
        assertThat(level.getErrorMessage()).isEqualTo("Floor 1 already exists in this building.");
    }

    @Test
    void super_admin_renames_a_building_but_keeps_its_code() {
        String code = unique("R");
        BuildingView created = structure.createBuilding(code, "Old name", null);
        navigateTo("");
        navigateTo("structure");
        tree().select(rootWithCode(code));

        click(StructureView.EDIT_BUILDING_ID);
        assertThat(byId(TextField.class, BuildingDialog.CODE_ID).isReadOnly()).isTrue();
        _setValue(byId(TextField.class, BuildingDialog.NAME_ID), "New name");
        save();

        assertThat(rootWithCode(code).name()).isEqualTo("New name");
        assertThat(structure.buildings()).filteredOn(b -> b.id() == created.id())
                .singleElement().satisfies(b -> assertThat(b.name()).isEqualTo("New name"));
    }

    @Test
    void adding_a_box_needs_a_floor_to_be_selected() {
        assertThat(byId(Button.class, StructureView.ADD_BOX_ID).isEnabled()).isFalse();
        tree().select(rootWithCode("A"));
        assertThat(byId(Button.class, StructureView.ADD_BOX_ID).isEnabled()).isFalse();
        assertThat(byId(Button.class, StructureView.ADD_FLOOR_ID).isEnabled()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<StructureNode> tree() {
        return byId(TreeGrid.class, StructureView.TREE_ID);
    }

    private static TreeData<StructureNode> treeData() {
        return tree().getTreeData();
    }

    private static StructureNode selected() {
        return tree().asSingleSelect().getValue();
    }

    private static BuildingNode rootWithCode(String code) {
        return treeData().getRootItems().stream().map(BuildingNode.class::cast)
                .filter(node -> node.code().equals(code)).findFirst().orElseThrow();
    }
}
