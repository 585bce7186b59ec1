package dev.sluice.server.config;

/** A configuration that cannot start Sluice: the message names the file and key. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
