package io.github.stealwatch.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KernelVersionTest {

    @ParameterizedTest
    @CsvSource({"4.9.30, 4.9", "4.9.0-3-amd64, 4.9", "6.18.44-fc-v657, 6.18", "4.10, 4.10", "3.16.0-4-amd64, 3.16"})
    void readsMajorAndMinor(String release, String expected) {
        assertEquals(expected, KernelVersion.of(release).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "", "v4.9", "4"})
    void aReleaseWithoutAVersionIsUnknown(String release) {
        assertNull(KernelVersion.of(release));
    }

    @ParameterizedTest
    @CsvSource({"4.10.17, 4, 11", "4.9.30, 4, 10", "3.19.0, 4, 0"})
    void comparesNumbersNotText(String release, int major, int minor) {
        assertTrue(KernelVersion.of(release).isBefore(major, minor));
    }
}
