package dev.sluice.persistence;

import dev.sluice.core.Clock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate process that pushes pages until it is killed, printing {@code ok <n> <md5>} after each
 * push returns: what it printed was acknowledged and must survive the kill.
 */
public final class CrashingPusher {

    private CrashingPusher() {}

    public static void main(String[] args) throws IOException {
        EmbeddedStore store = EmbeddedStore.open(Path.of(args[0]), Clock.system(), 1 << 20);
        for (int n = 0; ; n++) {
            String md5 = store.contentService()
                    .push(StoreTestBase.SITE, Pushes.content("/p" + n, CrashRecoveryTest.body(n)))
                    .revision()
                    .md5();
            System.out.println("ok " + n + " " + md5);
            System.out.flush();
        }
    }
}
