package io.jichao.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BuildingRepository extends JpaRepository<Building, Long> {

    List<Building> findAllByOrderByCode();

    Optional<Building> findByCode(String code);
}
