package io.jichao.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findTop100ByOrderByIdDesc();

    List<AuditEvent> findByActionOrderByIdDesc(String action);
}
