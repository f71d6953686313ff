package dev.grantflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals and opens secrets (API keys, client secrets, tokens) with AES-256-GCM. Each value gets a
 * random 96-bit nonce, and the stored form is {@code v1:<base64 of nonce and ciphertext>}.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(EncryptionProperties properties) {
        this.key = new SecretKeySpec(loadKey(properties), "AES");
    }

    /** Encrypts a secret for storage. */
    public SealedSecret seal(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return new SealedSecret(PREFIX + Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting a secret failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Decrypts a sealed secret. Call it only where the plaintext is used, and keep the result local. */
    public String open(SealedSecret secret) {
        String stored = secret.ciphertext();
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored secret has an unknown format; set it again in the application's settings.");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decrypting a stored secret failed. The encryption key may have changed since"
                    + " the secret was saved; set grantflow.encryption.key back, or enter the secret again.", e);
        }
    }

    /** Seals a value that may be absent. */
    public @Nullable SealedSecret sealNullable(@Nullable String plaintext) {
        return plaintext == null ? null : seal(plaintext);
    }

    private static byte[] loadKey(EncryptionProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decodeKey(properties.key(), "grantflow.encryption.key");
        }
        Path file = properties.keyFile();
        if (file == null) {
            throw new IllegalStateException("No encryption key is configured. Set grantflow.encryption.key"
                    + " (base64 of 32 random bytes, e.g. from `openssl rand -base64 32`) or grantflow.encryption.key-file.");
        }
        try {
            if (Files.notExists(file) && properties.generateKeyFile()) {
                generateKeyFile(file);
            }
            return decodeKey(Files.readString(file).trim(), "the key file " + file);
        } catch (IOException e) {
            throw new IllegalStateException("Reading the encryption key file " + file + " failed: " + e.getMessage()
                    + ". Check the path in grantflow.encryption.key-file and its permissions.", e);
        }
    }

    private static void generateKeyFile(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("Restricting key file permissions is not supported here, file={}", file);
        }
        log.info("Generated a new encryption key file, file={}", file);
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The encryption key in " + source + " is not valid base64.", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The encryption key in " + source + " has " + bytes.length
                    + " bytes; AES-256 needs 32. Generate one with `openssl rand -base64 32`.");
        }
        return bytes;
    }
}
