package dev.grantflow.security;

/**
 * A secret as stored: AES-GCM ciphertext. Only {@link SecretCipher#open(SealedSecret)} reveals it,
 * and {@link #toString()} never does, so a sealed secret is safe in logs and exception messages.
 */
public record SealedSecret(String ciphertext) {

    @Override
    public String toString() {
        return "SealedSecret[******]";
    }
}
