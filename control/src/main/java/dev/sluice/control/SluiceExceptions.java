package dev.sluice.control;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;

/** Short forms of the failures control raises. */
final class SluiceExceptions {

    private SluiceExceptions() {}

    static SluiceException config(String message) {
        return SluiceException.badRequest(message);
    }

    static SluiceException unauthorized(String message) {
        return new SluiceException(ErrorKind.UNAUTHORIZED, message);
    }
}
