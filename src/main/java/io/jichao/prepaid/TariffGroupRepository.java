package io.jichao.prepaid;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TariffGroupRepository extends JpaRepository<TariffGroup, Long> {

    Optional<TariffGroup> findBySiteDefaultKey(String siteDefaultKey);

    boolean existsByName(String name);
}
