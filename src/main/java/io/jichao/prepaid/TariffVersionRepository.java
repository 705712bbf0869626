package io.jichao.prepaid;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TariffVersionRepository extends JpaRepository<TariffVersion, Long> {

    List<TariffVersion> findByGroupIdOrderByEffectiveFromAsc(long groupId);

    /** The version in force on a day: the latest one that started on or before it. */
    Optional<TariffVersion> findFirstByGroupIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(long groupId,
                                                                                                   LocalDate day);

    boolean existsByGroupIdAndEffectiveFrom(long groupId, LocalDate effectiveFrom);
}
