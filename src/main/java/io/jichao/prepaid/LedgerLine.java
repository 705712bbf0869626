package io.jichao.prepaid;

import java.time.Instant;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/** One ledger entry as services hand it out. */
public record LedgerLine(long id, long accountId, LedgerKind kind, Money amount, Kwh kwh, Long orderId,
                         String operatorUsername, Instant occurredAt, String memo) {

    static LedgerLine of(LedgerEntry entry) {
        return new LedgerLine(entry.getId(), entry.getAccountId(), entry.getKind(), entry.getAmount(), entry.getKwh(),
                entry.getOrderId(), entry.getOperatorUsername(), entry.getOccurredAt(), entry.getMemo());
    }
}
