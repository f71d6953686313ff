package dev.grantflow.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    List<Person> findByAdminTrue();

    List<Person> findByIdIn(Collection<Long> ids);

    boolean existsByManagerId(long managerId);

    long countByAdminTrue();

    Page<Person> findByDisplayNameContainingIgnoreCaseOrEmailContainingIgnoreCase(String displayName, String email,
                                                                                Pageable pageable);

    long countByDisplayNameContainingIgnoreCaseOrEmailContainingIgnoreCase(String displayName, String email);

    @Query("select p.managerId as managerId, count(p) as reports from Person p"
            + " where p.managerId in :managerIds group by p.managerId")
    List<ReportCount> countReports(@Param("managerIds") Collection<Long> managerIds);

    /** Number of direct reports of one manager. */
    interface ReportCount {

        Long getManagerId();

        long getReports();
    }
}
