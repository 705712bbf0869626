package io.jichao.kiosk;

import org.springframework.data.jpa.repository.JpaRepository;

interface PinLockRepository extends JpaRepository<PinLock, Long> {
}
