package dev.sluice.it;

import dev.sluice.server.SluiceNode;
import dev.sluice.server.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** A node started in the test JVM through the same loader and wiring as {@code sluice serve}. */
final class InProcessNode implements RunningNode {

    private final SluiceNode node;

    private InProcessNode(SluiceNode node) {
        this.node = node;
    }

    static InProcessNode start(Path yaml) {
        try {
            return new InProcessNode(SluiceNode.start(new ConfigLoader().load(yaml, Map.of())));
        } catch (Exception e) {
            throw new IllegalStateException("sluice did not start with " + yaml, e);
        }
    }

    @Override
    public URI edge() {
        return URI.create("http://127.0.0.1:" + node.edgePort());
    }

    @Override
    public URI api() {
        return URI.create("http://127.0.0.1:" + node.apiPort());
    }

    @Override
    public void close() {
        node.close();
    }
}
