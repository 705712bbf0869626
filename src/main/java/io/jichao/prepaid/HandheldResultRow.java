package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jichao.prepaid.HandheldTaskStore.TaskOrder;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;

/**
 * One row of a handheld result file, checked: DONE with the meter's figures before and after the
 * write, or FAILED with the handheld's error. Fields: order id, meter address, outcome, purchase
 * count before, after, remaining kWh before, after, time (ISO-8601 UTC), error.
 */
sealed interface HandheldResultRow {

    /** How far the handheld's clock may be off from ours. */
    Duration CLOCK_SKEW = Duration.ofHours(1);

    int row();

    long orderId();

    String error();

    /** The recharge is on the meter: its purchase count rose. */
    record Done(int row, long orderId, int countBefore, int countAfter, BigDecimal remainingBefore,
                BigDecimal remainingAfter, Instant at) implements HandheldResultRow {

        @Override
        public String error() {
            return null;
        }

        /** The figures for the audit, with what looks odd said plainly. */
        String note(Kwh ordered) {
            StringBuilder note = new StringBuilder("handheld at ").append(at).append("; purchase count ")
                    .append(countBefore).append(" -> ").append(countAfter).append(", remaining ")
                    .append(remainingBefore.toPlainString()).append(" -> ").append(remainingAfter.toPlainString())
                    .append(" kWh for ").append(ordered.value().toPlainString()).append(" kWh ordered");
            if (countAfter - countBefore != 1) {
                note.append("; the meter counted ").append(countAfter - countBefore).append(" purchases");
            }
            BigDecimal rise = remainingAfter.subtract(remainingBefore);
            if (rise.compareTo(ordered.value()) != 0) {
                note.append("; remaining rose by ").append(rise.toPlainString()).append(" kWh");
            }
            return note.toString();
        }
    }

    /** The handheld could not write or confirm: the order goes back to the engine. */
    record Failed(int row, long orderId, String error) implements HandheldResultRow {
    }

    /**
     * Checks every row against the task: each order of the task exactly once, with its meter,
     * sane numbers and a time between the export and now (give or take the clock skew).
     */
    static List<HandheldResultRow> checkAll(List<List<String>> rows, Map<Long, TaskOrder> task, Instant exportedAt,
                                            Instant now) {
        List<HandheldResultRow> results = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            List<String> fields = rows.get(i);
            long orderId = number(row, fields.get(0), "order_id");
            TaskOrder ordered = task.get(orderId);
            if (ordered == null) {
                throw new DomainException("error.handheld.result.foreign.order", row, orderId);
            }
            if (!seen.add(orderId)) {
                throw new DomainException("error.handheld.result.duplicate", row, orderId);
            }
            if (!ordered.meterAddress().equals(fields.get(1))) {
                throw new DomainException("error.handheld.result.meter", row, fields.get(1), ordered.meterAddress(),
                        orderId);
            }
            results.add(switch (fields.get(2)) {
                case "DONE" -> done(row, orderId, fields, exportedAt, now);
                case "FAILED" -> failed(row, orderId, fields);
                default -> throw new DomainException("error.handheld.result.outcome", row, fields.get(2));
            });
        }
        for (TaskOrder ordered : task.values()) {
            if (!seen.contains(ordered.orderId())) {
                throw new DomainException("error.handheld.result.missing", ordered.position(), ordered.orderId());
            }
        }
        return results;
    }

    private static Done done(int row, long orderId, List<String> fields, Instant exportedAt, Instant now) {
        int before = (int) number(row, fields.get(3), "count_before");
        int after = (int) number(row, fields.get(4), "count_after");
        if (after <= before) {
            throw new DomainException("error.handheld.result.count", row, before, after);
        }
        BigDecimal remainingBefore = energy(row, fields.get(5), "remaining_before");
        BigDecimal remainingAfter = energy(row, fields.get(6), "remaining_after");
        Instant at;
        try {
            at = Instant.parse(fields.get(7));
        } catch (DateTimeParseException e) {
            throw new DomainException("error.handheld.result.value", row, fields.get(7), "time");
        }
        if (at.isBefore(exportedAt.minus(CLOCK_SKEW)) || at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new DomainException("error.handheld.result.time", row, fields.get(7));
        }
        return new Done(row, orderId, before, after, remainingBefore, remainingAfter, at);
    }

    private static Failed failed(int row, long orderId, List<String> fields) {
        String error = fields.get(8).strip();
        if (error.isEmpty()) {
            throw new DomainException("error.handheld.result.error.missing", row);
        }
        return new Failed(row, orderId, error);
    }

    private static long number(int row, String text, String what) {
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new DomainException("error.handheld.result.value", row, text, what);
        }
    }

    /** Remaining energy: not negative, at most two decimals, below a million kWh. */
    private static BigDecimal energy(int row, String text, String what) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0 || value.scale() > 2 || value.compareTo(new BigDecimal("1000000")) >= 0) {
                throw new NumberFormatException(text);
            }
            return value.setScale(2);
        } catch (NumberFormatException e) {
            throw new DomainException("error.handheld.result.value", row, text, what);
        }
    }
}
