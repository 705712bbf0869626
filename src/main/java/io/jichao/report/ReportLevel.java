package io.jichao.report;

/** What an energy report adds up: one meter, or the meters of a household, box, floor, building or the whole district. */
public enum ReportLevel {
    METER, HOUSEHOLD, BOX, FLOOR, BUILDING, DISTRICT
}
