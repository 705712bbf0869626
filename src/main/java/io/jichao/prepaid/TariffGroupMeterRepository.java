package io.jichao.prepaid;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TariffGroupMeterRepository extends JpaRepository<TariffGroupMeter, Long> {

    /** Meter ID and group ID pairs, without loading entities (host-side debiting of many meters). */
    @Query("select m.meterId, m.groupId from TariffGroupMeter m where m.meterId in :ids")
    List<Object[]> groupsOf(@Param("ids") Collection<Long> meterIds);
}
