/**
 * Provisions approved access into Salesforce and other SCIM 2.0 apps: creates, links, reactivates and
 * deactivates users, assigns the Salesforce profile or the app's group, and classifies failures as
 * transient, permanent or authorization problems so that callers know whether to retry.
 */
@NullMarked
package dev.grantflow.provisioning;

import org.jspecify.annotations.NullMarked;
