package dev.grantflow.testing;

import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Gives each application context with the {@code mariadb-test} profile a fresh MariaDB database: it creates the
 * database before the context starts, points {@code spring.datasource.*} at it, and drops it after the context
 * has closed. Registered for every context in {@code META-INF/spring.factories}, and does nothing without the
 * profile.
 */
public class MariaDbTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "mariadb-test";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        if (!(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            throw new IllegalStateException("The " + PROFILE + " profile needs a bean factory that can register "
                    + "a disposable bean, got " + context.getBeanFactory().getClass().getName());
        }
        MariaDbTestDatabase database = MariaDbTestDatabase.create();
        environment.getPropertySources().addFirst(new MapPropertySource("mariadbTestDatabase", Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password())));
        // Disposable beans are destroyed in reverse order of registration. This one is registered before any
        // other bean exists, so the database is dropped after Flowable and the connection pool have stopped.
        registry.registerDisposableBean("mariaDbTestDatabase", database::close);
    }
}
