/** QUANTIL's legacy XML purge API ({@code /api/purge}), spec §3 and §6.18-20. */
@NullMarked
package dev.sluice.dialect.quantil;

import org.jspecify.annotations.NullMarked;
