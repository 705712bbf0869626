package io.jichao.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    List<AuditEvent> findTop100ByOrderByIdDesc();

    List<AuditEvent> findByActionOrderByIdDesc(String action);

    @Query("SELECT DISTINCT e.action FROM AuditEvent e ORDER BY e.action")
    List<String> findDistinctActions();
}
