package io.jichao.protocol.dlt645;

import java.util.EnumSet;
import java.util.Set;

/** The error byte of an abnormal answer: one bit per reason, several may be set. */
public record Dlt645Error(int code) {

    public enum Flag {
        OTHER(0),
        NO_REQUESTED_DATA(1),
        UNAUTHORISED(2),
        BAUD_NOT_CHANGEABLE(3),
        TOO_MANY_YEAR_ZONES(4),
        TOO_MANY_DAY_PERIODS(5),
        TOO_MANY_TARIFFS(6);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        public int bit() {
            return bit;
        }
    }

    public Dlt645Error {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("error code must be one byte: " + code);
        }
    }

    public boolean has(Flag flag) {
        return (code >>> flag.bit() & 1) != 0;
    }

    public Set<Flag> flags() {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag flag : Flag.values()) {
            if (has(flag)) {
                flags.add(flag);
            }
        }
        return flags;
    }

    public boolean other() {
        return has(Flag.OTHER);
    }

    /** The meter does not support the identifier. */
    public boolean noRequestedData() {
        return has(Flag.NO_REQUESTED_DATA);
    }

    /** Wrong password or insufficient level. */
    public boolean unauthorised() {
        return has(Flag.UNAUTHORISED);
    }

    public boolean baudNotChangeable() {
        return has(Flag.BAUD_NOT_CHANGEABLE);
    }

    public boolean tooManyYearZones() {
        return has(Flag.TOO_MANY_YEAR_ZONES);
    }

    public boolean tooManyDayPeriods() {
        return has(Flag.TOO_MANY_DAY_PERIODS);
    }

    public boolean tooManyTariffs() {
        return has(Flag.TOO_MANY_TARIFFS);
    }

    @Override
    public String toString() {
        return String.format("Dlt645Error[%02X %s]", code, flags());
    }
}
