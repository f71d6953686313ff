package dev.grantflow.directory.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives one uploaded CSV file into memory and hands it to the page on the UI thread. It reads at most one
 * byte more than the limit, so a large upload never fills the memory, and it writes nothing to disk.
 */
final class CsvUploadHandler implements UploadHandler {

    private final long maxBytes;
    private final SerializableBiConsumer<String, byte[]> received;
    private final SerializableConsumer<String> tooLarge;

    /**
     * @param received called with the file name and content of a file within the limit
     * @param tooLarge called with the file name of a file over the limit
     */
    CsvUploadHandler(long maxBytes, SerializableBiConsumer<String, byte[]> received, SerializableConsumer<String> tooLarge) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        }
        String fileName = event.getFileName();
        UI ui = event.getUI();
        if (content.length > maxBytes) {
            ui.access(() -> tooLarge.accept(fileName));
        } else {
            ui.access(() -> received.accept(fileName, content));
        }
    }

    /** Lets Vaadin reject a larger multipart upload before this handler reads it. */
    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
