package dev.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core in the page and fails on serious or critical findings. axe-core comes from the npm package
 * in src/test/axe, installed with {@code npm ci} on first use.
 */
final class AxeCheck {

    private static final Path PACKAGE = Path.of("src", "test", "axe");
    private static final Path SCRIPT = PACKAGE.resolve("node_modules/axe-core/axe.min.js");
    private static final long INSTALL_TIMEOUT_SECONDS = 180;

    // Runs the WCAG 2.1 A and AA rules, and returns one line per serious or critical finding.
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(result => done(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                  + v.nodes.map(n => n.target.join(' > ') + ' (' + n.failureSummary + ')').join(', '))))
              .catch(error => done(['axe-core failed: ' + error]));
            """;

    private static String source;

    private AxeCheck() {
    }

    /** Checks the page the browser shows now; the screen name goes into the failure message. */
    @SuppressWarnings("unchecked")
    static void assertNoSeriousFindings(BrowserSession browser, String screen) {
        JavascriptExecutor page = browser.driver();
        browser.awaitVaadin();
        page.executeScript(source());
        List<String> findings = (List<String>) page.executeAsyncScript(RUN);
        assertThat(findings).as("serious or critical accessibility findings on the %s screen", screen).isEmpty();
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                if (!Files.isRegularFile(SCRIPT)) {
                    install();
                }
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new IllegalStateException("Reading axe-core from " + SCRIPT + " failed: " + e.getMessage(), e);
            }
        }
        return source;
    }

    private static void install() throws IOException {
        Path output = Files.createTempFile("axe-npm-ci", ".log");
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(PACKAGE.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("'npm ci' in " + PACKAGE + " timed out after " + INSTALL_TIMEOUT_SECONDS
                        + " s. Output:\n" + Files.readString(output));
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("'npm ci' in " + PACKAGE + " failed with exit code " + npm.exitValue()
                        + ". Check that node and npm are on the PATH and the npm registry is reachable. Output:\n"
                        + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing axe-core in " + PACKAGE, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
