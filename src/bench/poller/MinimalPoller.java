import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The least a JVM program can do of the watch's job, the yardstick of src/bench/footprint.sh:
 * open /proc/stat once, read it at offset 0 every 100 ms, take the aggregate line's steal column
 * (the 8th number), and park until the next deadline. No detection, no report, no mail, no
 * logging, no command line beyond the file's path.
 */
public final class MinimalPoller {

    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final int STEAL_COLUMN = 8;

    public static void main(String[] args) throws IOException {
        Path stat = Path.of(args.length > 0 ? args[0] : "/proc/stat");
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        long previous = -1;
        try (FileChannel file = FileChannel.open(stat, StandardOpenOption.READ)) {
            long deadline = System.nanoTime();
            while (true) {
                buffer.clear();
                file.read(buffer, 0);
                long steal = steal(buffer);
                // The article's test, so the number is used: a drop, or a rise beyond 100000 ticks.
                if (previous >= 0 && (steal < previous || steal - previous > 100_000)) {
                    System.out.println("steal changed by " + (steal - previous));
                }
                previous = steal;
                deadline += INTERVAL_NANOS;
                long wait;
                while ((wait = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }

    /** The steal column of the first line: "cpu", then user nice system idle iowait irq softirq steal ... */
    private static long steal(ByteBuffer buffer) {
        int numbers = 0;
        long value = 0;
        boolean inNumber = false;
        for (int i = 0; i < buffer.position() && buffer.get(i) != '\n'; i++) {
            byte b = buffer.get(i);
            if (i >= 3 && b >= '0' && b <= '9') { // past "cpu", whose line has no digits in its name
                value = inNumber ? value * 10 + (b - '0') : b - '0';
                inNumber = true;
            } else if (inNumber) {
                inNumber = false;
                if (++numbers == STEAL_COLUMN) {
                    return value;
                }
            }
        }
        throw new IllegalStateException("no steal column in the first line");
    }
}
