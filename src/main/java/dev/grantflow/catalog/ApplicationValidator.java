package dev.grantflow.catalog;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks an application form field by field. Each message names the value and the fix.
 */
@Component
class ApplicationValidator {

    static final String SALESFORCE_SCIM_PATH = "/services/scim/v2";
    static final String SALESFORCE_TOKEN_PATH = "/services/oauth2/token";


    private final CatalogProperties properties;

    ApplicationValidator(CatalogProperties properties) {
        this.properties = properties;
    }

    /**
     * Returns every problem of the form; the secrets count as present when stored or newly typed. A draft
     * may leave fields empty, but what it holds must be valid; {@code complete} also requires every field
     * that publishing needs.
     */
    List<FieldProblem> validate(ApplicationForm form, boolean nameTaken, boolean complete) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getName().isBlank()) {
            problems.add(new FieldProblem("name", "Enter a name that requesters will recognise, such as \"Salesforce\"."));
        } else if (nameTaken) {
            problems.add(new FieldProblem("name", "An application named \"" + form.getName().strip()
                    + "\" already exists. Choose another name."));
        }
        if (form.getApproverType().includesOwner() && form.getOwnerId() == null) {
            problems.add(FieldProblem.missing("ownerId", "Approver type " + form.getApproverType().displayName()
                    + " needs an application owner. Choose an owner, or another approver type."));
        }
        if (form.isFulfillmentEnabled()) {
            validateFulfillment(form, problems);
        }
        if (!complete) {
            problems.removeIf(FieldProblem::missingValue);
        }
        return problems;
    }

    private void validateFulfillment(ApplicationForm form, List<FieldProblem> problems) {
        boolean salesforce = form.getTemplate() == CatalogTemplate.SALESFORCE;
        checkUrl("baseUri", "Base URI", form.getBaseUri(), salesforce ? SALESFORCE_SCIM_PATH : null,
                "https://yourcompany.my.salesforce.com" + SALESFORCE_SCIM_PATH, problems);
        if (!form.isApiKeyStored() && form.getNewApiKey() == null) {
            problems.add(FieldProblem.missing("newApiKey", form.isOauthEnabled()
                    ? "Enter the API key: the OAuth 2.0 refresh token Grantflow exchanges for access tokens."
                    : "Enter the API key: the bearer token the SCIM service accepts."));
        }
        validateGroupsObjectId(form, salesforce, problems);
        if (form.isOauthEnabled()) {
            checkUrl("tokenUrl", "Token URL", form.getTokenUrl(), salesforce ? SALESFORCE_TOKEN_PATH : null,
                    "https://yourcompany.my.salesforce.com" + SALESFORCE_TOKEN_PATH, problems);
            if (form.getClientId().isBlank()) {
                problems.add(FieldProblem.missing("clientId", "Enter the client ID (the connected app's consumer key)."));
            }
            if (!form.isClientSecretStored() && form.getNewClientSecret() == null) {
                problems.add(FieldProblem.missing("newClientSecret",
                        "Enter the client secret (the connected app's consumer secret)."));
            }
        }
    }

    /** Returns problems that do not block saving or publishing. */
    List<FieldProblem> warnings(ApplicationForm form) {
        if (form.getTemplate() != CatalogTemplate.SALESFORCE || !form.isOauthEnabled()) {
            return List.of();
        }
        String scimHost = hostOf(form.getBaseUri());
        String tokenHost = hostOf(form.getTokenUrl());
        if (scimHost == null || tokenHost == null || scimHost.equalsIgnoreCase(tokenHost)) {
            return List.of();
        }
        return List.of(new FieldProblem("tokenUrl", "The token URL's host " + tokenHost + " differs from the Base URI's host "
                + scimHost + ". Salesforce serves both on the same My Domain host; check that both name the same org."));
    }

    private static @Nullable String hostOf(String url) {
        try {
            return url.isBlank() ? null : new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void validateGroupsObjectId(ApplicationForm form, boolean salesforce, List<FieldProblem> problems) {
        String id = form.getGroupsObjectId();
        if (!salesforce) {
            if (id.isBlank()) {
                problems.add(FieldProblem.missing("groupsObjectId", "Enter the id of the SCIM group that new users join."));
            }
            return;
        }
        String problem = salesforceProfileIdProblem(id);
        if (problem != null) {
            problems.add(id.isBlank() ? FieldProblem.missing("groupsObjectId", problem) : new FieldProblem("groupsObjectId", problem));
        }
    }

    /** Returns why the value is not a Salesforce profile id, or null when it is one. */
    static @Nullable String salesforceProfileIdProblem(String id) {
        String fix = " Copy the id from Setup > Profiles: open the profile; the id is the part of the address that starts with 00e.";
        if (id.isBlank()) {
            return "Enter the Salesforce profile id that new users get." + fix;
        }
        if ((id.length() != 15 && id.length() != 18) || !id.chars().allMatch(Character::isLetterOrDigit)
                || !id.chars().allMatch(c -> c < 128)) {
            return "\"" + id + "\" is not a Salesforce id: it needs 15 or 18 letters and digits." + fix;
        }
        if (!id.startsWith(SalesforceIds.PROFILE_PREFIX)) {
            return "\"" + id + "\" is not a profile id: profile ids start with 00e." + fix;
        }
        if (id.length() == 18 && !SalesforceIds.hasValidChecksum(id)) {
            return "\"" + id + "\" has a wrong checksum in its last 3 characters; the 15-character id "
                    + id.substring(0, 15) + " would end in " + SalesforceIds.checksum(id.substring(0, 15)) + "." + fix;
        }
        return null;
    }

    private void checkUrl(String field, String label, String value, @Nullable String requiredSuffix, String example,
                          List<FieldProblem> problems) {
        if (value.isBlank()) {
            problems.add(FieldProblem.missing(field, "Enter the " + label + ", for example " + example + "."));
            return;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(field, label + " \"" + value + "\" is not a valid URL. Use the form " + example + "."));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            problems.add(new FieldProblem(field, label + " \"" + value + "\" must be an absolute URL, such as " + example + "."));
        } else if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttpLoopback() && isLoopback(uri.getHost()))) {
            problems.add(new FieldProblem(field, label + " \"" + value + "\" must use https, such as " + example + "."));
        } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(new FieldProblem(field, label + " \"" + value + "\" must not have a query (?…) or fragment (#…). Remove them."));
        } else if (requiredSuffix != null && !stripTrailingSlash(uri.getPath()).endsWith(requiredSuffix)) {
            problems.add(new FieldProblem(field, label + " \"" + value + "\" must end in " + requiredSuffix
                    + ", such as " + example + "."));
        }
    }

    private static String stripTrailingSlash(@Nullable String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses reach here as loopback; names other than localhost are not resolved.
            return host.matches("[0-9.:\\[\\]a-fA-F]+") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
