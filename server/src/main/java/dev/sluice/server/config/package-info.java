/** The one typed configuration tree, loaded from YAML and the environment and validated at start-up. */
@NullMarked
package dev.sluice.server.config;

import org.jspecify.annotations.NullMarked;
