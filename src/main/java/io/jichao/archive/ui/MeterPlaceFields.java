package io.jichao.archive.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.function.SerializableConsumer;

import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;

/**
 * Where a meter is, as two cascades of selects: building → floor → box, and collector → serial
 * port. Each select offers only what fits the one before it, so the form cannot send a box of
 * another building. Choosing a box fills in its floor.
 */
public class MeterPlaceFields implements Serializable {

    /** What the selects may offer: the operator's district, from the archive services. */
    public interface Choices extends Serializable {
        List<BuildingView> buildings();

        List<FloorView> floors(long buildingId);

        List<BoxView> boxes(long buildingId);

        List<CollectorView> collectors();
    }

    private final transient Choices choices;
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final ComboBox<FloorView> floor = new ComboBox<>();
    private final ComboBox<BoxView> box = new ComboBox<>();
    private final ComboBox<CollectorView> collector = new ComboBox<>();
    private final ComboBox<PortView> port = new ComboBox<>();
    private List<BoxView> buildingBoxes = List.of();

    MeterPlaceFields(Choices choices) {
        this.choices = choices;
        building.setItems(choices.buildings());
        building.setItemLabelGenerator(BuildingView::label);
        floor.setItemLabelGenerator(FloorView::name);
        box.setItemLabelGenerator(BoxView::label);
        collector.setItems(choices.collectors());
        collector.setItemLabelGenerator(CollectorView::name);
        port.setItemLabelGenerator(p -> "#" + p.portNumber() + " " + EnumLabels.of(p.protocol()));
        for (ComboBox<?> select : List.of(floor, box, collector, port)) {
            select.setClearButtonVisible(true);
        }

        building.addValueChangeListener(event -> {
            BuildingView chosen = event.getValue();
            floor.clear();
            box.clear();
            floor.setItems(chosen == null ? List.of() : choices.floors(chosen.id()));
            buildingBoxes = chosen == null ? List.of() : choices.boxes(chosen.id());
            box.setItems(buildingBoxes);
        });
        floor.addValueChangeListener(event -> {
            FloorView chosen = event.getValue();
            BoxView current = box.getValue();
            box.setItems(chosen == null ? buildingBoxes
                    : buildingBoxes.stream().filter(b -> b.floorId() == chosen.id()).toList());
            if (current != null && chosen != null && current.floorId() != chosen.id()) {
                box.clear();
            } else {
                box.setValue(current);
            }
        });
        box.addValueChangeListener(event -> {
            BoxView chosen = event.getValue();
            if (chosen != null && (floor.isEmpty() || floor.getValue().id() != chosen.floorId())) {
                floor.getListDataView().getItems().filter(f -> f.id() == chosen.floorId()).findFirst()
                        .ifPresent(floor::setValue);
            }
        });
        collector.addValueChangeListener(event -> {
            port.clear();
            port.setItems(event.getValue() == null ? List.of() : event.getValue().ports());
        });
    }

    ComboBox<BuildingView> building() {
        return building;
    }

    ComboBox<FloorView> floor() {
        return floor;
    }

    ComboBox<BoxView> box() {
        return box;
    }

    ComboBox<CollectorView> collector() {
        return collector;
    }

    ComboBox<PortView> port() {
        return port;
    }

    void addPortChosenListener(SerializableConsumer<PortView> listener) {
        port.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                listener.accept(event.getValue());
            }
        });
    }

    /** Selects the given places; IDs the operator may not see (or null) leave the select empty. */
    void show(Long buildingId, Long floorId, Long boxId, Long collectorId, Long portId) {
        select(building, building.getListDataView().getItems().toList(), BuildingView::id, buildingId);
        select(floor, floor.getListDataView().getItems().toList(), FloorView::id, floorId);
        select(box, buildingBoxes, BoxView::id, boxId);
        select(collector, collector.getListDataView().getItems().toList(), CollectorView::id, collectorId);
        select(port, port.getListDataView().getItems().toList(), PortView::id, portId);
    }

    Long buildingId() {
        return building.isEmpty() ? null : building.getValue().id();
    }

    Long floorId() {
        return floor.isEmpty() ? null : floor.getValue().id();
    }

    Long boxId() {
        return box.isEmpty() ? null : box.getValue().id();
    }

    Long serialPortId() {
        return port.isEmpty() ? null : port.getValue().id();
    }

    private static <T> void select(ComboBox<T> select, List<T> items, Function<T, Long> id, Long wanted) {
        select.setValue(wanted == null ? null
                : items.stream().filter(item -> Objects.equals(id.apply(item), wanted)).findFirst().orElse(null));
    }
}
