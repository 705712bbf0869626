package io.jichao.report.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;

import io.jichao.report.HierarchyNode;

/**
 * The meter hierarchy as a tree: pick a meter, pick its new parent (or none) and move it. The tree
 * only asks; the listener calls the service, which refuses cycles and meters outside the district.
 */
class HierarchyTree extends Composite<VerticalLayout> {

    static final String TREE_ID = "hierarchy-tree";
    static final String PARENT_ID = "hierarchy-parent";
    static final String MOVE_ID = "hierarchy-move";
    static final String ROOT_ID = "hierarchy-root";

    private final TreeGrid<HierarchyNode> tree = new TreeGrid<>();
    private final ComboBox<HierarchyNode> parent = new ComboBox<>();
    private final BiConsumer<HierarchyNode, HierarchyNode> onMove;

    /** {@code onMove} gets the meter and its new parent (null: no parent). */
    HierarchyTree(BiConsumer<HierarchyNode, HierarchyNode> onMove) {
        this.onMove = onMove;
        tree.setId(TREE_ID);
        tree.addHierarchyColumn(HierarchyNode::label).setHeader(getTranslation("hierarchy.col.meter")).setFlexGrow(1);
        tree.setHeight("360px");
        parent.setId(PARENT_ID);
        parent.setLabel(getTranslation("hierarchy.parent"));
        parent.setItemLabelGenerator(HierarchyNode::label);
        parent.setWidth("26em");
        Button move = new Button(getTranslation("hierarchy.move"), e -> move(parent.getValue()));
        move.setId(MOVE_ID);
        Button root = new Button(getTranslation("hierarchy.root"), e -> move(null));
        root.setId(ROOT_ID);
        HorizontalLayout actions = new HorizontalLayout(parent, move, root);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        getContent().setPadding(false);
        getContent().add(tree, actions);
    }

    void setNodes(List<HierarchyNode> nodes) {
        Map<Long, HierarchyNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.meterId(), n));
        Map<Long, List<HierarchyNode>> children = new HashMap<>();
        List<HierarchyNode> roots = new ArrayList<>();
        for (HierarchyNode node : nodes) {
            // A meter whose parent is outside the operator's view is shown as a root.
            if (node.parentId() == null || !byId.containsKey(node.parentId())) {
                roots.add(node);
            } else {
                children.computeIfAbsent(node.parentId(), p -> new ArrayList<>()).add(node);
            }
        }
        TreeData<HierarchyNode> data = new TreeData<>();
        data.addItems(roots, node -> children.getOrDefault(node.meterId(), List.of()));
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expandRecursively(data.getRootItems(), 8);
        parent.setItems(nodes);
    }

    TreeGrid<HierarchyNode> tree() {
        return tree;
    }

    private void move(HierarchyNode newParent) {
        HierarchyNode selected = tree.asSingleSelect().getValue();
        if (selected != null) {
            onMove.accept(selected, newParent);
        }
    }
}
