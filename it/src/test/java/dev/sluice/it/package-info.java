/**
 * Whole-node tests: a real Sluice node (in-process or a child JVM) driven through real HTTP by real
 * clients (quant-cli 1.12.0, curl, the JDK client), plus crash recovery and the architecture rules.
 */
@NullMarked
package dev.sluice.it;

import org.jspecify.annotations.NullMarked;
