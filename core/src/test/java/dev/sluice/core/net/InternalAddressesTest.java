package dev.sluice.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class InternalAddressesTest {

    @Test
    void loopbackLinkLocalPrivateAnyLocalMulticastAndUniqueLocalAreInternal() throws UnknownHostException {
        for (String a : new String[] {
            "127.0.0.1",
            "::1",
            "169.254.169.254",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "0.0.0.0",
            "224.0.0.1",
            "fd00::1",
            "fc00::1",
            "fe80::1"
        }) {
            assertThat(InternalAddresses.isInternal(InetAddress.getByName(a)))
                    .as(a)
                    .isTrue();
        }
    }

    @Test
    void publicAddressesAreNot() throws UnknownHostException {
        for (String a : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"}) {
            assertThat(InternalAddresses.isInternal(InetAddress.getByName(a)))
                    .as(a)
                    .isFalse();
        }
    }

    @Test
    void firstInternalResolvesLiteralsAndAcceptsUnresolvableNames() {
        assertThat(InternalAddresses.firstInternal("127.0.0.1")).isNotNull();
        assertThat(InternalAddresses.firstInternal("8.8.8.8")).isNull();
        assertThat(InternalAddresses.firstInternal("no-such-host.invalid")).isNull();
    }
}
