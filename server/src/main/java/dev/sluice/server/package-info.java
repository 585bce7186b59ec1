/** The Sluice process: CLI, wiring of every module, start-up and shutdown. */
@NullMarked
package dev.sluice.server;

import org.jspecify.annotations.NullMarked;
