package dev.grantflow.testing;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Activates the {@code test} profile plus the comma-separated profiles in the system property
 * {@code grantflow.test.extra-profiles}, which the Maven profile {@code mariadb} sets to run the same tests on
 * MariaDB. A {@code spring.profiles.active} system property cannot do this: Spring Boot's test context loader
 * puts the {@code @ActiveProfiles} list above it, so it would be ignored.
 */
public class TestProfiles implements ActiveProfilesResolver {

    public static final String EXTRA_PROFILES_PROPERTY = "grantflow.test.extra-profiles";

    @Override
    public String[] resolve(Class<?> testClass) {
        Stream<String> extra = Arrays.stream(System.getProperty(EXTRA_PROFILES_PROPERTY, "").split(","))
                .map(String::strip)
                .filter(profile -> !profile.isEmpty());
        return Stream.concat(Stream.of("test"), extra).distinct().toArray(String[]::new);
    }
}
