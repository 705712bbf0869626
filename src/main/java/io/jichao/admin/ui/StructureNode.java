package io.jichao.admin.ui;

import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;

/** A row of the site tree: a building, one of its floors, or a distribution box on a floor. */
sealed interface StructureNode {

    long buildingId();

    /** The code or level shown in the tree column. */
    String code();

    String name();

    record BuildingNode(BuildingView building) implements StructureNode {
        @Override
        public long buildingId() {
            return building.id();
        }

        @Override
        public String code() {
            return building.code();
        }

        @Override
        public String name() {
            return building.name();
        }
    }

    record FloorNode(FloorView floor) implements StructureNode {
        @Override
        public long buildingId() {
            return floor.buildingId();
        }

        @Override
        public String code() {
            return Integer.toString(floor.level());
        }

        @Override
        public String name() {
            return floor.name();
        }
    }

    record BoxNode(BoxView box) implements StructureNode {
        @Override
        public long buildingId() {
            return box.buildingId();
        }

        @Override
        public String code() {
            return box.code();
        }

        @Override
        public String name() {
            return box.name();
        }
    }
}
