package dev.grantflow.directory;

import dev.grantflow.directory.DirectoryChangeRejectedException.Rule;
import dev.grantflow.security.SignedInPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists people for admins and changes their manager and ADMIN role. Every method takes the acting person
 * and throws {@link org.springframework.security.access.AccessDeniedException} unless they are an admin.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryAdminService {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAdminService.class);
    private static final Sort BY_NAME = Sort.by("displayName", "id");

    private final PersonRepository people;
    private final AdminGuard guard;

    DirectoryAdminService(PersonRepository people, AdminGuard guard) {
        this.people = people;
        this.guard = guard;
    }

    /** Returns a page of the people whose display name or email contains the text, ignoring case, by name. */
    public Page<PersonSummary> search(String text, Pageable pageable, SignedInPerson actor) {
        guard.requireAdmin(actor, "list the directory", "search");
        Pageable sorted = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_NAME);
        String filter = text.strip();
        Page<Person> page = people.findByDisplayNameContainingIgnoreCaseOrEmailContainingIgnoreCase(filter, filter, sorted);
        return new PageImpl<>(summarize(page.getContent()), sorted, page.getTotalElements());
    }

    /** Counts the people that {@link #search} finds for the text. */
    public long count(String text, SignedInPerson actor) {
        guard.requireAdmin(actor, "list the directory", "count");
        String filter = text.strip();
        return people.countByDisplayNameContainingIgnoreCaseOrEmailContainingIgnoreCase(filter, filter);
    }

    /** Returns one person's summary, or throws {@link PersonNotFoundException}. */
    public PersonSummary summary(long personId, SignedInPerson actor) {
        guard.requireAdmin(actor, "list the directory", "personId=" + personId);
        return summarize(List.of(require(personId))).getFirst();
    }

    /**
     * Sets a person's manager (null for none) and ADMIN role, and returns the updated summary.
     *
     * @throws DirectoryChangeRejectedException when the manager would close a manager cycle, or when the
     *                                          change would remove ADMIN from the last admin
     */
    @Transactional
    public PersonSummary updatePerson(long personId, @Nullable Long managerId, boolean admin, SignedInPerson actor) {
        guard.requireAdmin(actor, "change people in the directory", "personId=" + personId);
        Person person = require(personId);
        try {
            rejectManagerCycle(person, managerId);
            rejectLastAdminRemoval(person, admin);
        } catch (DirectoryChangeRejectedException e) {
            log.info("Rejected person update, personId={} managerId={} rule={} actorId={}", personId, managerId, e.rule(),
                    actor.personId());
            throw e;
        }
        person.setManagerId(managerId);
        person.setAdmin(admin);
        log.info("Updated person, personId={} managerId={} admin={} actorId={}", personId, managerId, admin,
                actor.personId());
        return summarize(List.of(person)).getFirst();
    }

    private void rejectLastAdminRemoval(Person person, boolean admin) {
        // NOTE: Two admins who remove each other's ADMIN role at the same moment can both pass this count.
        if (person.isAdmin() && !admin && people.countByAdminTrue() <= 1) {
            throw new DirectoryChangeRejectedException(Rule.LAST_ADMIN, person.getDisplayName() + " is the last admin,"
                    + " so the ADMIN role stays. Give another person ADMIN first, then remove it from "
                    + person.getDisplayName() + ".");
        }
    }

    private void rejectManagerCycle(Person person, @Nullable Long managerId) {
        if (managerId == null) {
            return;
        }
        if (managerId == person.getId()) {
            throw new DirectoryChangeRejectedException(Rule.MANAGER_CYCLE, person.getDisplayName() + " cannot be their own manager."
                    + " Choose another manager, or none.");
        }
        ManagerChains.loopThrough(person.getId(), managerId, this::require).ifPresent(loop -> {
            List<String> chain = new ArrayList<>(List.of(person.getDisplayName()));
            loop.forEach(manager -> chain.add(manager.getDisplayName()));
            throw new DirectoryChangeRejectedException(Rule.MANAGER_CYCLE, chain.get(1) + " cannot be the manager of "
                    + person.getDisplayName() + ", because that makes a manager cycle (each person reports to"
                    + " the next): " + String.join(" → ", chain) + ". Choose a manager who does not report to "
                    + person.getDisplayName() + ".");
        });
    }

    private Person require(long personId) {
        return people.findById(personId).orElseThrow(() -> new PersonNotFoundException(personId));
    }

    private List<PersonSummary> summarize(List<Person> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Set<Long> managerIds = page.stream().map(Person::getManagerId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> managerNames = people.findByIdIn(managerIds).stream()
                .collect(Collectors.toMap(Person::getId, Person::getDisplayName));
        Map<Long, Long> reports = people.countReports(page.stream().map(Person::getId).toList()).stream()
                .collect(Collectors.toMap(PersonRepository.ReportCount::getManagerId, PersonRepository.ReportCount::getReports));
        return page.stream().map(person -> new PersonSummary(person.getId(), person.getEmail(), person.getDisplayName(),
                person.getManagerId(), person.getManagerId() == null ? null : managerNames.get(person.getManagerId()),
                person.isAdmin(), reports.getOrDefault(person.getId(), 0L), person.getManagerId() == null)).toList();
    }
}
