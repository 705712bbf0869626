package io.jichao.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.treegrid.TreeGrid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.report.HierarchyNode;
import io.jichao.report.LineLossService;
import io.jichao.report.ReportFixtures;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class LineLossViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private LineLossService lineLoss;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private long parent;
    private long child;

    @BeforeEach
    void twoMeters() {
        ReportFixtures fixtures = new ReportFixtures(meters, structure, users, jdbc);
        parent = fixtures.meter("树总表", 1, false);
        child = fixtures.meter("树分表", 1, false);
    }

    @Test
    void moving_a_meter_under_a_parent_shows_it_below_the_parent_and_a_cycle_is_refused() {
        login("super");
        navigateTo("reports/line-loss");
        move(child, parent);

        assertThat(tree().getTreeData().getParent(node(child))).extracting(HierarchyNode::meterId).isEqualTo(parent);
        move(parent, child);
        LoginSupport.loginAs(users, "super");
        assertThat(lineLoss.hierarchy()).filteredOn(n -> n.meterId() == parent).singleElement()
                .satisfies(n -> assertThat(n.parentId()).isNull());
    }

    private void move(long meter, long newParent) {
        tree().select(node(meter));
        @SuppressWarnings("unchecked")
        ComboBox<HierarchyNode> parentBox = _get(ComboBox.class, spec -> spec.withId(HierarchyTree.PARENT_ID));
        parentBox.setValue(node(newParent));
        _click(_get(Button.class, spec -> spec.withId(HierarchyTree.MOVE_ID)));
    }

    private HierarchyNode node(long meterId) {
        return tree().getTreeData().getRootItems().stream().flatMap(this::withChildren)
                .filter(n -> n.meterId() == meterId).findFirst().orElseThrow();
    }

    private java.util.stream.Stream<HierarchyNode> withChildren(HierarchyNode node) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(node),
                tree().getTreeData().getChildren(node).stream().flatMap(this::withChildren));
    }

    @SuppressWarnings("unchecked")
    private TreeGrid<HierarchyNode> tree() {
        return _get(TreeGrid.class, spec -> spec.withId(HierarchyTree.TREE_ID));
    }
}
