package dev.grantflow.catalog;

/**
 * The templates an admin starts an application from. The template decides what the Groups Object ID
 * means and which validation rules apply.
 */
public enum CatalogTemplate {

    SALESFORCE("Salesforce", "Provision users into a Salesforce org over its SCIM 2.0 API, with a profile as the entitlement.",
            "Profile ID"),
    SCIM2("SCIM 2.0 application", "Provision users into any SCIM 2.0 service and add them to a group.", "Group ID");

    private final String displayName;
    private final String description;
    private final String groupsObjectMeaning;

    CatalogTemplate(String displayName, String description, String groupsObjectMeaning) {
        this.displayName = displayName;
        this.description = description;
        this.groupsObjectMeaning = groupsObjectMeaning;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** Returns what the Groups Object ID names in the target: a profile for Salesforce, a group otherwise. */
    public String groupsObjectMeaning() {
        return groupsObjectMeaning;
    }
}
