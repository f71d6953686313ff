package dev.grantflow.directory;

import dev.grantflow.directory.DirectoryChangeRejectedException.Rule;
import dev.grantflow.security.SignedInPerson;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people from a CSV file with the columns email, display name, manager email and roles: first a
 * preview of what would change, then applying it. Admins only, like {@link DirectoryAdminService}.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryImportService {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportService.class);

    private final PersonRepository people;
    private final AdminGuard guard;
    private final ImportParser parser;

    DirectoryImportService(PersonRepository people, AdminGuard guard, DirectoryProperties properties) {
        this.people = people;
        this.guard = guard;
        this.parser = new ImportParser(properties);
    }

    /** Previews the import of a CSV file in UTF-8, with or without a byte order mark. */
    public ImportPreview preview(InputStream csv, SignedInPerson actor) {
        Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return preview(reader, actor);
    }

    /** Previews the import of a CSV file: the rows to add, to change, unchanged, and rejected with the reason. */
    public ImportPreview preview(Reader csv, SignedInPerson actor) {
        guard.requireAdmin(actor, "import people", "csv");
        ImportParser.Result parsed = parser.parse(csv);
        ImportPreview preview = ImportPlanner.plan(parsed.rows(), parsed.rejections(), snapshot());
        log.info("Previewed directory import, actorId={} additions={} changes={} unchanged={} rejections={}",
                actor.personId(), preview.additions().size(), preview.changes().size(), preview.unchanged().size(),
                preview.rejections().size());
        return preview;
    }

    /**
     * Applies the additions and changes of a preview in one transaction. The preview's rows are checked again
     * against the directory as it is now; if any row would be rejected now, nothing is written.
     *
     * @throws DirectoryChangeRejectedException when the directory changed since the preview so that a row
     *                                          is no longer valid
     */
    @Transactional
    public ImportResult apply(ImportPreview preview, SignedInPerson actor) {
        guard.requireAdmin(actor, "import people", "csv");
        List<ImportRow> rows = Stream.of(preview.additions().stream(), preview.changes().stream().map(ImportChange::row),
                        preview.unchanged().stream())
                .flatMap(stream -> stream).sorted(Comparator.comparingInt(ImportRow::line)).toList();
        // NOTE: Two imports applied at the same moment are checked separately, so together they could still close a cycle.
        ImportPreview current = ImportPlanner.plan(rows, List.of(), snapshot());
        if (!current.rejections().isEmpty()) {
            log.info("Rejected stale directory import, actorId={} rejections={}", actor.personId(), current.rejections().size());
            throw new DirectoryChangeRejectedException(Rule.STALE_PREVIEW, "The directory changed since the preview, so nothing was imported. "
                    + current.rejections().stream().map(rejection -> "Line " + rejection.line() + ": " + rejection.reason())
                    .collect(Collectors.joining(" ")) + " Upload the file again for a new preview.");
        }
        write(current);
        ImportResult result = new ImportResult(current.additions().size(), current.changes().size(),
                current.unchanged().size(), preview.rejections().size());
        log.info("Applied directory import, actorId={} added={} changed={} unchanged={} rejected={}", actor.personId(),
                result.added(), result.changed(), result.unchanged(), result.rejected());
        return result;
    }

    /** Saves new people first, so a manager who appears later in the file than their reports can be resolved. */
    private void write(ImportPreview plan) {
        Map<String, Person> byEmail = new HashMap<>();
        List<Person> added = new ArrayList<>();
        for (ImportRow row : plan.additions()) {
            Person person = new Person(row.email(), row.values().displayName());
            person.setAdmin(row.values().admin());
            added.add(person);
        }
        people.saveAllAndFlush(added).forEach(person -> byEmail.put(person.getEmail(), person));
        List<ImportRow> rowsWithManagers = new ArrayList<>(plan.additions());
        for (ImportChange change : plan.changes()) {
            Person person = people.findByEmail(change.email()).orElseThrow(() -> new IllegalStateException(
                    "Person " + change.email() + " disappeared during the import"));
            person.setDisplayName(change.after().displayName());
            person.setAdmin(change.after().admin());
            byEmail.put(person.getEmail(), person);
            rowsWithManagers.add(change.row());
        }
        for (ImportRow row : rowsWithManagers) {
            byEmail.get(row.email()).setManagerId(idOf(row.values().managerEmail(), byEmail));
        }
    }

    private @Nullable Long idOf(@Nullable String email, Map<String, Person> written) {
        if (email == null) {
            return null;
        }
        Person person = written.get(email);
        return person != null ? person.getId() : people.findByEmail(email).map(Person::getId).orElseThrow(
                () -> new IllegalStateException("Manager " + email + " disappeared during the import"));
    }

    private DirectorySnapshot snapshot() {
        // NOTE: The whole directory is loaded to follow manager chains; fine for thousands of people, not millions.
        return new DirectorySnapshot(people.findAll());
    }
}
