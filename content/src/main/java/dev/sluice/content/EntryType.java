package dev.sluice.content;

import java.util.Locale;

/** The kinds of content entry, named as Quant's {@code meta.type}. */
public enum EntryType {
    CONTENT,
    FILE,
    REDIRECT,
    PROXY;

    /** The wire name: {@code content}, {@code file}, {@code redirect}, {@code proxy}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
