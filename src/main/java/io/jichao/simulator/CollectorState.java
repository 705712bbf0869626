package io.jichao.simulator;

/** Lifecycle of a simulated collector. */
public enum CollectorState {
    STOPPED,
    RUNNING,
    /** Down for a reboot: no listening sockets, no dial-in connections, until it comes back. */
    REBOOTING
}
