package io.jichao.report;

/** A meter in the hierarchy tree: where it is and which meter feeds it (null for a root). */
public record HierarchyNode(long meterId, String address, String building, String room, String household,
                            Long parentId) {

    public String label() {
        StringBuilder label = new StringBuilder(address).append(" · ").append(building);
        if (room != null) {
            label.append(' ').append(room);
        }
        if (household != null) {
            label.append(' ').append(household);
        }
        return label.toString();
    }
}
