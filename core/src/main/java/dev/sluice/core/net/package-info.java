/** Network address classification shared by every check of a tenant-chosen destination. */
@NullMarked
package dev.sluice.core.net;

import org.jspecify.annotations.NullMarked;
