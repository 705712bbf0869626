package io.jichao.faultmap.ui;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.jichao.alarm.Severity;
import io.jichao.faultmap.FloorMap;
import io.jichao.faultmap.MapSubject;
import io.jichao.faultmap.PlanPosition;
import io.jichao.faultmap.PointChange;
import io.jichao.faultmap.PointKind;

/**
 * The floor plan as an {@code <img>} (so an SVG's scripts could never run) with its points as
 * absolutely positioned divs on top, at percentages of the plan's size; the box keeps the plan's
 * aspect ratio. A click on the plan reports where it landed as fractions of the drawn size, which
 * the browser computes from the box's bounding rectangle; a click on a point stops there and
 * reports the point.
 */
class FloorPlanCanvas extends Div {

    static final String ID = "fault-map-canvas";
    static final String POINT_CLASS = "fault-map-point";
    /** Event data of a click on the plan: the click's place as fractions 0..1 of the drawn plan. */
    static final String CLICK_X = "(event.clientX - element.getBoundingClientRect().left)"
            + " / element.getBoundingClientRect().width";
    static final String CLICK_Y = "(event.clientY - element.getBoundingClientRect().top)"
            + " / element.getBoundingClientRect().height";

    private final Map<String, Div> points = new HashMap<>();
    private final Map<String, MapSubject> subjects = new HashMap<>();
    private final Consumer<PlanPosition> onPlanClick;
    private final Consumer<MapSubject> onPointClick;
    private final Function<MapSubject, String> describe;

    FloorPlanCanvas(Consumer<PlanPosition> onPlanClick, Consumer<MapSubject> onPointClick,
                    Function<MapSubject, String> describe) {
        this.onPlanClick = onPlanClick;
        this.onPointClick = onPointClick;
        this.describe = describe;
        setId(ID);
        addClassName("fault-map-canvas");
        getElement().addEventListener("click", event -> {
            double x = event.getEventData().path(CLICK_X).asDouble(Double.NaN);
            double y = event.getEventData().path(CLICK_Y).asDouble(Double.NaN);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                this.onPlanClick.accept(PlanPosition.of(clamp(x), clamp(y)));
            }
        }).addEventData(CLICK_X).addEventData(CLICK_Y);
    }

    /** Draws the floor: its plan (if any) and its placed points; unplaced ones are not drawn. */
    void show(FloorMap map, DownloadHandler plan, String altText) {
        removeAll();
        points.clear();
        subjects.clear();
        setVisible(map.hasPlan());
        if (!map.hasPlan()) {
            return;
        }
        getStyle().set("aspect-ratio", map.plan().width() + " / " + map.plan().height());
        Image image = new Image(plan, altText);
        image.addClassName("fault-map-plan");
        add(image);
        map.placed().forEach(this::addPoint);
    }

    private void addPoint(MapSubject subject) {
        Div point = new Div();
        point.setId(pointId(subject.kind(), subject.id()));
        point.addClassNames(POINT_CLASS, POINT_CLASS + "--" + subject.kind().name().toLowerCase(Locale.ROOT));
        point.getStyle().set("left", percent(subject.position().x())).set("top", percent(subject.position().y()));
        point.getElement().addEventListener("click", event -> onPointClick.accept(this.subjects.get(key(subject))))
                .stopPropagation();
        points.put(key(subject), point);
        subjects.put(key(subject), subject);
        colour(point, subject);
        add(point);
    }

    /** Recolours a point this canvas shows; changes of points it does not show are ignored. */
    void recolour(PointChange change) {
        String key = key(change.kind(), change.id());
        Div point = points.get(key);
        if (point != null) {
            MapSubject subject = subjects.get(key).withSeverity(change.severity());
            subjects.put(key, subject);
            colour(point, subject);
        }
    }

    Optional<MapSubject> subject(PointKind kind, long id) {
        return Optional.ofNullable(subjects.get(key(kind, id)));
    }

    void setPlacing(boolean placing) {
        setClassName("fault-map-canvas--placing", placing);
    }

    private void colour(Div point, MapSubject subject) {
        for (Severity severity : Severity.values()) {
            point.removeClassName(colourClass(severity));
        }
        point.addClassName(colourClass(subject.severity()));
        point.getElement().setAttribute("title", describe.apply(subject));
    }

    static String colourClass(Severity severity) {
        return POINT_CLASS + "--" + switch (severity) {
            case NORMAL -> "green";
            case ALARM -> "yellow";
            case FAULT -> "red";
        };
    }

    static String pointId(PointKind kind, long id) {
        return "fault-map-" + kind.name().toLowerCase(Locale.ROOT) + "-" + id;
    }

    private static String key(MapSubject subject) {
        return key(subject.kind(), subject.id());
    }

    private static String key(PointKind kind, long id) {
        return kind + ":" + id;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
