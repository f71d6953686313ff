package dev.grantflow.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationSettingsRepository extends JpaRepository<ApplicationSettings, Long> {

    List<ApplicationSettings> findByApplicationIdAndVersionNumberNotNullOrderByVersionNumberDesc(long applicationId);
}
