package io.github.stealwatch.watch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a sampling command cleanly on SIGINT or SIGTERM: the JVM's shutdown hook asks it to stop,
 * then waits until the command has sent what it recorded and {@link #close()}d this.
 */
public final class StopOnSignal implements AutoCloseable {

    /** How long a signalled JVM waits for the last report; SMTP timeouts end it well before. */
    private static final long WAIT_MINUTES = 5;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /** @param stop makes the sampling return soon; called on the shutdown hook's thread */
    public StopOnSignal(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(WAIT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stealwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the latch is open.
        }
    }
}
