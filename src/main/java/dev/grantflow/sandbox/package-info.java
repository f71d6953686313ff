/**
 * A Salesforce-compatible SCIM 2.0 API and OAuth 2.0 authorization and token endpoints that the app serves
 * itself in the demo profile, so newcomers can try provisioning and connecting without a Salesforce org and
 * tests can provision over real HTTP. Every bean here is active only when {@code grantflow.sandbox.enabled=true}.
 */
@NullMarked
package dev.grantflow.sandbox;

import org.jspecify.annotations.NullMarked;
