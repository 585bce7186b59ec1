/** Test fixtures: a manual clock, a fake origin, seeded generators. */
@NullMarked
package dev.sluice.testing;

import org.jspecify.annotations.NullMarked;
