package io.jichao.archive;

/** SERVER: the collector listens, we open one TCP connection per serial port. CLIENT: the collector dials in and names itself with a registration ID. */
public enum ConnectionMode {
    SERVER, CLIENT
}
