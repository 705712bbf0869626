package io.jichao.prepaid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.BillingMode;
import io.jichao.archive.Meter;
import io.jichao.archive.MeterState;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import jakarta.persistence.EntityManager;

/**
 * Host-side prepaid (主站费控): debits HOST_PREPAID meters' households for the energy their stored
 * readings show, at their tariff groups' prices in force. A system service for the engine (no
 * operator, no district). One transaction per pass over many meters: their {@code host_debit} rows
 * are locked, readings at or before a row's time are ignored (a reading delivered twice debits
 * once), each later reading debits the energy since the one before (× CT × PT) priced by
 * {@link IntervalPricing}, and the rows move on together with the HOST_DEBIT ledger entries, so a
 * database error loses and doubles nothing: the next pass starts again from the rows. A meter's
 * first reading only sets its start.
 */
@Service
public class HostDebitService {

    private static final Logger log = LoggerFactory.getLogger(HostDebitService.class);
    static final String ENGINE = "engine";
    /** A DL/T 645 energy register (XXXXXX.XX kWh) rolls over to zero after this. */
    private static final BigDecimal REGISTER_SPAN = new BigDecimal("1000000");

    /** What the pass needs of a meter from the archive. */
    private record HostMeter(long id, String address, long ratio, long householdId) {
    }

    private final HostDebitStore store;
    private final PrepaidAccounts accounts;
    private final TariffService tariffs;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HostDebitService(HostDebitStore store, PrepaidAccounts accounts, TariffService tariffs,
                     EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.tariffs = tariffs;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** How far each meter's readings have been debited; absent before its first. A hint: {@link #debit} rechecks. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> debitedUpTo(Collection<Long> meterIds) {
        return store.debitedUpTo(meterIds);
    }

