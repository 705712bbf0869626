package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Inserts and sums only; the ledger has no update path. */
interface LedgerEntryRepository extends JpaRepository<LedgerEntry, Long> {

    @Query("select coalesce(sum(e.amount), 0) from LedgerEntry e where e.accountId = :accountId")
    BigDecimal sumAmount(@Param("accountId") long accountId);

    @Query("select coalesce(sum(e.kwh), 0) from LedgerEntry e where e.accountId = :accountId")
    BigDecimal sumKwh(@Param("accountId") long accountId);

    @Query("""
            select coalesce(sum(e.kwh), 0) from LedgerEntry e
            where e.accountId = :accountId and e.kind in :kinds and e.occurredAt >= :since""")
    BigDecimal sumKwhSince(@Param("accountId") long accountId, @Param("kinds") Collection<LedgerKind> kinds,
                           @Param("since") Instant since);

    @Query("select coalesce(sum(e.kwh), 0) from LedgerEntry e where e.accountId = :accountId and e.kind in :kinds")
    BigDecimal sumKwhOf(@Param("accountId") long accountId, @Param("kinds") Collection<LedgerKind> kinds);

    List<LedgerEntry> findByAccountIdOrderByIdAsc(long accountId);

    List<LedgerEntry> findByOrderIdOrderByIdAsc(long orderId);
}
