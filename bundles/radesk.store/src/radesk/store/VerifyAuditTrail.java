package radesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import radesk.core.DataFolder;
import radesk.core.audit.AuditChain;
import radesk.core.audit.AuditEntry;

/**
 * The headless audit check: {@code radesk-verify-audit.sh [data folder]} walks the whole hash
 * chain of an embedded RA database and names the first entry that was changed, removed or
 * inserted. Exit code 0 when intact, 1 when broken, 2 when the database cannot be read.
 */
public final class VerifyAuditTrail {

	private VerifyAuditTrail() {
	}

	public static void main(String[] args) {
		Path data = (args.length > 0 ? Path.of(args[0]) : DataFolder.resolve()).toAbsolutePath();
		Path file = data.resolve("db").resolve("radesk");
		if (!Files.exists(Path.of(file + ".mv.db"))) {
			System.err.println("no RA Desk database in " + data);
			System.exit(2);
		}
		// IFEXISTS: never create an empty database by mistake; ACCESS_MODE_DATA=r: the check changes nothing
		String url = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
		try (Connection c = DriverManager.getConnection(url, "radesk", "")) {
			List<AuditEntry> entries = AuditRecords.all(c);
			Optional<AuditEntry> broken = AuditChain.firstBroken(entries);
			if (broken.isEmpty()) {
				System.out.println("audit trail intact: " + entries.size() + " entries");
				System.exit(0);
			}
			AuditEntry e = broken.get();
			System.out.println("audit trail BROKEN at entry " + e.seq() + " (" + e.at() + ", " + e.actor() + ", " + e.action()
					+ ", " + e.subject() + "): it or the entry before it was changed, removed or inserted");
			System.exit(1);
		} catch (SQLException e) {
			System.err.println("cannot read the RA database (is RA Desk still running?): " + e.getMessage());
			System.exit(2);
		}
	}
}
