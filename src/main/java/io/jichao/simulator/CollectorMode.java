package io.jichao.simulator;

/**
 * SERVER: the collector listens on one TCP port per serial port and the engine connects.
 * CLIENT: the collector dials in to the engine, one TCP connection per serial port.
 */
public enum CollectorMode {
    SERVER, CLIENT
}
