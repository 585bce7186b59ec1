/**
 * CDNetworks CDN Pro's purge API ({@code /cdn/purges}, {@code /cdn/webhooks}), spec §2 and §6.14-17:
 * JSON in, JSON out, errors as {@code {"code":..,"message":..}}.
 */
@NullMarked
package dev.sluice.dialect.cdnpro;

import org.jspecify.annotations.NullMarked;
