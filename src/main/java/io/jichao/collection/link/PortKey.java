package io.jichao.collection.link;

/** A serial port: the collector's archive id and the port number on the unit (1..8). */
public record PortKey(long collectorId, int portNumber) {

    @Override
    public String toString() {
        return "collector " + collectorId + " port " + portNumber;
    }
}
