package io.jichao.archive;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HouseholdRepository extends JpaRepository<Household, Long> {

    Optional<Household> findByBuildingIdAndRoom(Long buildingId, String room);
}
