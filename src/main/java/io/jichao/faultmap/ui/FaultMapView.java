package io.jichao.faultmap.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.archive.SiteStructureService;
import io.jichao.faultmap.FaultMapEvents;
import io.jichao.faultmap.FaultMapService;
import io.jichao.faultmap.FloorMap;
import io.jichao.faultmap.MapSubject;
import io.jichao.faultmap.PlanPosition;
import io.jichao.faultmap.PointKind;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * The fault map (R6): choose a building and floor; the plan shows the floor's meters and collectors
 * as points, green, yellow or red by their active alarms, recoloured by server push while the page
 * is open. A click on a point opens the meter's page (or the collectors page). Who may, picks a
 * meter or collector under "place" and clicks the plan: the point lands there (placing a placed one
 * moves it). {@code faultmap?floor=<id>} opens a floor directly.
 */
@Route("faultmap")
@PermitAll
@StyleSheet("styles/fault-map.css")
public class FaultMapView extends VerticalLayout implements BeforeEnterObserver, HasPageTitleKey, HasDynamicTitle {

    public static final String BUILDING_ID = "fault-map-building";
    public static final String FLOOR_ID = "fault-map-floor";
    public static final String UPLOAD_ID = "fault-map-upload";
    public static final String PLACE_ID = "fault-map-place";
    public static final String REMOVE_ID = "fault-map-remove";
    public static final String NO_PLAN_ID = "fault-map-no-plan";
    public static final String CANVAS_ID = FloorPlanCanvas.ID;

    private final transient FaultMapService faultMap;
    private final transient SiteStructureService structure;
    private final ComboBox<BuildingView> building = new ComboBox<>();
    private final ComboBox<FloorView> floor = new ComboBox<>();
    private final Button upload = new Button(VaadinIcon.UPLOAD.create());
    private final ComboBox<MapSubject> place = new ComboBox<>();
    private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private final Paragraph noPlan = new Paragraph();
    private final FloorPlanCanvas canvas;
    private FloorMap shown;
    private FaultMapEvents.Subscription subscription;

