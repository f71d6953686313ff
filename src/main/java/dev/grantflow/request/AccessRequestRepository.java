package dev.grantflow.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessRequestRepository extends JpaRepository<AccessRequest, Long> {

    Page<AccessRequest> findByRequesterIdOrderByCreatedAtDesc(long requesterId, Pageable pageable);

    long countByRequesterId(long requesterId);

    List<AccessRequest> findByRequesterIdAndOpenKeyIsNotNull(long requesterId);

    Optional<AccessRequest> findByOpenKey(String openKey);

    List<AccessRequest> findByIdIn(Collection<Long> ids);

    Page<AccessRequest> findByStatusInOrderByUpdatedAtDesc(Collection<RequestStatus> statuses, Pageable pageable);

    long countByStatusIn(Collection<RequestStatus> statuses);

    List<AccessRequest> findByApplicationIdAndStatusIn(long applicationId, Collection<RequestStatus> statuses);
}
