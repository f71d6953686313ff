package dev.grantflow.provisioning;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProvisioningCallRepository extends JpaRepository<ProvisioningCall, Long> {

    List<ProvisioningCall> findByRequestIdOrderByCalledAtAscIdAsc(long requestId);
}
