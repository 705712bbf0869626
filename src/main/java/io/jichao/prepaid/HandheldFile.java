package io.jichao.prepaid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jichao.shared.DomainException;

/**
 * The signed envelope of handheld task and result files (docs/handheld-format.md): UTF-8 text,
 * one record per line, fields separated by tabs. A header line (kind, version, site, task,
 * created at, operator, row count), numbered rows, and an END trailer with the row count. Every
 * line carries an HMAC-SHA256 with the site's secret: the header's and each row's (bound to the
 * task id) say which line was edited; the trailer's covers the whole file, so a removed, added or
 * reordered line is found as well. Pure JDK, no Spring.
 */
public record HandheldFile(Kind kind, String siteId, String taskId, Instant createdAt, String operator,
                           List<List<String>> rows) {

    public static final int VERSION = 1;
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    static final String END = "END";
    private static final HexFormat HEX = HexFormat.of();

    /** The two files of a task: what the handheld must do, and what it did. */
    public enum Kind {
        TASK("JICHAO-HANDHELD-TASK", "TASK", 7),
        RESULT("JICHAO-HANDHELD-RESULT", "RESULT", 9);

        final String magic;
        final String rowTag;
        /** Fields of a row between its number and its MAC. */
        final int rowFields;

        Kind(String magic, String rowTag, int rowFields) {
            this.magic = magic;
            this.rowTag = rowTag;
            this.rowFields = rowFields;
        }
    }

    public HandheldFile {
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != kind.rowFields) {
                throw new IllegalArgumentException("a " + kind + " row has " + kind.rowFields + " fields: " + row);
            }
        }
    }

    /** The file as bytes, signed with the site's secret. */
    public byte[] write(byte[] secret) {
        StringBuilder text = new StringBuilder();
        List<String> header = List.of(kind.magic, String.valueOf(VERSION), siteId, taskId, createdAt.toString(),
                clean(operator), String.valueOf(rows.size()));
        text.append(signed(header, "", secret));
        for (int i = 0; i < rows.size(); i++) {
            List<String> fields = new ArrayList<>();
            fields.add(kind.rowTag);
            fields.add(String.valueOf(i + 1));
            rows.get(i).forEach(field -> fields.add(clean(field)));
            text.append(signed(fields, taskId + "\t", secret));
        }
        String end = END + "\t" + rows.size();
        String fileMac = mac(secret, text + end);
        text.append(end).append('\t').append(fileMac).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads and checks a file; any problem refuses the whole file with a message key naming the
     * line and what is wrong. {@code siteId} and {@code secret} are this site's.
     */
    public static HandheldFile read(InputStream in, Kind expected, String siteId, byte[] secret) {
        List<String> lines = lines(in);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new DomainException("error.handheld.empty");
        }
        String[] header = lines.getFirst().split("\t", -1);
        if (!header[0].equals(expected.magic)) {
            throw new DomainException("error.handheld.not.handheld", expected.magic, abbreviate(header[0]));
        }
        if (header.length < 2 || !header[1].equals(String.valueOf(VERSION))) {
            throw new DomainException("error.handheld.version", header.length < 2 ? "" : abbreviate(header[1]), VERSION);
        }
        if (header.length != 8) {
            throw new DomainException("error.handheld.line.malformed", 1, header.length, 8);
        }
        if (!header[2].equals(siteId)) {
            throw new DomainException("error.handheld.foreign", abbreviate(header[2]), siteId);
        }
        if (!verify(secret, lines.getFirst())) {
            throw new DomainException("error.handheld.header.signature");
        }
        String taskId = header[3];
        Instant createdAt;
        int announced;
        try {
            createdAt = Instant.parse(header[4]);
            announced = Integer.parseInt(header[6]);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DomainException("error.handheld.line.malformed", 1, header.length, 8);
        }
        List<List<String>> rows = new ArrayList<>();
        StringBuilder signedText = new StringBuilder(lines.getFirst()).append('\n');
        for (int index = 1; index < lines.size(); index++) {
            String line = lines.get(index);
            int lineNumber = index + 1;
            String[] fields = line.split("\t", -1);
            if (fields[0].equals(END)) {
                if (fields.length != 3) {
                    throw new DomainException("error.handheld.line.malformed", lineNumber, fields.length, 3);
                }
                if (!fields[1].equals(String.valueOf(announced)) || rows.size() != announced) {
                    throw new DomainException("error.handheld.row.count", announced, rows.size());
                }
                if (!MessageDigest.isEqual(bytes(fields[2]),
                        bytes(mac(secret, signedText + END + "\t" + fields[1])))) {
                    throw new DomainException("error.handheld.file.signature");
                }
                for (int after = index + 1; after < lines.size(); after++) {
                    if (!lines.get(after).isBlank()) {
                        throw new DomainException("error.handheld.after.end", after + 1);
                    }
                }
                return new HandheldFile(expected, siteId, taskId, createdAt, header[5], rows);
            }
            boolean last = index == lines.size() - 1;
            if (!fields[0].equals(expected.rowTag) || fields.length != expected.rowFields + 3) {
                if (last) {
                    // A file cut in the middle of a line: say "incomplete", not "malformed".
                    throw new DomainException("error.handheld.partial", rows.size(), announced);
                }
                throw new DomainException("error.handheld.line.malformed", lineNumber, fields.length,
                        expected.rowFields + 3);
            }
            if (!verify(secret, taskId + "\t" + line)) {
                if (last && fields[fields.length - 1].length() < 64) {
                    throw new DomainException("error.handheld.partial", rows.size(), announced);
                }
                throw new DomainException("error.handheld.row.signature", lineNumber, fields[1]);
            }
            if (!fields[1].equals(String.valueOf(rows.size() + 1))) {
                throw new DomainException("error.handheld.row.number", lineNumber, fields[1], rows.size() + 1);
            }
            rows.add(Arrays.asList(fields).subList(2, 2 + expected.rowFields));
            signedText.append(line).append('\n');
        }
        throw new DomainException("error.handheld.partial", rows.size(), announced);
    }

    /** SHA-256 of a file's bytes, hex: tells a repeated import of the same file. */
    public static String digest(byte[] content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(List<String> fields, String boundTo, byte[] secret) {
        String line = String.join("\t", fields);
        return line + "\t" + mac(secret, boundTo + line) + "\n";
    }

    /** Whether the last field of {@code text} is the MAC of what precedes it. */
    private static boolean verify(byte[] secret, String text) {
        int cut = text.lastIndexOf('\t');
        return cut > 0 && MessageDigest.isEqual(bytes(text.substring(cut + 1)), bytes(mac(secret, text.substring(0, cut))));
    }

    static String mac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Tabs and line breaks would break the layout; a person's text keeps its words. */
    private static String clean(String field) {
        return field == null ? "" : field.replaceAll("[\\t\\r\\n]", " ");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Lines without their breaks (LF or CRLF); a UTF-8 BOM is skipped; more than MAX_BYTES is refused. */
    private static List<String> lines(InputStream in) {
        byte[] content;
        try {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException("error.handheld.too.large", MAX_BYTES / (1024 * 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new DomainException("error.handheld.unreadable");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }
}
