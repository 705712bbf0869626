package io.jichao.archive;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SerialPortRepository extends JpaRepository<SerialPort, Long> {

    Optional<SerialPort> findByCollectorIdAndPortNumber(Long collectorId, int portNumber);
}
