package dev.sluice.it;

import java.net.URI;

/** A started Sluice node, in this JVM or a child process; closing it stops it. */
interface RunningNode extends AutoCloseable {

    /** {@code http://127.0.0.1:<edge port>} */
    URI edge();

    /** {@code http://127.0.0.1:<api port>} (the Quant API is under {@code /v1}) */
    URI api();

    @Override
    void close();
}
