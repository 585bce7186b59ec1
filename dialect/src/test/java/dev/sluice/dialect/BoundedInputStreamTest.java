package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void bodyAtTheLimitIsReadWhole() throws IOException {
        try (InputStream in = new BoundedInputStream(bytes(10), 10, -1)) {
            assertThat(in.readAllBytes()).hasSize(10);
        }
    }

    @Test
    void undeclaredBodyOverTheLimitFailsWhenItCrossesIt() {
        InputStream in = new BoundedInputStream(bytes(11), 10, -1);
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("body: more than 10 bytes (expected: <= 10)");
        });
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        InputStream in = new BoundedInputStream(bytes(3), 2, -1);
        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThatThrownBy(in::read).isInstanceOf(SluiceException.class);
    }

    @Test
    void declaredLengthOverTheLimitFailsBeforeReading() {
        InputStream in = new BoundedInputStream(bytes(5), 10, 11);
        assertThatThrownBy(in::read).isInstanceOf(SluiceException.class);
    }

    @Test
    void neverReadsMuchPastTheLimit() {
        ByteArrayInputStream source = new ByteArrayInputStream(new byte[1000]);
        InputStream in = new BoundedInputStream(source, 10, -1);
        assertThatThrownBy(() -> in.read(new byte[500])).isInstanceOf(SluiceException.class);
        assertThat(source.available()).isEqualTo(1000 - 11);
    }
}
