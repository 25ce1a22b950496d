package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prefix searches over the indexed columns: ID number, name, account, card serial, certificate
 * serial and 憑證識別碼. A prefix LIKE uses the column's index, so answers come as one types.
 */
public final class SearchRecords {

	public record Hit(String kind, String key, String title, String state, String detail) {
	}

	private SearchRecords() {
	}

	/** {@code text} as typed, upper-cased (ID numbers, serials) and lower-cased (accounts). */
	public static List<Hit> find(Connection c, String text, String upper, String lower, int limit) throws SQLException {
		String prefix = escape(text) + "%";
		String upperPrefix = escape(upper) + "%";
		String lowerPrefix = escape(lower) + "%";
		List<Hit> hits = new ArrayList<>();
		hits.addAll(Rows.list(c, "select id, name, account, national_id from subscriber where national_id like ? escape '\\'"
				+ " or name like ? escape '\\' or account like ? escape '\\' order by name limit ?",
				rs -> new Hit("SUBSCRIBER", rs.getString(1), rs.getString(2), "", rs.getString(3) + " · " + mask(rs.getString(4))),
				upperPrefix, prefix, lowerPrefix, limit));
		hits.addAll(Rows.list(c, "select id, applicant_name, state, national_id from registration_request"
				+ " where national_id like ? escape '\\' or applicant_name like ? escape '\\' order by received_at desc limit ?",
				rs -> new Hit("REQUEST", rs.getString(1), rs.getString(2), rs.getString(3), mask(rs.getString(4))),
				upperPrefix, prefix, limit));
		hits.addAll(Rows.list(c, "select serial, state from card where serial like ? escape '\\' order by serial limit ?",
				rs -> new Hit("CARD", rs.getString(1), rs.getString(1), rs.getString(2), ""), upperPrefix, limit));
		hits.addAll(Rows.list(c, "select serial, identifier, state from certificate where serial like ? escape '\\'"
				+ " or identifier like ? escape '\\' order by not_after desc limit ?",
				rs -> new Hit("CERTIFICATE", rs.getString(1), rs.getString(2), rs.getString(3), ""), lowerPrefix, upperPrefix, limit));
		return hits;
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String mask(String id) {
		return id == null || id.length() < 10 ? "" : id.charAt(0) + "******" + id.substring(7);
	}
}
