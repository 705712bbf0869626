package io.jichao.archive;

/** Detached views of the site structure that pickers and admin pages show. */
public final class SiteStructure {

    private SiteStructure() {
    }

    public record BuildingView(long id, String code, String name, Long propertyOfficeId, String propertyOfficeName) {
        public String label() {
            return code + " " + name;
        }
    }

    public record FloorView(long id, long buildingId, int level, String name) {
    }

    public record BoxView(long id, long buildingId, long floorId, String code, String name) {
        public String label() {
            return code + " " + name;
        }
    }

    public record OfficeView(long id, String name) {
    }
}
