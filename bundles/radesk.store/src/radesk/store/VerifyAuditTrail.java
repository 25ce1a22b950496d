package radesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import radesk.core.DataFolder;
import radesk.core.audit.AuditAnchor;
import radesk.core.audit.AuditChain;
import radesk.core.audit.AuditEntry;

/**
 * The headless audit check: {@code radesk-verify-audit.sh [data folder] [anchor file]} walks the
 * whole hash chain of the RA's records (the embedded H2 file, or the PostgreSQL database that
 * {@code <data>/db/database.properties} names) and names the first entry that was changed, removed
 * or inserted. Given the last anchor the operator kept (written by the RA to
 * {@code <data>/audit/anchors/}, signed with the key whose public half is
 * {@code <data>/ra/audit-anchor.pub}), it also finds a tail cut off or a trail rebuilt. Exit code 0
 * when intact, 1 when broken, 2 when the database or the anchor cannot be read.
 */
public final class VerifyAuditTrail {

	private VerifyAuditTrail() {
	}

	/** The anchor in {@code file}, its signature checked with the RA's anchor key; exits 2 when it does not hold. */
	private static AuditAnchor anchored(Path data, Path file) {
		try {
			AuditAnchor anchor = AuditAnchor.parse(Files.readString(file)).orElse(null);
			java.security.PublicKey key = java.security.KeyFactory.getInstance("EC").generatePublic(
					new java.security.spec.X509EncodedKeySpec(Files.readAllBytes(data.resolve("ra").resolve("audit-anchor.pub"))));
			if (anchor == null || !anchor.signedBy(key)) {
				System.err.println("the anchor " + file + " is not one the RA signed");
				System.exit(2);
			}
			return anchor;
		} catch (java.io.IOException | java.security.GeneralSecurityException e) {
			System.err.println("cannot read the anchor or the RA's anchor key: " + e.getMessage());
			System.exit(2);
			return null;
		}
	}

	/** Held, so the setting stays: the pool's start and stop lines are not the tool's output. */
	private static final java.util.logging.Logger POOL_LOG = java.util.logging.Logger.getLogger("com.zaxxer.hikari");

	public static void main(String[] args) {
		POOL_LOG.setLevel(java.util.logging.Level.WARNING);
		Path data = (args.length > 0 ? Path.of(args[0]) : DataFolder.resolve()).toAbsolutePath();
		Optional<DatabaseSettings> shared;
		try {
			// a folder given: its own settings (a copy's, a restored one's); none: this installation's
			shared = args.length > 0 ? DatabaseSettings.of(data) : DatabaseSettings.load(data);
		} catch (java.io.IOException e) {
			System.err.println("cannot read the database settings: " + e.getMessage());
			System.exit(2);
			return;
		}
		Path file = data.resolve("db").resolve("radesk");
		if (shared.isEmpty() && !Files.exists(Path.of(file + ".mv.db"))) {
			System.err.println("no RA Desk database in " + data);
			System.exit(2);
		}
		// IFEXISTS: never create an empty database by mistake; ACCESS_MODE_DATA=r: the check changes nothing
		String url = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
		radesk.store.internal.PostgresDatabase postgres = null;
		try (Connection c = shared.isPresent() ? (postgres = new radesk.store.internal.PostgresDatabase(shared.get(), false)).connect()
				: DriverManager.getConnection(url, "radesk", "")) {
			c.setReadOnly(true);
			List<AuditEntry> entries = AuditRecords.all(c);
			Optional<AuditEntry> broken = AuditChain.firstBroken(entries);
			if (broken.isEmpty() && args.length > 1) {
				Optional<String> breach = anchored(data, Path.of(args[1])).breach(entries);
				if (breach.isPresent()) {
					System.out.println("audit trail BROKEN: " + breach.get());
					System.exit(1);
				}
				System.out.println("audit trail intact: " + entries.size() + " entries, and it holds the anchored entry");
				System.exit(0);
			}
			if (broken.isEmpty()) {
				System.out.println("audit trail intact: " + entries.size() + " entries");
				System.exit(0);
			}
			AuditEntry e = broken.get();
			System.out.println("audit trail BROKEN at entry " + e.seq() + " (" + e.at() + ", " + e.actor() + ", " + e.action()
					+ ", " + e.subject() + "): it or the entry before it was changed, removed or inserted");
			System.exit(1);
		} catch (SQLException | RuntimeException e) {
			System.err.println("cannot read the RA database (is RA Desk still running?): " + e.getMessage());
			System.exit(2);
		} finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}
}
