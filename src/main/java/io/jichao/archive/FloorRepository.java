package io.jichao.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FloorRepository extends JpaRepository<Floor, Long> {

    List<Floor> findByBuildingIdOrderByLevel(Long buildingId);

    Optional<Floor> findByBuildingIdAndLevel(Long buildingId, int level);
}
