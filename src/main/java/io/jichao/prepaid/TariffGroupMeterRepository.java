package io.jichao.prepaid;

import org.springframework.data.jpa.repository.JpaRepository;

interface TariffGroupMeterRepository extends JpaRepository<TariffGroupMeter, Long> {
}
