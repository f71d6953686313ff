package dev.grantflow.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    List<Person> findByAdminTrue();

    List<Person> findByIdIn(Collection<Long> ids);

    boolean existsByManagerId(long managerId);
}
