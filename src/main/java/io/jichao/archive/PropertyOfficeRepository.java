package io.jichao.archive;

import org.springframework.data.jpa.repository.JpaRepository;

interface PropertyOfficeRepository extends JpaRepository<PropertyOffice, Long> {
}
