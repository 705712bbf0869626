package io.jichao.simulator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A frozen reading, stamped with the meter's own clock. {@code forward} and {@code reverse} hold
 * the total followed by tariffs 1-4, in kWh with two decimals, as the meter would send them.
 */
public record FreezeRecord(LocalDateTime time, List<BigDecimal> forward, List<BigDecimal> reverse) {

    public FreezeRecord {
        forward = List.copyOf(forward);
        reverse = List.copyOf(reverse);
    }

    public BigDecimal forwardTotal() {
        return forward.getFirst();
    }

    public BigDecimal reverseTotal() {
        return reverse.getFirst();
    }
}
