package dev.sluice.cache;

/** One response header line as it will be sent to clients. */
public record Header(String name, String value) {}
