package dev.sluice.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded static site: nested folders of HTML pages ({@code index.html} and {@code page-N.html}),
 * CSS, JS, PNG/JPEG images (real magic numbers, random bytes), WOFF2 fonts and JSON. Folder names
 * ({@code d-N}) never collide with the {@code page-N/} locations quant-cli derives from pages.
 */
final class SiteGenerator {

    private static final String[] WORDS = {
        "sluice", "edge", "cache", "purge", "origin", "déjà", "naïve", "日本語", "ümlaut", "revision", "quant", "—"
    };

    private final Random random;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private int counter;

    private SiteGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** At least {@code count} files keyed by relative path ({@code a/b/index.html}). */
    static Map<String, byte[]> generate(long seed, int count) {
        SiteGenerator g = new SiteGenerator(seed);
        List<String> dirs = g.directories();
        g.files.put("index.html", g.html("home"));
        for (String dir : dirs) {
            g.files.put(dir + "/index.html", g.html(dir));
        }
        while (g.files.size() < count) {
            g.addOne(dirs.get(g.random.nextInt(dirs.size())));
        }
        return g.files;
    }

    /** Writes the files under {@code root}. */
    static void write(Path root, Map<String, byte[]> files) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = root.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> directories() {
        List<String> dirs = new ArrayList<>();
        dirs.add("");
        for (int i = 0; i < 24; i++) {
            String parent = dirs.get(random.nextInt(dirs.size()));
            if (parent.chars().filter(c -> c == '/').count() < 3) {
                dirs.add((parent.isEmpty() ? "" : parent + "/") + "d-" + i);
            }
        }
        dirs.removeFirst();
        return dirs;
    }

    private void addOne(String dir) {
        int n = counter++;
        String prefix = random.nextInt(5) == 0 ? "" : dir + "/";
        switch (random.nextInt(7)) {
            case 0 -> files.put(prefix + "page-" + n + ".html", html(prefix + n));
            case 1 -> files.put(prefix + "style-" + n + ".css", text("body { color: #" + n + "; }\n", 4000));
            case 2 -> files.put(prefix + "app-" + n + ".js", text("console.log('" + n + "');\n", 8000));
            case 3 ->
                files.put(
                        prefix + "img-" + n + ".png", binary(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
            case 4 ->
                files.put(
                        prefix + "photo-" + n + ".jpg",
                        binary(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
            case 5 -> files.put(prefix + "font-" + n + ".woff2", binary(new byte[] {'w', 'O', 'F', '2'}));
            default -> files.put(prefix + "data-" + n + ".json", text("{\"n\": " + n + ", \"pad\": \"", 2000, "\"}\n"));
        }
    }

    private byte[] html(String title) {
        StringBuilder b = new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(title)
                .append("</title></head><body>\n");
        int paragraphs = 1 + random.nextInt(30);
        for (int i = 0; i < paragraphs; i++) {
            b.append("<p>").append(words(5 + random.nextInt(60))).append("</p>\n");
        }
        return b.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] text(String head, int maxPad) {
        return text(head, maxPad, "");
    }

    private byte[] text(String head, int maxPad, String tail) {
        StringBuilder b = new StringBuilder(head);
        int pad = random.nextInt(maxPad);
        for (int i = 0; i < pad; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] binary(byte[] magic) {
        // Mostly small, a few up to 512 KiB so bodies cross buffer boundaries.
        int size = random.nextInt(10) == 0 ? 65_536 + random.nextInt(458_752) : 16 + random.nextInt(40_000);
        byte[] bytes = new byte[magic.length + size];
        random.nextBytes(bytes);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    private String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }
}