    public FaultMapView(FaultMapService faultMap, SiteStructureService structure) {
        this.faultMap = faultMap;
        this.structure = structure;
        this.canvas = new FloorPlanCanvas(this::placeAt, this::open, subject -> PointTexts.describe(this, subject));
        building.setId(BUILDING_ID);
        building.setLabel(getTranslation("faultmap.building"));
        building.setItemLabelGenerator(BuildingView::label);
        building.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                showBuilding(null);
            }
        });
        floor.setId(FLOOR_ID);
        floor.setLabel(getTranslation("faultmap.floor"));
        floor.setItemLabelGenerator(FloorView::name);
        floor.addValueChangeListener(event -> showFloor());
        upload.setId(UPLOAD_ID);
        upload.setText(getTranslation("faultmap.upload"));
        upload.addClickListener(click -> openUpload());
        place.setId(PLACE_ID);
        place.setLabel(getTranslation("faultmap.place"));
        place.setPlaceholder(getTranslation("faultmap.place.hint"));
        place.setItemLabelGenerator(subject -> PointTexts.placeLabel(this, subject));
        place.setClearButtonVisible(true);
        place.setWidth("22em");
        place.addValueChangeListener(event -> placingChanged());
        remove.setId(REMOVE_ID);
        remove.setText(getTranslation("faultmap.remove"));
        remove.addClickListener(click -> removeChosen());
        noPlan.setId(NO_PLAN_ID);
        HorizontalLayout choice = new HorizontalLayout(building, floor, place, remove, upload);
        choice.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        choice.setWrap(true);
        add(new H3(getTranslation("faultmap.title")), choice, new SeverityLegend(), noPlan, canvas);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<BuildingView> buildings = structure.buildings();
        building.setItems(buildings);
        Long floorId = event.getLocation().getQueryParameters().getSingleParameter("floor")
                .flatMap(FaultMapView::parse).orElse(null);
        Optional<FloorView> wanted = Optional.empty();
        if (floorId != null) {
            wanted = buildings.stream().flatMap(b -> structure.floors(b.id()).stream())
                    .filter(f -> f.id() == floorId).findFirst();
        }
        Optional<BuildingView> chosen = wanted.flatMap(f -> buildings.stream().filter(b -> b.id() == f.buildingId())
                .findFirst()).or(() -> buildings.stream().findFirst());
        chosen.ifPresent(building::setValue);
        showBuilding(wanted.orElse(null));
    }

    private void showBuilding(FloorView wanted) {
        List<FloorView> floors = building.getOptionalValue().map(b -> structure.floors(b.id())).orElse(List.of());
        floor.setItems(floors);
        floor.setValue(wanted != null ? wanted : floors.stream().findFirst().orElse(null));
    }

    private void showFloor() {
        unlisten();
        shown = floor.getOptionalValue().map(f -> faultMap.floor(f.id())).orElse(null);
        place.clear();
        if (shown == null) {
            canvas.setVisible(false);
            noPlan.setText("");
            updateActions();
            return;
        }
        DownloadHandler plan = shown.hasPlan() ? PlanDownload.of(faultMap, shown.floorId(), shown.plan().format()) : null;
        canvas.show(shown, plan, getTranslation("faultmap.plan.alt", floor.getValue().name()));
        noPlan.setText(shown.hasPlan() ? "" : getTranslation(shown.mayUploadPlan() ? "faultmap.no.plan.upload"
                : "faultmap.no.plan"));
        noPlan.setVisible(!shown.hasPlan());
        place.setItems(shown.subjects().stream().filter(this::mayPlace).toList());
        updateActions();
        getUI().ifPresent(this::listen);
    }

    private boolean mayPlace(MapSubject subject) {
        return subject.kind() == PointKind.METER ? shown.mayPlaceMeters() : shown.mayPlaceCollectors();
    }

    private void updateActions() {
        boolean hasPlan = shown != null && shown.hasPlan();
        upload.setVisible(shown != null && shown.mayUploadPlan());
        place.setVisible(hasPlan && (shown.mayPlaceMeters() || shown.mayPlaceCollectors()));
        remove.setVisible(place.isVisible());
        remove.setEnabled(place.getOptionalValue().filter(MapSubject::placed).isPresent());
    }

    private void placingChanged() {
        canvas.setPlacing(place.getOptionalValue().isPresent());
        updateActions();
    }

    private void placeAt(PlanPosition position) {
        Optional<MapSubject> chosen = place.getOptionalValue();
        if (chosen.isEmpty() || shown == null) {
            return;
        }
        MapSubject subject = chosen.get();
        try {
            if (subject.kind() == PointKind.METER) {
                faultMap.placeMeter(subject.id(), shown.floorId(), position);
            } else {
                faultMap.placeCollector(subject.id(), shown.floorId(), position);
            }
            Notifications.success("faultmap.placed", subject.label());
            showFloor();
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void removeChosen() {
        place.getOptionalValue().filter(MapSubject::placed).ifPresent(subject -> {
            try {
                if (subject.kind() == PointKind.METER) {
                    faultMap.unplaceMeter(subject.id(), shown.floorId());
                } else {
                    faultMap.unplaceCollector(subject.id());
                }
                Notifications.success("faultmap.removed", subject.label());
                showFloor();
            } catch (DomainException e) {
                Notifications.error(e);
            }
        });
    }

    /** A point was clicked: while placing, nothing (the plan click places); else its page opens. */
    private void open(MapSubject subject) {
        if (place.getOptionalValue().isPresent()) {
            return;
        }
        if (subject.kind() == PointKind.METER) {
            UI.getCurrent().navigate("meters/" + subject.id() + "/live");
        } else {
            UI.getCurrent().navigate("collectors", QueryParameters.simple(Map.of("collector", String.valueOf(subject.id()))));
        }
    }

    private void openUpload() {
        floor.getOptionalValue().ifPresent(f -> new PlanUploadDialog(faultMap, f.id(), f.name(), this::showFloor).open());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (shown != null) {
            listen(event.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unlisten();
        super.onDetach(event);
    }

    private void listen(UI ui) {
        unlisten();
        subscription = faultMap.subscribe(shown.floorId(), change -> ui.access(() -> canvas.recolour(change)));
    }

    private void unlisten() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** What the canvas shows now (tests). */
    FloorPlanCanvas canvas() {
        return canvas;
    }

    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String pageTitleKey() {
        return "faultmap.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
