package io.github.stealwatch.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.stealwatch.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What root writes where another user's files live stays that user's: the audit typed by hand as
 * root and the unit running as stealwatch share /var/lib/stealwatch. Only root can give a file
 * away, so these run as root (as CI does) and are skipped otherwise.
 */
class OwnersTest {

    private static final String OTHER_USER = "nobody";
    private static final String OTHER_GROUP = "nogroup";

    @TempDir
    Path temp;

    private Path unitsDirectory;

    @BeforeEach
    void aDirectoryOfAnotherUser() throws Exception {
        assumeTrue(Files.getAttribute(temp, "unix:uid").equals(0), "needs root");
        unitsDirectory = Files.createDirectory(temp.resolve("stealwatch"));
        giveAway(unitsDirectory);
    }

    @Test
    void aNewStateFileTakesItsDirectorysOwner() throws Exception {
        Path state = unitsDirectory.resolve("audit.state");

        AtomicFile.write(state, "baseline\n");

        assertOwnedByTheOtherUser(state);
    }

    @Test
    void aReplacedFileKeepsItsOwnerInADirectoryOfRoots() throws Exception {
        Path state = temp.resolve("audit.state");
        Files.writeString(state, "old\n");
        giveAway(state);

        AtomicFile.write(state, "new\n");

        assertOwnedByTheOtherUser(state);
        assertEquals("new\n", Files.readString(state));
    }

    @Test
    void aLockFileRootMakesIsTheDirectoryOwners() throws Exception {
        Path lock = unitsDirectory.resolve("audit.state.lock");

        try (LockFile held = LockFile.acquire(lock, Duration.ZERO, new SystemClock())) {
            assertOwnedByTheOtherUser(lock);
        }
    }

    @Test
    void rootsOwnFilesStayRoots() throws Exception {
        Path state = temp.resolve("audit.state");

        AtomicFile.write(state, "baseline\n");

        assertEquals(0, Files.getAttribute(state, "unix:uid"));
    }

    private static void giveAway(Path path) throws Exception {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(OTHER_USER));
        view.setGroup(users.lookupPrincipalByGroupName(OTHER_GROUP));
    }

    private static void assertOwnedByTheOtherUser(Path file) throws Exception {
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertEquals(OTHER_USER, attributes.owner().getName());
        assertEquals(OTHER_GROUP, attributes.group().getName());
    }
}
