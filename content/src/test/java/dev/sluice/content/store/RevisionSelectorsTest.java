package dev.sluice.content.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.content.EntryType;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;

class RevisionSelectorsTest {

    private static EntryState entry(boolean live, int published, int first, int highest, boolean deleted) {
        return new EntryState(
                1, "/a", "/a", EntryType.CONTENT, 1, live, published, highest, first, highest, deleted, 0, 0);
    }

    @Test
    void namesResolveWithinTheEntry() {
        EntryState e = entry(true, 2, 1, 4, false);

        assertThat(RevisionSelectors.number(e, "published")).isEqualTo(2);
        assertThat(RevisionSelectors.number(e, "first")).isEqualTo(1);
        assertThat(RevisionSelectors.number(e, "last")).isEqualTo(4);
        assertThat(RevisionSelectors.number(e, "LATEST")).isEqualTo(4);
        assertThat(RevisionSelectors.number(e, "3")).isEqualTo(3);
    }

    @Test
    void missingRevisionsAreNotFound() {
        assertNotFound(entry(false, 2, 1, 4, false), "published");
        assertNotFound(entry(true, 2, 1, 4, false), "5");
        assertNotFound(entry(true, 2, 1, 4, false), "0");
        assertNotFound(entry(false, 0, 5, 4, true), "first");
        assertNotFound(entry(false, 0, 5, 4, true), "4");
    }

    @Test
    void garbageIsABadRequest() {
        assertThatThrownBy(() -> RevisionSelectors.number(entry(true, 1, 1, 1, false), "newest"))
                .hasMessage("revision: newest (expected: published, first, last, latest or a number)");
    }

    private static void assertNotFound(EntryState e, String selector) {
        assertThatThrownBy(() -> RevisionSelectors.number(e, selector))
                .isInstanceOfSatisfying(
                        SluiceException.class, x -> assertThat(x.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("Revision not found");
    }
}
