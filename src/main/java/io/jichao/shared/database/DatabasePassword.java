package io.jichao.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded database's password: generated with {@link SecureRandom} at the first start, kept
 * in a file inside the data directory that only its owner may read (POSIX 600, the directory 700),
 * and read back at every later start. Whoever can read it can already read the database files.
 */
final class DatabasePassword {

    static final String FILE_NAME = ".jichao-db-password";
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 32;

    private DatabasePassword() {
    }

    /** The password kept in {@code dataDir}, created (with the folder) when there is none yet. */
    static String loadOrCreate(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            ownerOnly(dataDir, OWNER_ONLY_DIR);
            Path file = dataDir.resolve(FILE_NAME);
            if (Files.exists(file)) {
                ownerOnly(file, OWNER_ONLY_FILE);
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (kept.isEmpty()) {
                    throw new IllegalStateException("The embedded database's password file " + file + " is empty;"
                            + " restore it from a backup (the database was secured with it)");
                }
                return kept;
            }
            String password = generate();
            Path written = Files.createTempFile(dataDir, FILE_NAME, ".new");
            ownerOnly(written, OWNER_ONLY_FILE);
            Files.writeString(written, password, StandardCharsets.US_ASCII);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded database's password in " + dataDir, e);
        }
    }

    /** MariaDB's {@code mysql_native_password} hash: {@code *} and SHA-1(SHA-1(password)) in upper-case hex. */
    static String nativeHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
