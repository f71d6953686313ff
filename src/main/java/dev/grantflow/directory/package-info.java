/**
 * People, their managers and roles. Every access request names a person from here, and the
 * approval stages find managers here.
 */
@NullMarked
package dev.grantflow.directory;

import org.jspecify.annotations.NullMarked;
