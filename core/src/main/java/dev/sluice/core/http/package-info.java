/**
 * Pure HTTP semantics the edge needs, free of any server library: dates, entity tags and
 * conditionals (RFC 9110 section 13), byte ranges, content coding negotiation, Cache-Control (RFC
 * 9111) and Cache-Status (RFC 9211).
 */
@NullMarked
package dev.sluice.core.http;

import org.jspecify.annotations.NullMarked;
