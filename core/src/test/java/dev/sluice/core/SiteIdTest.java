package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteIdTest {

    @Test
    void stagingIsATwinWithItsOwnIdAndTheSameProduction() {
        SiteId shop = new SiteId("acme", "shop");
        assertThat(shop.staging()).isNotEqualTo(shop);
        assertThat(shop.staging().isStaging()).isTrue();
        assertThat(shop.staging().staging()).isEqualTo(shop.staging());
        assertThat(shop.staging().production()).isEqualTo(shop);
        assertThat(shop.production()).isEqualTo(shop);
        assertThat(shop.toString()).isEqualTo("acme/shop");
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> new SiteId("", "x")).hasMessageContaining("expected: non-empty");
    }
}
