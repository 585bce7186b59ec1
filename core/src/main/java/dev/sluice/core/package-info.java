/** Sluice's vocabulary shared by every module: ids, time, typed errors and pure HTTP semantics. */
@NullMarked
package dev.sluice.core;

import org.jspecify.annotations.NullMarked;
