package io.jichao.collection;

/** Why a reading was taken. */
public enum ReadingSource {
    CYCLE, OPERATOR, BACKFILL
}
