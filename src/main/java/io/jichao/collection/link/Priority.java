package io.jichao.collection.link;

/**
 * Who is waiting for an exchange. The bus serves the highest priority first, so an operator's
 * "read now" overtakes a running cycle at the next free moment instead of waiting for it to end.
 */
public enum Priority {
    /** A person is waiting in front of a screen. */
    OPERATOR,
    /** A parameter, recharge or relay write: money or power depends on it. */
    WRITE,
    /** Scheduled reading. */
    CYCLE
}
