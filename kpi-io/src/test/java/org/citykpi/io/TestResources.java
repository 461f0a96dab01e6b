package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Finds the public data vendored in this module's test resources ({@code coinr-asem/}, {@code
 * csv-spectrum/}, {@code u4ssc-reference/}; origin and licence in each folder's README). A missing
 * file fails the test that needs it; it is never a reason to skip.
 */
public final class TestResources {
    private TestResources() {}

    /** Returns the file or directory {@code name} of the test class path (e.g. {@code /coinr-asem}). */
    public static Path path(String name) {
        URL url = TestResources.class.getResource(name);
        assertNotNull(url, "missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file URL: " + url, e);
        }
    }
}
