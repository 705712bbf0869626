package io.jichao.collection.link;

/** The framing a port speaks; DL/T 645-1997 and -2007 share one. */
public enum LinkProtocol {
    DLT645, MODBUS
}
