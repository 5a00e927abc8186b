package io.github.stealwatch.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Keeps a file's owner when root writes it. The units run as user stealwatch and own
 * /var/lib/stealwatch; an audit typed by hand as root writes the same state file, spool and lock.
 * Left root's and 0600, they would be unreadable to the next run of the unit, which then loses
 * its baseline or cannot take the lock. So a file root makes takes the owner and group of the file
 * it replaces, or, when it is new, of its directory. Anyone else cannot give a file away and keeps it.
 */
final class Owners {

    private static final int ROOT = 0;

    private Owners() {
    }

    /** Gives {@code made} the owner of {@code replaced} (or of its directory when new) if root made it. */
    static void keep(Path made, Path replaced) throws IOException {
        copy(made, Files.exists(replaced, LinkOption.NOFOLLOW_LINKS) ? replaced : directoryOf(replaced));
    }

    /** Gives {@code made}, a new file, its directory's owner if root made it. */
    static void fromDirectory(Path made) throws IOException {
        copy(made, directoryOf(made));
    }

    private static Path directoryOf(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static void copy(Path made, Path model) throws IOException {
        PosixFileAttributes ours = Files.readAttributes(made, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes theirs = Files.readAttributes(model, PosixFileAttributes.class);
        if (ours.owner().equals(theirs.owner()) && ours.group().equals(theirs.group())) {
            return;
        }
        if ((Integer) Files.getAttribute(made, "unix:uid", LinkOption.NOFOLLOW_LINKS) != ROOT) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(made, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setOwner(theirs.owner());
        view.setGroup(theirs.group());
    }
}
