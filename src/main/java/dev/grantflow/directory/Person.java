package dev.grantflow.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A person in the directory. Everyone is a requester; {@code admin} adds the ADMIN role, and owning an
 * application or managing someone makes a person an approver.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    /** Lower-case email; also the userName Grantflow provisions. */
    @Column(nullable = false, unique = true, length = 320)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "manager_id")
    private @Nullable Long managerId;

    @Column(nullable = false)
    private boolean admin;

    /** Hash of the local account's password; null for people who sign in through an identity provider. */
    @Column(name = "password_hash", length = 200)
    private @Nullable String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Person() {
        this.email = "";
        this.displayName = "";
        this.createdAt = Instant.EPOCH;
    }

    public Person(String email, String displayName) {
        this.email = normalizeEmail(email);
        this.displayName = displayName.strip();
        this.createdAt = Instant.now();
    }

    /** Returns the form in which emails are stored and compared. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public long getId() {
        if (id == null) {
            throw new IllegalStateException("Person " + email + " has not been saved yet");
        }
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName.strip();
    }

    public @Nullable Long getManagerId() {
        return managerId;
    }

    public void setManagerId(@Nullable Long managerId) {
        this.managerId = managerId;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public @Nullable String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(@Nullable String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Returns the given name for SCIM: everything before the last space of the display name. */
    public String givenName() {
        int lastSpace = displayName.lastIndexOf(' ');
        return lastSpace > 0 ? displayName.substring(0, lastSpace) : displayName;
    }

    /** Returns the family name for SCIM: the last word of the display name. */
    public String familyName() {
        int lastSpace = displayName.lastIndexOf(' ');
        return lastSpace > 0 ? displayName.substring(lastSpace + 1) : displayName;
    }
}
