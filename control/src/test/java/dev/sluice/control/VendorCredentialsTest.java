package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;

class VendorCredentialsTest {

    @Test
    void usersAndKeysResolveToTheirTenant() {
        VendorCredentials creds = VendorCredentials.builder()
                .user(VendorCredentials.Vendor.CDNPRO, new ApiUser("acme", "alice", "k1"))
                .user(VendorCredentials.Vendor.QUANTIL, new ApiUser("globex", "alice", "k2"))
                .fivecentsKey("acme", "plain-key")
                .fivecentsKey("globex", QuantCredential.ofToken("other-key").hashed())
                .build();

        assertThat(creds.user(VendorCredentials.Vendor.CDNPRO, "alice"))
                .extracting(ApiUser::tenant)
                .isEqualTo("acme");
        assertThat(creds.user(VendorCredentials.Vendor.QUANTIL, "alice"))
                .extracting(ApiUser::tenant)
                .isEqualTo("globex");
        assertThat(creds.user(VendorCredentials.Vendor.QUANTIL, "bob")).isNull();
        assertThat(creds.fivecentsTenant("plain-key")).isEqualTo("acme");
        assertThat(creds.fivecentsTenant("other-key")).isEqualTo("globex");
        assertThat(creds.fivecentsTenant("guess")).isNull();
    }

    @Test
    void aUserOrKeyOfTwoTenantsIsRefused() {
        assertThatThrownBy(() -> VendorCredentials.builder()
                        .user(VendorCredentials.Vendor.CDNPRO, new ApiUser("acme", "alice", "k1"))
                        .user(VendorCredentials.Vendor.CDNPRO, new ApiUser("globex", "alice", "k2")))
                .isInstanceOf(SluiceException.class);
        assertThatThrownBy(
                        () -> VendorCredentials.builder().fivecentsKey("a", "k").fivecentsKey("b", "k"))
                .isInstanceOf(SluiceException.class);
    }
}
