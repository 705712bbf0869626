package io.jichao.archive;

/** DH600 serial-to-Ethernet collectors, named by their number of RS-485 ports. */
public enum CollectorModel {
    DH601(1), DH602(2), DH604(4), DH608(8);

    private final int portCount;

    CollectorModel(int portCount) {
        this.portCount = portCount;
    }

    public int portCount() {
        return portCount;
    }
}
