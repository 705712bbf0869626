package io.jichao.archive;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MeterRepository extends JpaRepository<Meter, Long> {

    /** Keeps every meter's copy of its household's searchable text in step with the household. */
    @Modifying
    @Query("update Meter m set m.householdSearch = :text where m.household.id = :householdId")
    int refreshHouseholdSearch(Long householdId, String text);

    /** An active meter with this address (and channel) on the bus, if any: addresses are unique per bus. */
    @Query("""
            select m from Meter m where m.serialPort.id = :portId and m.address = :address
              and coalesce(m.deviceChannel, 0) = :channel and m.state = io.jichao.archive.MeterState.ACTIVE
            """)
    Optional<Meter> findActiveOnBus(Long portId, String address, int channel);
}
