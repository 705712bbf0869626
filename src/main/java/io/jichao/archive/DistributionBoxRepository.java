package io.jichao.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DistributionBoxRepository extends JpaRepository<DistributionBox, Long> {

    List<DistributionBox> findByFloorIdOrderByCode(Long floorId);

    List<DistributionBox> findByBuildingIdOrderByCode(Long buildingId);

    Optional<DistributionBox> findByBuildingIdAndCode(Long buildingId, String code);
}
