package io.jichao.faultmap.ui;

import com.vaadin.flow.component.Component;

import io.jichao.faultmap.MapSubject;
import io.jichao.faultmap.PointKind;

/** How a point is named: in the place picker and in its tooltip (address, room, state). */
final class PointTexts {

    private PointTexts() {
    }

    static String placeLabel(Component texts, MapSubject subject) {
        String name = subject.kind() == PointKind.METER
                ? subject.room() == null ? subject.label() : subject.label() + " " + subject.room()
                : texts.getTranslation("faultmap.collector", subject.label());
        return subject.placed() ? texts.getTranslation("faultmap.place.placed", name) : name;
    }

    static String describe(Component texts, MapSubject subject) {
        String state = texts.getTranslation("faultmap.severity." + subject.severity().name());
        if (subject.kind() == PointKind.COLLECTOR) {
            return texts.getTranslation("faultmap.point.collector", subject.label(), state);
        }
        return subject.room() == null ? texts.getTranslation("faultmap.point.meter", subject.label(), state)
                : texts.getTranslation("faultmap.point.meter.room", subject.label(), subject.room(), state);
    }
}
