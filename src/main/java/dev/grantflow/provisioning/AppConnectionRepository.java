package dev.grantflow.provisioning;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppConnectionRepository extends JpaRepository<AppConnection, Long> {
}
