package io.jichao.alarm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.jichao.prepaid.HostBalanceChanged;
import io.jichao.shared.Money;
import jakarta.annotation.PreDestroy;

/**
 * Reminders for host-side prepaid households: each committed balance change ({@link HostBalanceChanged},
 * a debit or a recharge) raises LOW_BALANCE_1/2 or ZERO_BALANCE at the levels in yuan and clears the
 * others, so the SMS go out through {@link AlarmNotifier} as for meter-side credit. Judged on a thread
 * of its own, in arrival order; a meter whose alarm kind did not change since the last judgement
 * costs no statement, nor does the first judgement of a meter with a good balance (so a balance alarm
 * left from before a restart clears at the meter's next change of level, not at its first debit).
 */
@Component
class HostBalanceAlarms {

    private static final Logger log = LoggerFactory.getLogger(HostBalanceAlarms.class);
    /** The detail of a balance alarm starts so; {@link AlarmNotifier} reads the yuan back from it. */
    static final String BALANCE_DETAIL = "balance %s yuan";
    static final List<AlarmKind> KINDS = List.of(AlarmKind.LOW_BALANCE_1, AlarmKind.LOW_BALANCE_2,
            AlarmKind.ZERO_BALANCE);
    private static final Pattern BALANCE = Pattern.compile("^balance (-?[0-9]+(?:\\.[0-9]+)?) yuan");
    /** No balance alarm holds. */
    private static final String NONE = "NONE";

    private final AlarmRecorder recorder;
    private final HostBalanceLevels levels;
    private final AlarmProperties properties;
    private final Map<Long, String> judged = new ConcurrentHashMap<>();
    private final ExecutorService judge = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("host-balance-alarms").factory());

    HostBalanceAlarms(AlarmRecorder recorder, HostBalanceLevels levels, AlarmProperties properties) {
        this.recorder = recorder;
        this.levels = levels;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onBalanceChanged(HostBalanceChanged changed) {
        if (properties.rulesEnabled()) {
            judge.execute(() -> judgeSafely(changed.meterId(), changed.balance()));
        }
    }

    /** Waits until every change handed over so far has been judged (tests). */
    void drain() throws Exception {
        judge.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    private void judgeSafely(long meterId, Money balance) {
        try {
            AlarmKind holds = null;
            if (!balance.isPositive()) {
                holds = AlarmKind.ZERO_BALANCE;
            } else if (balance.yuan().compareTo(levels.level2Yuan()) <= 0) {
                holds = AlarmKind.LOW_BALANCE_2;
            } else if (balance.yuan().compareTo(levels.level1Yuan()) <= 0) {
                holds = AlarmKind.LOW_BALANCE_1;
            }
            String now = holds == null ? NONE : holds.name();
            String before = judged.put(meterId, now);
            // A meter first seen with a good balance costs nothing: a whole cycle of debits after a restart
            // would otherwise clear three alarms per meter that are not there.
            if (now.equals(before) || before == null && holds == null) {
                return;
            }
            AlarmSubject meter = AlarmSubject.meter(meterId);
            for (AlarmKind kind : KINDS) {
                if (kind != holds) {
                    recorder.clear(kind, meter);
                }
            }
            if (holds != null) {
                recorder.raise(holds, meter, BALANCE_DETAIL.formatted(balance.yuan().toPlainString()));
            }
        } catch (RuntimeException e) {
            judged.remove(meterId);
            log.warn("Balance alarms of host-side prepaid meter {} not judged: {}", meterId, e.toString());
        }
    }

    static Optional<String> balanceYuan(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher matcher = BALANCE.matcher(detail);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        judge.shutdown();
        judge.awaitTermination(5, TimeUnit.SECONDS);
    }
}
