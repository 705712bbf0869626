package io.jichao.protocol.dlt645;

import java.util.EnumSet;
import java.util.Set;

/** A 16-bit run status word, {@code word} 1..7, sent low byte first. */
public record StatusWord(int word, int bits) implements DataValue {

    public StatusWord {
        if (word < 1 || word > 7) {
            throw new IllegalArgumentException("status words are numbered 1..7: " + word);
        }
        if (bits < 0 || bits > 0xFFFF) {
            throw new IllegalArgumentException("a status word has 16 bits: " + bits);
        }
    }

    public boolean bit(int index) {
        if (index < 0 || index > 15) {
            throw new IllegalArgumentException("bit index must be 0..15: " + index);
        }
        return (bits >>> index & 1) != 0;
    }

    public boolean isSet(StatusBit statusBit) {
        if (statusBit.word() != word) {
            throw new IllegalArgumentException(statusBit + " belongs to status word "
                    + statusBit.word() + ", not " + word);
        }
        return bit(statusBit.bit());
    }

    /** Status word 3, bit 4. */
    public boolean relayOpen() {
        return isSet(StatusBit.RELAY_OPEN);
    }

    public Set<StatusBit> setBits() {
        Set<StatusBit> set = EnumSet.noneOf(StatusBit.class);
        for (StatusBit statusBit : StatusBit.values()) {
            if (statusBit.word() == word && bit(statusBit.bit())) {
                set.add(statusBit);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        return String.format("StatusWord[word=%d, bits=%04X]", word, bits);
    }
}
