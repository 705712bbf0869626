package io.jichao.collection;

/** Where a port's connection stands, as the collectors page shows it. */
public enum LinkState {
    /** Never connected since the engine took the port on (a new collector, a fresh start). */
    NOT_YET_CONNECTED,
    /** Dropped on purpose (reconnect, changed settings) and being opened again. */
    CONNECTING,
    CONNECTED,
    /** Was connected and lost its connection. */
    DISCONNECTED
}
