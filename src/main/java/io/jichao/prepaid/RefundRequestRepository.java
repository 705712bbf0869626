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

interface RefundRequestRepository extends JpaRepository<RefundRequest, Long> {

    Optional<RefundRequest> findByIdempotencyKey(String idempotencyKey);

    /** Locks the row (SELECT ... FOR UPDATE): two approvals of one request run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RefundRequest r where r.id = :id")
    Optional<RefundRequest> lockById(@Param("id") long id);

    List<RefundRequest> findByOrderIdOrderByIdAsc(long orderId);

    boolean existsByOrderIdAndStateIn(long orderId, Collection<RefundState> states);

    List<RefundRequest> findByStateOrderByIdAsc(RefundState state);

    List<RefundRequest> findAllByOrderByIdDesc(Limit limit);
}
