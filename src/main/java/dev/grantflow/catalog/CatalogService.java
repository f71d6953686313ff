package dev.grantflow.catalog;

import dev.grantflow.directory.ApplicationOwnership;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.security.SecretCipher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, edits and publishes applications, and lists what requesters may request.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService implements ApplicationOwnership {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final ApplicationRepository applications;
    private final ApplicationSettingsRepository settings;
    private final ApplicationValidator validator;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final DirectoryService directory;

    CatalogService(ApplicationRepository applications, ApplicationSettingsRepository settings,
                   ApplicationValidator validator, SecretCipher cipher, ApplicationEventPublisher events,
                   DirectoryService directory) {
        this.applications = applications;
        this.settings = settings;
        this.validator = validator;
        this.cipher = cipher;
        this.events = events;
        this.directory = directory;
    }

    /** Returns an empty form for a new application from the template. */
    public ApplicationForm newForm(CatalogTemplate template) {
        ApplicationForm form = new ApplicationForm();
        form.setTemplate(template);
        form.setName(template == CatalogTemplate.SALESFORCE ? "Salesforce" : "");
        return form;
    }

    /** Returns the form for an application's current draft, with secrets left out. */
    @PreAuthorize("hasRole('ADMIN')")
    public ApplicationForm loadForm(long applicationId) {
        Application application = require(applicationId);
        return SettingsMapper.toForm(application.template, application.requireDraft());
    }

    /** Validates and saves a new application as a draft ("Save and Finish"), and returns its id. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(ApplicationForm form, long actorId) {
        check(form, null, false);
        Application application = new Application();
        application.template = form.getTemplate();
        applications.saveAndFlush(application);
        ApplicationSettings draft = new ApplicationSettings();
        draft.applicationId = application.requireId();
        SettingsMapper.apply(form, draft, cipher, actorId);
        application.draft = settings.save(draft);
        announceDraftSaved(application.requireId(), actorId, draft.name, true);
        log.info("Created application draft, applicationId={} template={} actorId={}",
                application.id, application.template, actorId);
        return application.requireId();
    }

    /** Validates and saves changes to an application's draft; the live settings stay as they are. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void saveDraft(long applicationId, ApplicationForm form, long actorId) {
        Application application = require(applicationId);
        form.setTemplate(application.template);
        check(form, application, false);
        ApplicationSettings draft = application.requireDraft();
        SettingsMapper.apply(form, draft, cipher, actorId);
        application.updatedAt = Instant.now();
        application.lastPublishError = null;
        application.lastPublishFailedAt = null;
        announceDraftSaved(applicationId, actorId, draft.name, false);
        log.info("Saved application draft, applicationId={} actorId={}", applicationId, actorId);
    }

    /**
     * Makes the draft live as a new version, and returns the version number. A refused publish changes
     * nothing but the application's "Publish failed" state, which keeps the reason.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(noRollbackFor = InvalidApplicationException.class)
    public int publish(long applicationId, long actorId) {
        Application application = require(applicationId);
        ApplicationSettings draft = application.requireDraft();
        try {
            check(SettingsMapper.toForm(application.template, draft), application, true);
        } catch (InvalidApplicationException e) {
            application.lastPublishError = e.getMessage().length() > 2000 ? e.getMessage().substring(0, 1997) + "..." : e.getMessage();
            application.lastPublishFailedAt = Instant.now();
            log.info("Publish rejected by validation, applicationId={} actorId={} problems={}", applicationId, actorId, e.problems().size());
            throw e;
        }
        application.lastPublishError = null;
        application.lastPublishFailedAt = null;
        @Nullable ApplicationSettings previous = application.published;
        if (previous != null && draft.sameSettingsAs(previous)) {
            return Objects.requireNonNull(previous.versionNumber);
        }
        ApplicationSettings version = draft.copy();
        version.versionNumber = previous == null ? 1 : Objects.requireNonNull(previous.versionNumber) + 1;
        version.savedBy = actorId;
        version.savedAt = Instant.now();
        application.published = settings.save(version);
        application.updatedAt = Instant.now();
        boolean apiKeyChanged = previous == null || !Objects.equals(previous.apiKeySealed, version.apiKeySealed);
        events.publishEvent(new ApplicationPublished(applicationId, actorId, version.versionNumber, apiKeyChanged));
        log.info("Published application, applicationId={} version={} actorId={}", applicationId, version.versionNumber, actorId);
        return version.versionNumber;
    }

    /** Returns the published versions of an application, newest first, with what each one changed. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<VersionSummary> history(long applicationId) {
        List<ApplicationSettings> versions = settings.findByApplicationIdAndVersionNumberNotNullOrderByVersionNumberDesc(applicationId);
        Map<Long, String> names = directory.displayNames(versions.stream()
                .flatMap(version -> java.util.stream.Stream.of(version.savedBy, version.ownerId))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<VersionSummary> history = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            ApplicationSettings version = versions.get(i);
            ApplicationSettings previous = i + 1 < versions.size() ? versions.get(i + 1) : null;
            String publisher = version.savedBy == null ? "Grantflow" : names.getOrDefault(version.savedBy, "Person " + version.savedBy);
            history.add(new VersionSummary(Objects.requireNonNull(version.versionNumber), publisher, version.savedAt,
                    SettingsDiff.between(previous, version, id -> names.getOrDefault(id, "Person " + id))));
        }
        return history;
    }

    /** Returns warnings that do not block saving or publishing, such as token and SCIM hosts that differ. */
    public List<FieldProblem> warnings(ApplicationForm form) {
        return validator.warnings(form);
    }

    /** Returns the connection settings of an application's draft, so an admin can test them before publishing. */
    @PreAuthorize("hasRole('ADMIN')")
    public ConnectionSettings draftConnection(long applicationId) {
        Application application = require(applicationId);
        return SettingsMapper.toConnection(application, application.requireDraft());
    }

    /**
     * Stores a refresh token, such as one from "Connect to Salesforce", as the API key of the application's
     * draft. The live settings keep their key until the draft is published.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setApiKey(long applicationId, String refreshToken, long actorId) {
        if (refreshToken.isBlank()) {
            throw new IllegalArgumentException("The API key of application " + applicationId + " must not be blank.");
        }
        Application application = require(applicationId);
        ApplicationSettings draft = application.requireDraft();
        draft.apiKeySealed = cipher.seal(refreshToken).ciphertext();
        draft.savedBy = actorId;
        draft.savedAt = Instant.now();
        application.updatedAt = Instant.now();
        log.info("Stored a new API key in the application draft, applicationId={} actorId={}", applicationId, actorId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Page<ApplicationSummary> listApplications(Pageable pageable) {
        return applications.findAllByName(pageable).map(CatalogService::summarize);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long countApplications() {
        return applications.count();
    }

    /** Returns the published, fulfillment-enabled applications, by name; signed-in people only. */
    @PreAuthorize("isAuthenticated()")
    public List<CatalogEntry> listRequestable() {
        return applications.findRequestable().stream()
                .map(application -> {
                    ApplicationSettings live = Objects.requireNonNull(application.published);
                    return new CatalogEntry(application.requireId(), live.name, live.description, application.template,
                            live.approverType);
                })
                .toList();
    }

    /** Returns the live settings of an application, or empty when it was never published. */
    public Optional<PublishedApplication> findPublished(long applicationId) {
        return applications.findById(applicationId)
                .filter(application -> application.published != null)
                .map(application -> SettingsMapper.toPublished(application, Objects.requireNonNull(application.published)));
    }

    @Override
    public boolean ownsAnyApplication(long personId) {
        return applications.existsByOwner(personId);
    }

    private void check(ApplicationForm form, @Nullable Application existing, boolean complete) {
        if (existing != null && existing.draft != null) {
            form.setApiKeyStored(existing.draft.apiKeySealed != null);
            form.setClientSecretStored(existing.draft.clientSecretSealed != null);
        }
        long excludedId = existing == null ? -1 : existing.requireId();
        boolean nameTaken = !form.getName().isBlank() && applications.existsByName(form.getName().strip(), excludedId);
        List<FieldProblem> problems = validator.validate(form, nameTaken, complete);
        if (!problems.isEmpty()) {
            throw new InvalidApplicationException(problems);
        }
    }

    private void announceDraftSaved(long applicationId, long actorId, String name, boolean created) {
        events.publishEvent(new ApplicationDraftSaved(applicationId, actorId, name, created));
    }

    private Application require(long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new ApplicationNotFoundException("Application " + applicationId + " was not found."));
    }

    private static ApplicationSummary summarize(Application application) {
        ApplicationSettings shown = application.draft != null ? application.draft : Objects.requireNonNull(application.published);
        ApplicationSettings live = application.published;
        return new ApplicationSummary(application.requireId(), shown.name, application.template, application.publishState(),
                application.draftState(), shown.approverType, shown.fulfillmentEnabled,
                live == null ? null : live.versionNumber, application.updatedAt, application.lastPublishError);
    }
}
