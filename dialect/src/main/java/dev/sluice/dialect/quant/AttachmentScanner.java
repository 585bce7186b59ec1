package dev.sluice.dialect.quant;

import dev.sluice.content.ContentPaths;
import dev.sluice.core.SluiceException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the assets a page links to, for the {@code attachments} of a content push (spec §1.2, §6.2):
 * every {@code href} and {@code src} attribute whose URL is on the same site (relative or
 * root-relative; never a scheme, {@code //host} or {@code data:}), resolved against the page's URL,
 * without query or fragment, and sorted by extension into Quant's groups. Pages (no known asset
 * extension) are not attachments. A plain regex, not an HTML parser: a link the scan misses is only
 * uploaded again by the client.
 */
final class AttachmentScanner {

    /** One linked asset: its group, its site path, and the reference as written in the markup. */
    record Attachment(Group group, String path, String original) {}

    /** Quant's attachment groups. */
    enum Group {
        CSS,
        JS,
        IMAGES,
        DOCUMENTS,
        VIDEO,
        AUDIO
    }

    private static final Map<String, Group> BY_EXTENSION = extensions(Map.of(
            Group.CSS, "css",
            Group.JS, "js mjs",
            Group.IMAGES, "png jpg jpeg gif svg webp avif ico bmp tif tiff",
            Group.DOCUMENTS, "pdf doc docx xls xlsx ppt pptx odt ods txt csv zip rtf",
            Group.VIDEO, "mp4 webm ogv mov m4v",
            Group.AUDIO, "mp3 wav ogg oga m4a flac aac"));

    static final int MAX_ATTACHMENTS = 500;

    private static final Pattern REFERENCE =
            Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private AttachmentScanner() {}

    /** The distinct assets the markup links to, in order of first appearance, at most {@value #MAX_ATTACHMENTS}. */
    static List<Attachment> scan(String pageUrl, String markup) {
        Map<String, Attachment> found = new LinkedHashMap<>();
        Matcher m = REFERENCE.matcher(markup);
        while (m.find() && found.size() < MAX_ATTACHMENTS) {
            String original = firstGroup(m).trim();
            String path = resolve(pageUrl, original);
            @Nullable Group group = path.isEmpty() ? null : group(path);
            if (group != null) {
                found.putIfAbsent(path, new Attachment(group, path, original));
            }
        }
        return List.copyOf(found.values());
    }

    private static String firstGroup(Matcher m) {
        for (int i = 1; i <= 3; i++) {
            String g = m.group(i);
            if (g != null) {
                return g;
            }
        }
        return "";
    }

    /** The site path of a reference, or "" when it is off-site or not a plain path. */
    static String resolve(String pageUrl, String reference) {
        String ref = cut(cut(reference, '#'), '?');
        if (ref.isEmpty() || ref.startsWith("//") || SCHEME.matcher(ref).find()) {
            return "";
        }
        String joined = ref.startsWith("/") ? ref : pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1) + ref;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : joined.split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return ""; // above the root
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        try {
            return ContentPaths.validated("/" + String.join("/", segments));
        } catch (SluiceException e) {
            return "";
        }
    }

    private static String cut(String s, char at) {
        int i = s.indexOf(at);
        return i < 0 ? s : s.substring(0, i);
    }

    private static @Nullable Group group(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.get(extension);
    }

    private static Map<String, Group> extensions(Map<Group, String> lists) {
        Map<String, Group> byExtension = new HashMap<>();
        lists.forEach((group, list) -> {
            for (String extension : list.split(" ", -1)) {
                byExtension.put(extension, group);
            }
        });
        return Map.copyOf(byExtension);
    }
}
