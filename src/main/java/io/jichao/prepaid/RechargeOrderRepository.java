package io.jichao.prepaid;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

interface RechargeOrderRepository extends JpaRepository<RechargeOrder, Long> {

    Optional<RechargeOrder> findByIdempotencyKey(String idempotencyKey);

    /** Locks the row (SELECT ... FOR UPDATE) so cancel and delivery reports never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from RechargeOrder o where o.id = :id")
    Optional<RechargeOrder> lockById(@Param("id") long id);

    List<RechargeOrder> findByStateInOrderByIdAsc(Collection<RechargeState> states, Limit limit);

    /** Waiting orders not handed to a handheld: what the engine may deliver. */
    List<RechargeOrder> findByStateInAndHandheldTaskIdIsNullOrderByIdAsc(Collection<RechargeState> states, Limit limit);

    List<RechargeOrder> findByHandheldTaskId(String handheldTaskId);

    List<RechargeOrder> findByMeterIdOrderByIdAsc(long meterId);

    Optional<RechargeOrder> findFirstByAccountIdAndPaymentMethodOrderByIdDesc(long accountId, PaymentMethod method);
}
