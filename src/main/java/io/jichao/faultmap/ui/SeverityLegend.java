package io.jichao.faultmap.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.jichao.alarm.Severity;

/** What the point colours mean: a swatch per severity, drawn with the points' own classes. */
class SeverityLegend extends HorizontalLayout {

    SeverityLegend() {
        addClassName("fault-map-legend");
        for (Severity severity : Severity.values()) {
            Span swatch = new Span();
            swatch.addClassNames(FloorPlanCanvas.POINT_CLASS, FloorPlanCanvas.colourClass(severity), "fault-map-swatch");
            add(new HorizontalLayout(swatch, new Span(getTranslation("faultmap.severity." + severity.name()))));
        }
    }
}
