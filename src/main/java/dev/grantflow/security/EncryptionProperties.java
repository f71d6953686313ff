package dev.grantflow.security;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the AES key that seals secrets at rest comes from.
 *
 * @param key base64 of a 256-bit key; takes precedence over the key file
 * @param keyFile file holding the base64 key when no key is set
 * @param generateKeyFile whether to create the key file with a random key when it is missing (demo only)
 */
@ConfigurationProperties("grantflow.encryption")
public record EncryptionProperties(@Nullable String key, @Nullable Path keyFile, boolean generateKeyFile) {
}
