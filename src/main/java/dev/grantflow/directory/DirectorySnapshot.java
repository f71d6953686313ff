package dev.grantflow.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The directory's people by email, with their managers as emails, as one import preview or apply reads them.
 */
final class DirectorySnapshot {

    /** A person in the directory and the values an import compares with the file's. */
    record Entry(long id, String email, PersonValues values) {
    }

    private final Map<String, Entry> byEmail = new HashMap<>();

    DirectorySnapshot(Collection<Person> people) {
        Map<Long, String> emails = people.stream().collect(Collectors.toMap(Person::getId, Person::getEmail));
        for (Person person : people) {
            String managerEmail = person.getManagerId() == null ? null : emails.get(person.getManagerId());
            byEmail.put(person.getEmail(), new Entry(person.getId(), person.getEmail(),
                    new PersonValues(person.getDisplayName(), managerEmail, person.isAdmin())));
        }
    }

    Optional<Entry> find(String email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    boolean contains(String email) {
        return byEmail.containsKey(email);
    }

    /** Returns the email of the person's manager, or null when the person or the manager is unknown. */
    @Nullable String managerOf(String email) {
        Entry entry = byEmail.get(email);
        return entry == null ? null : entry.values().managerEmail();
    }

    Collection<Entry> entries() {
        return byEmail.values();
    }
}
