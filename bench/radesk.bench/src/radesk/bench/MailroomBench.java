package radesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import radesk.api.staff.MailroomDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.store.Database;
import radesk.testing.TestIds;

/**
 * The mailroom's CSV import of N postal forms (each row checked, stored and audited) against a
 * plain JDBC batch insert of the same rows into the same table, in one transaction.
 */
final class MailroomBench {

	private final Database db;
	private final MailroomDesk desk;

	MailroomBench(Database db, MailroomDesk desk) {
		this.db = db;
		this.desk = desk;
	}

	void run(int n) throws Exception {
		StringBuilder csv = new StringBuilder("name,national_id,email,ra_unit\n");
		for (int i = 0; i < n; i++) {
			csv.append("郵寄申請人").append(i).append(',').append(TestIds.nationalId()).append(",p").append(i).append("@example.tw,HQ\n");
		}
		List<String> plainIds = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			plainIds.add(TestIds.nationalId());
		}
		Actor mailroom = new Actor("bench.mail", Role.MAILROOM_CLERK, "bench");
		desk.importPostal(mailroom, warmUp(1000)); // the JIT's warm-up, not timed
		long start = System.nanoTime();
		int stored = desk.importPostal(mailroom, csv.toString()).stored();
		double ours = stored / ((System.nanoTime() - start) / 1e9);

		start = System.nanoTime();
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("insert into registration_request (channel, state, applicant_name,"
					+ " national_id, email, ra_unit, workstation, received_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				Timestamp now = Timestamp.from(Instant.now());
				for (int i = 0; i < n; i++) {
					ps.setString(1, "POSTAL");
					ps.setString(2, "RECEIVED");
					ps.setString(3, "郵寄申請人" + i);
					ps.setString(4, plainIds.get(i));
					ps.setString(5, "q" + i + "@example.tw");
					ps.setString(6, "HQ");
					ps.setString(7, "bench");
					ps.setTimestamp(8, now);
					ps.setString(9, "bench.mail");
					ps.addBatch();
				}
				ps.executeBatch();
			}
			c.commit();
		}
		double plain = n / ((System.nanoTime() - start) / 1e9);
		Report.ratio("mailroom CSV import of " + n + " postal forms (checked, stored, audited)", ours, "plain JDBC batch insert", plain,
				"/s", ">= 0.50");
	}

	private static String warmUp(int n) {
		StringBuilder csv = new StringBuilder("name,national_id,email,ra_unit\n");
		for (int i = 0; i < n; i++) {
			csv.append("暖身").append(i).append(',').append(TestIds.nationalId()).append(",w").append(i).append("@example.tw,HQ\n");
		}
		return csv.toString();
	}
}
