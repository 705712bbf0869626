package io.jichao.admin.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.admin.ui.StructureNode.BoxNode;
import io.jichao.admin.ui.StructureNode.BuildingNode;
import io.jichao.admin.ui.StructureNode.FloorNode;
import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.Role;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The site's buildings, floors and distribution boxes as one tree. The whole tree is loaded at
 * once: a site has tens of buildings, and districts and meters refer to all of it.
 */
@Route("structure")
@RolesAllowed(Role.SUPER_ADMIN_NAME)
public class StructureView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String TREE_ID = "structure-tree";
    public static final String NEW_BUILDING_ID = "structure-new-building";
    public static final String EDIT_BUILDING_ID = "structure-edit-building";
    public static final String ADD_FLOOR_ID = "structure-add-floor";
    public static final String ADD_BOX_ID = "structure-add-box";

    private final transient SiteStructureService structure;
    private final TreeGrid<StructureNode> tree = new TreeGrid<>();
    private final Button editBuilding = new Button(getTranslation("structure.building.edit"), VaadinIcon.EDIT.create());
    private final Button addFloor = new Button(getTranslation("structure.floor.add"), VaadinIcon.PLUS.create());
    private final Button addBox = new Button(getTranslation("structure.box.add"), VaadinIcon.PLUS.create());
    private TreeData<StructureNode> data = new TreeData<>();
    private Map<Long, BuildingView> buildings = Map.of();

    public StructureView(SiteStructureService structure) {
        this.structure = structure;
        setSizeFull();

        Button newBuilding = new Button(getTranslation("structure.building.new"), VaadinIcon.PLUS.create(),
                click -> openNewBuilding());
        newBuilding.setId(NEW_BUILDING_ID);
        newBuilding.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        editBuilding.setId(EDIT_BUILDING_ID);
        editBuilding.addClickListener(click -> selectedBuilding().ifPresent(this::openEditBuilding));
        addFloor.setId(ADD_FLOOR_ID);
        addFloor.addClickListener(click -> selectedBuilding().ifPresent(this::openNewFloor));
        addBox.setId(ADD_BOX_ID);
        addBox.addClickListener(click -> selectedFloor().ifPresent(this::openNewBox));

        tree.setId(TREE_ID);
        tree.addHierarchyColumn(StructureNode::code).setHeader(getTranslation("structure.tree.code")).setKey("code")
                .setAutoWidth(true);
        tree.addColumn(StructureNode::name).setHeader(getTranslation("structure.name")).setKey("name")
                .setFlexGrow(1);
        tree.addColumn(node -> node instanceof BuildingNode b && b.building().propertyOfficeName() != null
                        ? b.building().propertyOfficeName() : "")
                .setHeader(getTranslation("structure.office")).setKey("office").setAutoWidth(true);
        tree.asSingleSelect().addValueChangeListener(event -> updateActions());

        add(new HorizontalLayout(newBuilding, editBuilding, addFloor, addBox), tree);
        refresh(null);
    }

    private void openNewBuilding() {
        BuildingDialog.forNew(structure.offices(), (code, name, officeId) -> {
            BuildingView created = structure.createBuilding(code, name, officeId);
            Notifications.success("structure.building.saved", created.code());
            refresh(new BuildingNode(created));
        }).open();
    }

    private void openEditBuilding(BuildingView building) {
        BuildingDialog.forExisting(building, structure.offices(), (code, name, officeId) -> {
            structure.renameBuilding(building.id(), name, officeId);
            Notifications.success("structure.building.saved", building.code());
            refresh(null);
            rootFor(building.id()).ifPresent(tree::select);
        }).open();
    }

    private void openNewFloor(BuildingView building) {
        new FloorDialog(building.label(), (level, name) -> {
            FloorView created = structure.createFloor(building.id(), level, name);
            Notifications.success("structure.floor.saved", created.level(), building.code());
            refresh(new FloorNode(created));
        }).open();
    }

    private void openNewBox(FloorView floor) {
        String floorLabel = buildings.get(floor.buildingId()).code() + " · " + floor.name();
        new BoxDialog(floorLabel, (code, name) -> {
            BoxView created = structure.createBox(floor.id(), code, name);
            Notifications.success("structure.box.saved", created.code());
            refresh(new BoxNode(created));
        }).open();
    }

    /** Reloads the tree, keeps open what was open, and opens the way to and selects {@code show}. */
    private void refresh(StructureNode show) {
        List<StructureNode> expanded = data.getRootItems().stream()
                .flatMap(root -> Stream.concat(Stream.of(root),
                        data.getChildren(root).stream()))
                .filter(tree::isExpanded)
                .toList();
        List<BuildingView> all = structure.buildings();
        buildings = all.stream().collect(Collectors.toMap(BuildingView::id, b -> b));
        TreeData<StructureNode> fresh = new TreeData<>();
        for (BuildingView building : all) {
            BuildingNode buildingNode = new BuildingNode(building);
            fresh.addItem(null, buildingNode);
            Map<Long, FloorNode> floors = structure.floors(building.id()).stream()
                    .collect(Collectors.toMap(FloorView::id, FloorNode::new, (a, b) -> a, LinkedHashMap::new));
            floors.values().forEach(floor -> fresh.addItem(buildingNode, floor));
            for (BoxView box : structure.boxes(building.id())) {
                FloorNode floor = floors.get(box.floorId());
                if (floor != null) {
                    fresh.addItem(floor, new BoxNode(box));
                }
            }
        }
        data = fresh;
        tree.setTreeData(data);
        tree.expand(expanded.stream().filter(data::contains).toList());
        if (show != null && data.contains(show)) {
            StructureNode parent = data.getParent(show);
            while (parent != null) {
                tree.expand(parent);
                parent = data.getParent(parent);
            }
            tree.select(show);
        }
        updateActions();
    }

    private Optional<StructureNode> rootFor(long buildingId) {
        return data.getRootItems().stream().filter(node -> node.buildingId() == buildingId).findFirst();
    }

    /** The building of the selected row, whichever level the row is. */
    private Optional<BuildingView> selectedBuilding() {
        return tree.asSingleSelect().getOptionalValue().map(node -> buildings.get(node.buildingId()));
    }

    /** The selected floor, or the floor of the selected box. */
    private Optional<FloorView> selectedFloor() {
        return tree.asSingleSelect().getOptionalValue().map(node -> switch (node) {
            case FloorNode floor -> floor.floor();
            case BoxNode box -> ((FloorNode) data.getParent(box)).floor();
            case BuildingNode building -> null;
        });
    }

    private void updateActions() {
        Optional<StructureNode> node = tree.asSingleSelect().getOptionalValue();
        editBuilding.setEnabled(node.filter(BuildingNode.class::isInstance).isPresent());
        addFloor.setEnabled(node.isPresent());
        addBox.setEnabled(node.filter(n -> !(n instanceof BuildingNode)).isPresent());
    }

    @Override
    public String pageTitleKey() {
        return "nav.structure";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
