package io.jichao.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CollectorRepository extends JpaRepository<Collector, Long> {

    List<Collector> findAllByOrderByName();

    Optional<Collector> findByName(String name);

    long countByEnabledTrue();

    Optional<Collector> findByRegistrationId(String registrationId);
}
