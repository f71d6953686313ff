package dev.grantflow.provisioning;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppConnectionRepository extends JpaRepository<AppConnection, Long> {

    List<AppConnection> findByStatus(String status);
}
