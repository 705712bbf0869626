package io.jichao.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.jichao.prepaid.LedgerKind;
import io.jichao.prepaid.TariffKind;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * Everything one household's statement of a Shanghai month shows; built by {@link StatementData}
 * and rendered by {@link StatementRenderer}. Balances are the ledger's sums: opening = every entry
 * before the month, closing = opening + the month's entries.
 */
public record MonthlyStatement(long householdId, String siteName, String buildingName, String room,
                               String householdName, YearMonth month, List<MeterUsage> meters,
                               List<Entry> entries, Money openingBalance, Kwh openingKwh,
                               Money closingBalance, Kwh closingKwh) {

    public MonthlyStatement {
        meters = List.copyOf(meters);
        entries = List.copyOf(entries);
    }

    /**
     * One meter of the household: the register at the month's start and end (the closings of the
     * day before and of the last day, empty when not read), the month's usage times CT × PT (empty
     * when the stored closings cover nothing), {@code incomplete} when a boundary closing is missing
     * or the register went back, and the tariff in force on the month's last day.
     */
    public record MeterUsage(long meterId, String address, Optional<BigDecimal> openingRegister,
                             Optional<BigDecimal> closingRegister, Optional<Kwh> usage, boolean incomplete,
                             int multiplier, Optional<Tariff> tariff) {
    }

    /** The tariff version in force: its kind and its rates (one for FLAT, a period or block each otherwise). */
    public record Tariff(TariffKind kind, List<Rate> rates) {
        public Tariff {
            rates = List.copyOf(rates);
        }
    }

    /** A price with its time-of-use period ({@code start}–{@code end}) or stepped block bound ({@code upTo}, null = open). */
    public record Rate(String periodKind, LocalTime start, LocalTime end, BigDecimal upTo, BigDecimal price) {
    }

    /** A ledger entry of the month. */
    public record Entry(Instant occurredAt, LedgerKind kind, Money amount, Kwh kwh, Long orderId) {
    }
}
