package io.jichao.faultmap;

/** What a point on the plan stands for. */
public enum PointKind {
    METER,
    COLLECTOR
}
