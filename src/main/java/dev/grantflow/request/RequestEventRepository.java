package dev.grantflow.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestEventRepository extends JpaRepository<RequestEvent, Long> {

    List<RequestEvent> findByRequestIdOrderByOccurredAtAscIdAsc(long requestId);
}
