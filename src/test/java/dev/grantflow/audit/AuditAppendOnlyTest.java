package dev.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.CrudRepository;

/**
 * The shape that keeps the audit log append-only: a repository without delete or update, and an entity
 * that nothing can change after construction.
 */
class AuditAppendOnlyTest {

    @Test
    void repositoryOffersNoDelete() {
        assertThat(repositoryMethods()).noneMatch(name -> name.startsWith("delete"));
    }

    @Test
    void repositoryOffersNoUpdate() {
        assertThat(repositoryMethods()).noneMatch(name -> name.startsWith("update"));
    }

    @Test
    void repositoryOffersNoRemove() {
        assertThat(repositoryMethods()).noneMatch(name -> name.startsWith("remove"));
    }

    @Test
    void repositoryIsNoCrudRepository() {
        assertThat(CrudRepository.class.isAssignableFrom(AuditEventRepository.class)).isFalse();
    }

    @Test
    void entityHasNoSetters() {
        assertThat(AuditEvent.class.getDeclaredMethods()).extracting(Method::getName)
                .noneMatch(name -> name.startsWith("set"));
    }

    @Test
    void entityFieldsArePrivate() {
        assertThat(AuditEvent.class.getDeclaredFields())
                .filteredOn(field -> !Modifier.isStatic(field.getModifiers()))
                .allMatch(field -> Modifier.isPrivate(field.getModifiers()), "private");
    }

    @Test
    void entityIsImmutableToHibernate() {
        assertThat(AuditEvent.class.isAnnotationPresent(Immutable.class)).isTrue();
    }

    private static List<String> repositoryMethods() {
        return Arrays.stream(AuditEventRepository.class.getMethods()).map(Method::getName).toList();
    }
}
