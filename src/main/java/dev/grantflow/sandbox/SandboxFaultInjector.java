package dev.grantflow.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Runs each sandbox request through the configured latency and the next injected fault that matches it,
 * and counts the request.
 */
final class SandboxFaultInjector {

    private static final Logger log = LoggerFactory.getLogger(SandboxFaultInjector.class);

    private final SandboxStore store;

    SandboxFaultInjector(SandboxStore store) {
        this.store = store;
    }

    /** Counts the request, waits the configured latency, then calls {@code handler} unless a fault replaces it. */
    ResponseEntity<byte[]> handle(SandboxOperation operation, Supplier<ResponseEntity<byte[]>> handler) {
        store.counters().countRequest(operation);
        pause(store.latency());

        Optional<SandboxFault.Effect> fault = store.takeFault(operation);
        if (fault.isEmpty()) {
            return handler.get();
        }
        log.info("Applying injected sandbox fault operation={} effect={}", operation, fault.get());
        return switch (fault.get()) {
            case SandboxFault.Respond respond -> ResponseEntity.status(respond.status())
                    .contentType(MediaType.parseMediaType(respond.contentType()))
                    .body(respond.body().getBytes(StandardCharsets.UTF_8));
            case SandboxFault.Delay delay -> {
                pause(delay.duration());
                yield handler.get();
            }
            case SandboxFault.TruncateJson truncate -> truncate(handler.get());
            case SandboxFault.PadBody pad -> pad(handler.get(), pad.totalBytes());
        };
    }

    private static ResponseEntity<byte[]> truncate(ResponseEntity<byte[]> response) {
        byte[] body = response.getBody();
        if (body == null) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(Arrays.copyOf(body, body.length / 2));
    }

    /** Appends spaces up to {@code totalBytes}. A body that is already that large or larger stays as it is. */
    private static ResponseEntity<byte[]> pad(ResponseEntity<byte[]> response, int totalBytes) {
        byte[] body = response.getBody();
        if (body == null || body.length >= totalBytes) {
            return response;
        }
        byte[] padded = Arrays.copyOf(body, totalBytes);
        Arrays.fill(padded, body.length, totalBytes, (byte) ' ');
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(padded);
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            // Keep the interrupt flag for the caller and handle the request without the rest of the wait.
            Thread.currentThread().interrupt();
            log.debug("Stopped sandbox wait early because the thread was interrupted", e);
        }
    }
}
