package io.github.stealwatch.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesUpToTheCapAndStartsOverAfterASuccess() {
        RetryBackoff backoff = new RetryBackoff(RetryBackoff.FIRST, RetryBackoff.CAP);

        assertEquals(Duration.ofSeconds(30), backoff.next());
        assertEquals(Duration.ofSeconds(60), backoff.next());
        assertEquals(Duration.ofMinutes(2), backoff.next());
        assertEquals(Duration.ofMinutes(4), backoff.next());
        assertEquals(Duration.ofMinutes(8), backoff.next());
        assertEquals(Duration.ofMinutes(16), backoff.next());
        assertEquals(Duration.ofMinutes(30), backoff.next());
        assertEquals(Duration.ofMinutes(30), backoff.next());

        backoff.reset();
        assertEquals(Duration.ofSeconds(30), backoff.next());
    }
}
