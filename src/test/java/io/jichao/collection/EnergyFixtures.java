package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Register values stored the way the engine stores them: through {@link EnergyAggregates#record},
 * the upsert {@code ReadingWriter} and {@code BackfillStore} run, so interval boundaries (a value at
 * hh:00 closes the hour before, 00:00 CST closes the day before) and "the later value wins" are the
 * production rules. For tests of other features that read the aggregates.
 */
public final class EnergyFixtures {

    private final EnergyAggregates aggregates;

    public EnergyFixtures(JdbcTemplate jdbc) {
        this.aggregates = new EnergyAggregates(jdbc);
    }

    /** A cycle or operator reading of the forward energy register. */
    public void read(long meterId, Instant at, String kwh) {
        aggregates.record(List.of(new EnergyPoint(meterId, at, new BigDecimal(kwh), false)));
    }

    /** A value back-filled from the meter's own freeze of {@code at}. */
    public void backfilled(long meterId, Instant at, String kwh) {
        aggregates.record(List.of(new EnergyPoint(meterId, at, new BigDecimal(kwh), true)));
    }
}
