package radesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import radesk.api.staff.SearchDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.store.Database;
import radesk.store.SearchRecords;
import radesk.testing.TestIds;

/**
 * 查詢 over N subscribers (with their N requests): the search screen's call — ID number, name,
 * account, card and certificate serials, 憑證識別碼, as typed — against the raw SQL query that
 * answers the same prefix on the subscriber table alone, both on the same database (the H2 file,
 * or PostgreSQL in the benchmarks' second run). p99 latency of
 * 3,000 prefixes as a clerk types them (4 to 6 characters of an ID number, an account or a name).
 */
final class SearchBench {

	private final Database db;
	private final SearchDesk desk;
	/** The subscribers loaded by the first round, for every round. */
	private List<String> ids;

	SearchBench(Database db, SearchDesk desk) {
		this.db = db;
		this.desk = desk;
	}

	void run(int n) throws Exception {
		if (ids == null) {
			ids = new ArrayList<>(n);
			load(n, ids);
		}
		Actor clerk = new Actor("bench.clerk", Role.COUNTER_CLERK, "bench");
		Random pick = new Random(7);
		List<String> prefixes = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			int row = pick.nextInt(n);
			prefixes.add(switch (i % 3) {
			case 0 -> ids.get(row).substring(0, 4 + pick.nextInt(3));
			case 1 -> String.format("ra%08d", row).substring(0, 6 + pick.nextInt(3));
			default -> {
				String name = "申請人" + row;
				yield name.substring(0, Math.min(name.length(), 5 + pick.nextInt(2)));
			}
			});
		}
		for (String p : prefixes.subList(0, 500)) { // the JIT's and the caches' warm-up, not timed
			desk.search(clerk, p, 50);
			raw(p);
		}
		long[] ours = new long[prefixes.size()];
		long[] same = new long[prefixes.size()];
		long[] single = new long[prefixes.size()];
		for (int i = 0; i < prefixes.size(); i++) {
			String p = prefixes.get(i);
			// whoever goes first reads the pages from disk for the others: take turns
			int first = (i / 3) % 3; // the prefix kinds cycle with i % 3: rotate across them too
			for (int k = 0; k < 3; k++) {
				int which = (first + k) % 3;
				long start = System.nanoTime();
				if (which == 0) {
					desk.search(clerk, p, 50);
				} else if (which == 1) {
					try (Connection c = db.connect()) {
						SearchRecords.find(c, p, p.toUpperCase(Locale.ROOT), p.toLowerCase(Locale.ROOT), 50);
					}
				} else {
					raw(p);
				}
				long took = System.nanoTime() - start;
				(which == 0 ? ours : which == 1 ? same : single)[i] = took;
			}
		}
		double oursP99 = p99(ours) / 1e6;
		double sameP99 = p99(same) / 1e6;
		Report.ratio("search p99 over " + n + " subscribers (as typed, 50 hits)" + (db.embedded() ? "" : " on PostgreSQL"), oursP99, "raw SQL, same queries", sameP99, "ms",
				"<= 2.00");
		Report.detail("  the same, against one prefix query on one table", oursP99, "raw SQL, one query", p99(single) / 1e6, "ms");
		Report.detail("  median (p50) against the same queries", p50(ours) / 1e6, "raw SQL, same queries", p50(same) / 1e6, "ms");
	}

	/** The peer: one prefix query on the subscriber table, on whichever column the text fits. */
	private int raw(String text) throws Exception {
		String column = Character.isLetter(text.charAt(0)) && Character.isUpperCase(text.charAt(0)) ? "national_id"
				: text.startsWith("ra") ? "account" : "name";
		try (Connection c = db.connect();
				PreparedStatement ps = c.prepareStatement("select id, name, account, national_id from subscriber where " + column
						+ " like ? order by " + column + " limit 50")) {
			ps.setString(1, text + "%");
			int rows = 0;
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rows++;
				}
			}
			return rows;
		}
	}

	private static long p50(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long p99(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
	}

	private void load(int n, List<String> ids) throws Exception {
		long start = System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			long firstRequest;
			try (PreparedStatement max = c.prepareStatement("select coalesce(max(id), 0) from registration_request");
					ResultSet rs = max.executeQuery()) {
				rs.next();
				firstRequest = rs.getLong(1) + 1;
			}
			try (PreparedStatement req = c.prepareStatement("insert into registration_request (id, channel, state, applicant_name,"
					+ " national_id, email, ra_unit, workstation, received_at, submitted_by) values (?, 'COUNTER', 'DELIVERED', ?, ?, ?,"
					+ " 'HQ', 'bench', ?, 'bench')");
					PreparedStatement sub = c.prepareStatement("insert into subscriber (account, national_id, name, email, ra_unit,"
							+ " pseudonym, password_hash, request_id, created_at) values (?, ?, ?, ?, 'HQ', ?, 'x', ?, ?)")) {
				// the other benchmarks' subscribers are in the table already: their ID numbers are taken
				java.util.Set<String> seen = new java.util.HashSet<>();
				try (PreparedStatement taken = c.prepareStatement("select national_id from subscriber union select national_id"
						+ " from registration_request"); ResultSet rs = taken.executeQuery()) {
					while (rs.next()) {
						seen.add(rs.getString(1));
					}
				}
				for (int i = 0; i < n; i++) {
					String id;
					do {
						id = TestIds.nationalId();
					} while (!seen.add(id));
					ids.add(id);
					req.setLong(1, firstRequest + i);
					req.setString(2, "申請人" + i);
					req.setString(3, id);
					req.setString(4, "s" + i + "@example.tw");
					req.setTimestamp(5, now);
					req.addBatch();
					sub.setString(1, String.format("ra%08d", i));
					sub.setString(2, id);
					sub.setString(3, "申請人" + i);
					sub.setString(4, "s" + i + "@example.tw");
					sub.setString(5, "p" + i);
					sub.setLong(6, firstRequest + i);
					sub.setTimestamp(7, now);
					sub.addBatch();
					if (i % 10_000 == 9_999) {
						req.executeBatch();
						sub.executeBatch();
						c.commit();
					}
				}
				req.executeBatch();
				sub.executeBatch();
				c.commit();
			}
			// the ids were given here: the table's own numbering goes on after them
			try (var alter = c.createStatement()) {
				alter.execute("alter table registration_request alter column id restart with " + (firstRequest + n));
			}
			c.commit();
		}
		System.out.println(String.format(java.util.Locale.ROOT, "  (loaded %d subscribers in %.0f s)", n,
				(System.nanoTime() - start) / 1e9));
	}
}
