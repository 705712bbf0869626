package io.jichao.simulator;

/** The simulated DH600 collector models, named by their number of RS-485 ports. */
public enum Dh600Model {
    DH601(1), DH602(2), DH604(4), DH608(8);

    private final int portCount;

    Dh600Model(int portCount) {
        this.portCount = portCount;
    }

    public int portCount() {
        return portCount;
    }
}
