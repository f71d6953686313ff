package dev.grantflow.directory;

import dev.grantflow.security.SignInHints;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo directory with local accounts: an admin, an application owner, a manager with two
 * employees, and one employee without a manager (whose approvals fall back to the admins).
 */
@Component
@Profile("demo")
@Order(10)
class DemoDirectory implements ApplicationRunner, SignInHints {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@grantflow.example", PASSWORD, "Ada Admin", "Admin"),
            new DemoAccount("owner@grantflow.example", PASSWORD, "Owen Owner", "Application owner"),
            new DemoAccount("manager@grantflow.example", PASSWORD, "Maria Manager", "Manager"),
            new DemoAccount("emma@grantflow.example", PASSWORD, "Emma Employee", "Employee, reports to Maria"),
            new DemoAccount("eli@grantflow.example", PASSWORD, "Eli Employee", "Employee, reports to Maria"),
            new DemoAccount("sam@grantflow.example", PASSWORD, "Sam Solo", "Employee, no manager on record"));

    private final DirectoryService directory;
    private final PasswordEncoder passwordEncoder;

    DemoDirectory(DirectoryService directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public List<DemoAccount> accounts() {
        return ACCOUNTS;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (directory.findByEmail(ACCOUNTS.getFirst().email()).isPresent()) {
            log.info("Demo directory already present, skipping seed");
            return;
        }
        String hash = passwordEncoder.encode(PASSWORD);
        add(ACCOUNTS.get(0), hash, null, true);
        add(ACCOUNTS.get(1), hash, null, false);
        Person manager = add(ACCOUNTS.get(2), hash, null, false);
        add(ACCOUNTS.get(3), hash, manager.getId(), false);
        add(ACCOUNTS.get(4), hash, manager.getId(), false);
        add(ACCOUNTS.get(5), hash, null, false);
        log.info("Seeded demo directory, people={}", ACCOUNTS.size());
    }

    private Person add(DemoAccount account, String passwordHash, @Nullable Long managerId, boolean admin) {
        Person person = new Person(account.email(), account.displayName());
        person.setAdmin(admin);
        person.setPasswordHash(passwordHash);
        person.setManagerId(managerId);
        return directory.save(person);
    }
}
