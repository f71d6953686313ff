/**
 * The facade over Flowable: it starts the access-request process, lists and completes approval
 * tasks, and hosts the thin BPMN delegates. Flowable types stay inside this package.
 */
@NullMarked
package dev.grantflow.approval;

import org.jspecify.annotations.NullMarked;
