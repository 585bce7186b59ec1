package dev.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final ByteRange FULL = new ByteRange.Full();

    @Test
    void singleRanges() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new ByteRange.Partial(0, 99, 1000));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new ByteRange.Partial(900, 999, 1000));
        assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new ByteRange.Partial(900, 999, 1000));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new ByteRange.Partial(0, 999, 1000));
        assertThat(ByteRange.parse("bytes=10-5000", 1000)).isEqualTo(new ByteRange.Partial(10, 999, 1000));
        assertThat(ByteRange.parse("BYTES = 1-1", 10)).isEqualTo(FULL); // space before '=' is not the syntax
        assertThat(ByteRange.parse("Bytes=1-1", 10)).isEqualTo(new ByteRange.Partial(1, 1, 10));
    }

    @Test
    void contentRangeValues() {
        ByteRange.Partial p = (ByteRange.Partial) ByteRange.parse("bytes=0-99", 1000);
        assertThat(p.contentRange()).isEqualTo("bytes 0-99/1000");
        assertThat(p.size()).isEqualTo(100);
        assertThat(new ByteRange.Unsatisfiable(7).contentRange()).isEqualTo("bytes */7");
    }

    @Test
    void unsatisfiable() {
        assertThat(ByteRange.parse("bytes=1000-", 1000)).isEqualTo(new ByteRange.Unsatisfiable(1000));
        assertThat(ByteRange.parse("bytes=-0", 1000)).isEqualTo(new ByteRange.Unsatisfiable(1000));
        assertThat(ByteRange.parse("bytes=0-", 0)).isEqualTo(new ByteRange.Unsatisfiable(0));
        assertThat(ByteRange.parse("bytes=2000-3000, 4000-", 1000)).isEqualTo(new ByteRange.Unsatisfiable(1000));
    }

    @Test
    void severalRangesServeTheWhole() {
        assertThat(ByteRange.parse("bytes=0-1, 5-6", 1000)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=0-1,2000-", 1000)).isEqualTo(FULL);
    }

    @Test
    void malformedIsIgnored() {
        assertThat(ByteRange.parse(null, 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("items=0-1", 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=5-1", 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=a-b", 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=-", 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=", 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=0-1,x", 10)).isEqualTo(FULL);
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 10)).isEqualTo(FULL);
    }

    @Test
    void randomSingleRangesAgreeWithReference() {
        long seed = System.nanoTime();
        System.out.println("ByteRangeTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long length = random.nextInt(50);
            long a = random.nextInt(60);
            long b = random.nextInt(60);
            ByteRange r = ByteRange.parse("bytes=" + a + "-" + b, length);
            if (b < a) {
                assertThat(r).as("seed %d: %d-%d/%d", seed, a, b, length).isEqualTo(FULL);
            } else if (a >= length) {
                assertThat(r).as("seed %d", seed).isEqualTo(new ByteRange.Unsatisfiable(length));
            } else {
                assertThat(r).as("seed %d", seed).isEqualTo(new ByteRange.Partial(a, Math.min(b, length - 1), length));
            }
        }
    }
}
