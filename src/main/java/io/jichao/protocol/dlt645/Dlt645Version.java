package io.jichao.protocol.dlt645;

import java.util.Optional;

/** The two editions of DL/T 645: they differ in function codes and data identifier length. */
public enum Dlt645Version {
    V1997(2),
    V2007(4);

    private final int identifierLength;

    Dlt645Version(int identifierLength) {
        this.identifierLength = identifierLength;
    }

    /** Bytes of a data identifier: 2 in 1997 ({@code 9010}), 4 in 2007 ({@code 00010000}). */
    public int identifierLength() {
        return identifierLength;
    }

    public boolean supports(Dlt645Function function) {
        return function.code(this) != Dlt645Function.NONE;
    }

    /** The 5-bit function code of a request, e.g. {@code 0x11} for a 2007 read. */
    public int functionCode(Dlt645Function function) {
        int code = function.code(this);
        if (code == Dlt645Function.NONE) {
            throw new IllegalArgumentException("DL/T 645-" + year() + " has no " + function + " command");
        }
        return code;
    }

    /** The function a 5-bit code stands for in this version, if any. */
    public Optional<Dlt645Function> function(int functionCode) {
        for (Dlt645Function function : Dlt645Function.values()) {
            if (function.code(this) == functionCode) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    public int year() {
        return this == V1997 ? 1997 : 2007;
    }
}
