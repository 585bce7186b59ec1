/** 5centsCDN's zone purge API ({@code /v2/zones/...}), spec §4 and §6.21. */
@NullMarked
package dev.sluice.dialect.fivecents;

import org.jspecify.annotations.NullMarked;
