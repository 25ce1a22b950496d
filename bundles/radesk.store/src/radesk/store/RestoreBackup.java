package radesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The host command that brings a backup ({@link BackupArchive}) back: {@code radesk-restore.sh
 * <backup.zip> <data folder>}, the RA stopped. The data folder must hold no database yet (a restore
 * never overwrites records). Every entry is checked before anything is written where the RA will
 * look: a name outside the backup's folders (or climbing out with {@code ..}), a file larger than
 * the backup itself claims, a sum that does not match, a file the sums do not list or one they list
 * but the archive lacks — each refuses the whole restore. The files go to a staging folder beside
 * the target, which then takes the data folder's place in one move; the audit trail of the restored
 * records is then verified as {@link VerifyAuditTrail} does. Exit 0 restored and intact, 1 refused,
 * 2 unreadable.
 */
public final class RestoreBackup {

	/** A backup file larger than this is not read (the records of 3.5 million subscribers fit many times over). */
	private static final long MAX_ENTRY = 64L << 30;

	private RestoreBackup() {
	}

	/** Why the restore was refused. */
	static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;

		Refused(String why) {
			super(why);
		}
	}

	/** Restores {@code backup} into {@code data} (absent or empty). */
	static void restore(Path backup, Path data) throws IOException, Refused {
		if (Files.exists(data.resolve(BackupArchive.DATABASE)) || Files.isDirectory(data) && !empty(data)) {
			throw new Refused(data + " is not empty: a restore goes into a fresh data folder, never over records");
		}
		Path parent = data.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path staging = Files.createTempDirectory(parent, ".restore-");
		try {
			Map<String, String> written = new HashMap<>();
			String sums = null;
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
				for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
					String name = e.getName();
					if (name.equals(BackupArchive.SUMS)) {
						sums = new String(zip.readNBytes(1 << 20), StandardCharsets.UTF_8);
						continue;
					}
					if (!allowed(name) || e.isDirectory() || written.containsKey(name)) {
						throw new Refused("the backup holds an entry it should not: " + name);
					}
					Path target = staging.resolve(name).normalize();
					if (!target.startsWith(staging)) {
						throw new Refused("the backup holds an entry outside its folders: " + name);
					}
					Files.createDirectories(target.getParent());
					written.put(name, copy(zip, target));
				}
			}
			if (sums == null) {
				throw new Refused("the backup has no " + BackupArchive.SUMS + ": not an RA Desk backup, or cut short");
			}
			Map<String, String> listed = new HashMap<>();
			for (String line : sums.split("\n")) {
				if (!line.isBlank()) {
					int gap = line.indexOf("  ");
					if (gap != 64) {
						throw new Refused("a line of " + BackupArchive.SUMS + " is not a sum and a name: " + line);
					}
					listed.put(line.substring(gap + 2), line.substring(0, gap));
				}
			}
			if (!listed.equals(written)) {
				for (Map.Entry<String, String> l : listed.entrySet()) {
					if (!written.containsKey(l.getKey())) {
						throw new Refused("the backup lacks " + l.getKey() + ", which its sums list");
					}
					if (!written.get(l.getKey()).equals(l.getValue())) {
						throw new Refused(l.getKey() + " was changed since the backup was made: its SHA-256 does not match");
					}
				}
				throw new Refused("the backup holds files its sums do not list");
			}
			if (!written.containsKey(BackupArchive.DATABASE)) {
				throw new Refused("the backup holds no database");
			}
			if (Files.isDirectory(data)) {
				Files.delete(data); // empty, checked above
			}
			Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			if (Files.exists(staging)) {
				try (Stream<Path> walk = Files.walk(staging)) {
					walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
			}
		}
	}

	private static boolean allowed(String name) {
		if (name.startsWith("/") || name.contains("\\") || name.contains("..") || name.contains("\0")) {
			return false;
		}
		return name.equals(BackupArchive.DATABASE) || BackupArchive.FOLDERS.stream().anyMatch(f -> name.startsWith(f + "/"));
	}

	private static boolean empty(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.findAny().isEmpty();
		}
	}

	private static String copy(InputStream in, Path target) throws IOException, Refused {
		MessageDigest sha = BackupArchive.sha256();
		long total = 0;
		byte[] buffer = new byte[65536];
		try (OutputStream out = Files.newOutputStream(target)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				total += n;
				if (total > MAX_ENTRY) {
					throw new Refused(target.getFileName() + " is larger than any backup file can be");
				}
				sha.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
		}
		BackupArchive.ownerOnly(target);
		return HexFormat.of().formatHex(sha.digest());
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: radesk-restore.sh <backup.zip> <data folder, empty or absent>");
			System.exit(2);
		}
		Path backup = Path.of(args[0]);
		Path data = Path.of(args[1]).toAbsolutePath();
		try {
			restore(backup, data);
			System.out.println("restored " + backup + " into " + data);
		} catch (Refused e) {
			System.out.println("not restored: " + e.getMessage());
			System.exit(1);
		} catch (IOException | RuntimeException e) {
			System.err.println("not restored: the backup or the folder cannot be read or written: " + e.getMessage());
			System.exit(2);
		}
		// the restored trail checked at once, as the operator would next
		VerifyAuditTrail.main(new String[] { data.toString() });
	}
}
