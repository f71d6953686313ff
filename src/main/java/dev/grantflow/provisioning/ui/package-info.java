/**
 * Admin views of provisioning: the failure queue with held connections, a request's call log, and an
 * application's connection test and "Connect to Salesforce".
 */
@NullMarked
package dev.grantflow.provisioning.ui;

import org.jspecify.annotations.NullMarked;