    /**
     * Debits the readings after each meter's last debited one; meters that are not active
     * HOST_PREPAID meters with a household are left out of the result. Refuses the whole pass (and
     * debits nothing) when a day has no tariff in force: the readings stay and are debited once it has.
     */
    @Transactional
    public List<HostDebitOutcome> debit(Map<Long, List<RegisterReading>> readingsByMeter) {
        if (readingsByMeter.isEmpty()) {
            return List.of();
        }
        Map<Long, HostMeter> hosts = hostMeters(readingsByMeter.keySet());
        if (hosts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, HostDebitStore.Cursor> locked = store.lock(hosts.keySet());
        Map<Long, Long> accountOf = accountsOf(hosts.values());
        Map<Long, Long> groups = tariffs.groupsOf(hosts.keySet());
        Map<Long, Map<LocalDate, TariffPlan>> plans = new HashMap<>();
        Map<Long, HostDebitStore.Cursor> moved = new LinkedHashMap<>();
        Map<Long, BigDecimal> energies = new HashMap<>();
        List<HostDebitStore.Debit> debits = new ArrayList<>();
        for (HostMeter meter : hosts.values()) {
            List<RegisterReading> ordered = readingsByMeter.get(meter.id()).stream()
                    .sorted(Comparator.comparing(RegisterReading::readAt)).toList();
            HostDebitStore.Cursor before = locked.get(meter.id());
            if (before == null && ordered.isEmpty()) {
                continue;
            }
            HostDebitStore.Cursor start = before != null ? before : first(meter, ordered.getFirst());
            HostDebitStore.Cursor cursor = start;
            BigDecimal energy = BigDecimal.ZERO;
            long group = groups.get(meter.id());
            for (RegisterReading reading : ordered) {
                if (!reading.readAt().isAfter(cursor.readAt())) {
                    continue;
                }
                BigDecimal used = consumption(meter, cursor.registerKwh(), reading.registerKwh())
                        .multiply(BigDecimal.valueOf(meter.ratio()));
                IntervalPricing.Priced priced = IntervalPricing.price(cursor.readAt(), reading.readAt(), used,
                        cursor.usage(), day -> plans.computeIfAbsent(group, g -> new HashMap<>())
                                .computeIfAbsent(day, d -> tariffs.planOf(group, d)));
                energy = energy.add(used);
                cursor = new HostDebitStore.Cursor(reading.registerKwh(), reading.readAt(), priced.usage(),
                        cursor.costExact().add(priced.cost()), cursor.costDebited(), cursor.relayOpen());
            }
            if (cursor == start && before != null) {
                continue;
            }
            Money debit = Money.rounded(cursor.costExact()).minus(new Money(cursor.costDebited()));
            if (debit.isPositive()) {
                debits.add(new HostDebitStore.Debit(accountOf.get(meter.id()), debit, now, memo(meter, energy, start,
                        cursor)));
            }
            moved.put(meter.id(), new HostDebitStore.Cursor(cursor.registerKwh(), cursor.readAt(), cursor.usage(),
                    cursor.costExact(), cursor.costDebited().add(debit.yuan()), cursor.relayOpen()));
            energies.put(meter.id(), energy);
        }
        store.ledger(debits);
        store.save(moved, now);
        Map<Long, Money> balances = store.balances(accountOf.values());
        List<HostDebitOutcome> outcomes = new ArrayList<>();
        for (HostMeter meter : hosts.values()) {
            HostDebitStore.Cursor cursor = moved.getOrDefault(meter.id(), locked.get(meter.id()));
            if (cursor == null) {
                continue;
            }
            HostDebitStore.Cursor was = locked.get(meter.id());
            Money debited = new Money(cursor.costDebited().subtract(was == null ? BigDecimal.ZERO : was.costDebited()));
            Money balance = balances.getOrDefault(accountOf.get(meter.id()), Money.ZERO);
            outcomes.add(new HostDebitOutcome(meter.id(), Kwh.rounded(energies.getOrDefault(meter.id(), BigDecimal.ZERO),
                    RoundingMode.HALF_UP), debited, balance, cursor.relayOpen()));
            if (debited.isPositive()) {
                events.publishEvent(new HostBalanceChanged(meter.id(), balance, HostBalanceChanged.Cause.DEBIT));
            }
        }
        return outcomes;
    }

    /** The balance of a host-side prepaid meter's household and whether the engine holds its relay open. */
    @Transactional(readOnly = true)
    public Optional<HostDebitOutcome> state(long meterId) {
        Map<Long, HostMeter> hosts = hostMeters(List.of(meterId));
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        return accounts.accountOf(hosts.get(meterId).householdId()).map(accountId -> new HostDebitOutcome(meterId,
                Kwh.ZERO, Money.ZERO, accounts.balance(accountId).money(), store.relayOpen(meterId)));
    }

    /** The engine has tripped ({@code open}) or closed the relay, verified by read-back. */
    @Transactional
    public void relayMoved(long meterId, boolean open) {
        store.relay(meterId, open, clock.instant());
    }

    private Map<Long, HostMeter> hostMeters(Collection<Long> meterIds) {
        Map<Long, HostMeter> hosts = new LinkedHashMap<>();
        entityManager.createQuery("""
                        select m.id, m.address, m.ctRatio, m.ptRatio, m.household.id from Meter m
                        where m.id in :ids and m.billingMode = :mode and m.state = :state and m.household is not null
                        order by m.id""", Object[].class)
                .setParameter("ids", meterIds).setParameter("mode", BillingMode.HOST_PREPAID)
                .setParameter("state", MeterState.ACTIVE).getResultList()
                .forEach(row -> hosts.put((Long) row[0], new HostMeter((Long) row[0], (String) row[1],
                        (long) (Integer) row[2] * (Integer) row[3], (Long) row[4])));
        return hosts;
    }

    /** Account by meter; a household that never paid gets its account now (it starts owing). */
    private Map<Long, Long> accountsOf(Collection<HostMeter> meters) {
        Map<Long, Long> byHousehold = store.accounts(meters.stream().map(HostMeter::householdId).toList());
        Map<Long, Long> byMeter = new HashMap<>();
        for (HostMeter meter : meters) {
            Long account = byHousehold.get(meter.householdId());
            if (account == null) {
                account = accounts.openFor(meter.householdId());
                byHousehold.put(meter.householdId(), account);
            }
            byMeter.put(meter.id(), account);
        }
        return byMeter;
    }

    private static HostDebitStore.Cursor first(HostMeter meter, RegisterReading reading) {
        log.debug("Host-side prepaid meter {} starts debiting from {} kWh at {}", meter.address(),
                reading.registerKwh(), reading.readAt());
        YearMonth month = YearMonth.from(reading.readAt().atZone(TimeConfiguration.DISPLAY_ZONE));
        return new HostDebitStore.Cursor(reading.registerKwh(), reading.readAt(),
                new IntervalPricing.MonthUsage(month, BigDecimal.ZERO), BigDecimal.ZERO, BigDecimal.ZERO, false);
    }

    /**
     * Register difference; a register that went down by more than half its span rolled over, any
     * other drop is a reset or a swapped meter and debits nothing (logged: the next reading goes on from it).
     */
    private static BigDecimal consumption(HostMeter meter, BigDecimal before, BigDecimal after) {
        BigDecimal delta = after.subtract(before);
        if (delta.signum() >= 0) {
            return delta;
        }
        if (delta.negate().compareTo(REGISTER_SPAN.divide(BigDecimal.TWO)) > 0) {
            return delta.add(REGISTER_SPAN);
        }
        log.warn("Host-side prepaid meter {}: register went back from {} to {} kWh; nothing debited for it",
                meter.address(), before, after);
        return BigDecimal.ZERO;
    }

    private static String memo(HostMeter meter, BigDecimal energy, HostDebitStore.Cursor from,
                               HostDebitStore.Cursor to) {
        return "meter " + meter.address() + ": " + energy.stripTrailingZeros().toPlainString() + " kWh, "
                + from.readAt() + " to " + to.readAt();
    }
}
