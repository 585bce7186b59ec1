package dev.sluice.dialect;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;

/**
 * A failure with the vendor's own error code (CDN Pro {@code InvalidPurgeUrl}, QUANTIL {@code
 * NoSuchDomain}, ...), and optionally a status the vendor documents instead of the kind's.
 */
public final class VendorError extends SluiceException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    public VendorError(ErrorKind kind, String code, String message) {
        this(kind, kind.status(), code, message);
    }

    public VendorError(ErrorKind kind, int status, String code, String message) {
        super(kind, message);
        this.code = code;
        this.status = status;
    }

    public static VendorError badRequest(String code, String message) {
        return new VendorError(ErrorKind.BAD_REQUEST, code, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
