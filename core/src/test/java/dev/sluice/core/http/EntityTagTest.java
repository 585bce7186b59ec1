package dev.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagTest {

    @Test
    void parsesStrongAndWeak() {
        assertThat(EntityTag.parse("\"abc\"")).isEqualTo(new EntityTag("abc", false));
        assertThat(EntityTag.parse(" W/\"abc\" ")).isEqualTo(new EntityTag("abc", true));
        assertThat(EntityTag.parse("abc")).isNull();
        assertThat(EntityTag.parse("\"abc")).isNull();
        assertThat(EntityTag.parse("\"a\" \"b\"")).isNull();
    }

    @Test
    void parsesLists() {
        assertThat(EntityTag.parseList("\"a\", W/\"b\",\"c\""))
                .containsExactly(new EntityTag("a", false), new EntityTag("b", true), new EntityTag("c", false));
        assertThat(EntityTag.parseList("\"a\", junk, \"c\"")).containsExactly(new EntityTag("a", false));
        assertThat(EntityTag.parseList("\"a,b\"")).containsExactly(new EntityTag("a,b", false));
    }

    @Test
    void comparesAsRfc9110Table() {
        EntityTag w1 = new EntityTag("1", true);
        EntityTag s1 = new EntityTag("1", false);
        EntityTag w2 = new EntityTag("2", true);
        assertThat(w1.strongMatch(w1)).isFalse();
        assertThat(w1.weakMatch(w1)).isTrue();
        assertThat(w1.strongMatch(w2)).isFalse();
        assertThat(w1.weakMatch(w2)).isFalse();
        assertThat(w1.strongMatch(s1)).isFalse();
        assertThat(w1.weakMatch(s1)).isTrue();
        assertThat(s1.strongMatch(s1)).isTrue();
        assertThat(s1.toString()).isEqualTo("\"1\"");
        assertThat(w1.toString()).isEqualTo("W/\"1\"");
    }
}
