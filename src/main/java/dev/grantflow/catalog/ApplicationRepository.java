package dev.grantflow.catalog;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    @Query("select a from Application a where a.published is not null and a.published.fulfillmentEnabled = true"
            + " order by lower(a.published.name)")
    List<Application> findRequestable();

    @Query(value = "select a from Application a left join a.draft d order by lower(d.name)",
            countQuery = "select count(a) from Application a")
    Page<Application> findAllByName(Pageable pageable);

    @Query("select count(a) > 0 from Application a left join a.draft d left join a.published p"
            + " where d.ownerId = :personId or p.ownerId = :personId")
    boolean existsByOwner(long personId);

    @Query("select count(a) > 0 from Application a left join a.draft d left join a.published p"
            + " where (lower(d.name) = lower(:name) or lower(p.name) = lower(:name)) and a.id <> :excludedId")
    boolean existsByName(String name, long excludedId);
}
