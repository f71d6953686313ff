package dev.grantflow.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up people, their managers and roles.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    private final PersonRepository people;
    private final ObjectProvider<ApplicationOwnership> ownership;

    DirectoryService(PersonRepository people, ObjectProvider<ApplicationOwnership> ownership) {
        this.people = people;
        this.ownership = ownership;
    }

    public Optional<Person> find(long personId) {
        return people.findById(personId);
    }

    /** Returns the person, or throws {@link PersonNotFoundException}. */
    public Person require(long personId) {
        return people.findById(personId).orElseThrow(() -> new PersonNotFoundException(personId));
    }

    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(Person.normalizeEmail(email));
    }

    /** Returns the person's manager, or empty when none is on record. */
    public Optional<Person> managerOf(long personId) {
        Long managerId = require(personId).getManagerId();
        return managerId == null ? Optional.empty() : people.findById(managerId);
    }

    public List<Person> admins() {
        return people.findByAdminTrue();
    }

    public List<Person> findAll() {
        return people.findAll();
    }

    /** Returns the display names of the given people by id; unknown ids are left out. */
    public Map<Long, String> displayNames(Collection<Long> personIds) {
        return people.findByIdIn(personIds).stream()
                .collect(Collectors.toMap(Person::getId, Person::getDisplayName, (a, b) -> a));
    }

    /** Returns the people with the given ids, by id. */
    public Map<Long, Person> findAllById(Collection<Long> personIds) {
        return people.findByIdIn(personIds).stream().collect(Collectors.toMap(Person::getId, Function.identity()));
    }

    /** Tells whether the person may receive approval tasks: a manager, an application owner or an admin. */
    public boolean isApprover(Person person) {
        if (person.isAdmin() || people.existsByManagerId(person.getId())) {
            return true;
        }
        ApplicationOwnership owners = ownership.getIfAvailable();
        return owners != null && owners.ownsAnyApplication(person.getId());
    }

    /** Tells whether making {@code managerId} the manager of {@code personId} would close a reporting loop. */
    public boolean wouldCreateCycle(long personId, long managerId) {
        return ManagerChains.loopThrough(personId, managerId, this::require).isPresent();
    }

    @Transactional
    public Person save(Person person) {
        return people.save(person);
    }
}
