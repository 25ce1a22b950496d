package radesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup of an RA installation, made while it runs: the records (H2's online {@code BACKUP TO}, a
 * consistent copy of the database file taken without stopping anyone) and the folders the records
 * need to be of use — the CA's certificates and token PINs ({@code ca/}), the SoftHSM2 tokens made in
 * the data folder ({@code cards/}: the CA's token among them), the RA's keys ({@code ra/}), the mail settings
 * ({@code notify/}), the server's TLS identity ({@code server/}, without its logs) and the audit
 * anchors ({@code audit/}) — in one zip, with {@value #SUMS} listing each file's SHA-256 last.
 * {@link RestoreBackup} checks every sum before it writes anything. The archive holds private keys:
 * it is readable by its owner only, and belongs where the operator keeps the CA's secrets.
 */
public final class BackupArchive {

	static final String SUMS = "SHA256SUMS";
	/** The folders of the data folder a backup holds besides the database. */
	static final List<String> FOLDERS = List.of("ca", "cards", "ra", "notify", "server", "audit");
	static final String DATABASE = "db/radesk.mv.db";

	private BackupArchive() {
	}

	/** What a backup holds: its files and their sums. */
	public record Made(Path file, int files, long bytes, String sha256) {
	}

	/** Backs up the installation in {@code data}, whose database {@code c} is connected to, into {@code target}. */
	public static Made write(Connection c, Path data, Path target) throws SQLException, IOException {
		Files.createDirectories(target.getParent());
		Path dbZip = Files.createTempFile(target.getParent(), ".db-", ".zip");
		Path staged = Files.createTempFile(target.getParent(), ".backup-", ".zip");
		try {
			Files.delete(dbZip);
			try (Statement s = c.createStatement()) {
				s.execute("BACKUP TO '" + dbZip.toAbsolutePath().toString().replace("'", "''") + "'");
			}
			ownerOnly(staged);
			Map<String, String> sums = new TreeMap<>();
			try (OutputStream file = Files.newOutputStream(staged); ZipOutputStream zip = new ZipOutputStream(file)) {
				try (ZipInputStream db = new ZipInputStream(Files.newInputStream(dbZip))) {
					for (ZipEntry e; (e = db.getNextEntry()) != null;) {
						if (e.getName().endsWith(".mv.db")) {
							sums.put(DATABASE, add(zip, DATABASE, db));
						}
					}
				}
				if (!sums.containsKey(DATABASE)) {
					throw new IOException("the database's online backup held no database file");
				}
				for (String folder : FOLDERS) {
					Path dir = data.resolve(folder);
					if (!Files.isDirectory(dir)) {
						continue;
					}
					List<Path> files;
					try (Stream<Path> walk = Files.walk(dir)) {
						files = walk.filter(Files::isRegularFile).filter(p -> !data.relativize(p).toString().startsWith("server/logs"))
								.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
					}
					for (Path f : files) {
						String name = data.relativize(f).toString().replace('\\', '/');
						try (InputStream in = Files.newInputStream(f)) {
							sums.put(name, add(zip, name, in));
						}
					}
				}
				StringBuilder list = new StringBuilder();
				sums.forEach((name, sum) -> list.append(sum).append("  ").append(name).append('\n'));
				zip.putNextEntry(new ZipEntry(SUMS));
				zip.write(list.toString().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
			return new Made(target, sums.size(), Files.size(target), sha256(target));
		} finally {
			Files.deleteIfExists(dbZip);
			Files.deleteIfExists(staged);
		}
	}

	private static String add(ZipOutputStream zip, String name, InputStream in) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		MessageDigest sha = sha256();
		DigestOutputStream out = new DigestOutputStream(new NonClosing(zip), sha);
		in.transferTo(out);
		out.flush();
		zip.closeEntry();
		return HexFormat.of().formatHex(sha.digest());
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String sha256(Path file) throws IOException {
		MessageDigest sha = sha256();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[65536];
			for (int n; (n = in.read(buffer)) > 0;) {
				sha.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: the folder's own permissions apply
		}
	}

	/** The zip stays open when an entry's stream is closed. */
	private static final class NonClosing extends java.io.FilterOutputStream {
		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() {
			// the zip entry is closed by the caller
		}
	}
}
