package io.jichao.archive;

/** Serial parity of an RS-485 port; DL/T 645 buses use EVEN (8E1). */
public enum Parity {
    EVEN('E'), NONE('N'), ODD('O');

    private final char letter;

    Parity(char letter) {
        this.letter = letter;
    }

    /** The letter of the usual short form, as in 8E1. */
    public char letter() {
        return letter;
    }
}
