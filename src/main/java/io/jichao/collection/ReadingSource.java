package io.jichao.collection;

/** Why a reading was taken. */
public enum ReadingSource {
    CYCLE, OPERATOR, BACKFILL,
    /** A meter's own daily freeze, read by a schedule ({@link ReadingItem#DAILY_FREEZE}). */
    FREEZE
}
