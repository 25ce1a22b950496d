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

	/**
	 * {@code text} as typed, upper-cased (ID numbers, serials) and lower-cased (accounts, certificate
	 * serials). Each column is asked only when the text can be the start of such a value, one
	 * indexed prefix query per column, so the answer stays quick on a million subscribers: an ID
	 * number starts with a letter and digits (or a second letter A–D, the old resident
	 * certificates), an account with "ra", a card serial with "RD", a 憑證識別碼 with "C", a
	 * certificate serial is hexadecimal; anything else is a name.
	 */
	public static List<Hit> find(Connection c, String text, String upper, String lower, int limit) throws SQLException {
		boolean idNumber = upper.matches("[A-Z]([0-9A-D][0-9]{0,8})?");
		boolean account = lower.matches("r(a[0-9]{0,8})?");
		boolean card = upper.matches("R(D[0-9]{0,10})?");
		boolean identifier = upper.matches("C[0-9]{0,11}");
		boolean serial = lower.length() >= 4 && lower.matches("[0-9a-f]{4,40}");
		boolean name = !(idNumber || account || card || identifier || serial) || !upper.equals(text) && !lower.equals(text);
		List<Hit> hits = new ArrayList<>();
		if (idNumber) {
			hits.addAll(subscribers(c, "national_id", upper, limit));
		}
		if (account) {
			hits.addAll(subscribers(c, "account", lower, limit));
		}
		if (name) {
			hits.addAll(subscribers(c, "name", text, limit));
		}
		if (idNumber) {
			hits.addAll(requests(c, "national_id", upper, limit));
		}
		if (name) {
			hits.addAll(requests(c, "applicant_name", text, limit));
		}
		if (card) {
			hits.addAll(Rows.list(c, "select serial, state from card where serial like ? escape '\\' order by serial limit ?",
					rs -> new Hit("CARD", rs.getString(1), rs.getString(1), rs.getString(2), ""), escape(upper) + "%", limit));
		}
		if (identifier) {
			hits.addAll(certificates(c, "identifier", upper, limit));
		}
		if (serial) {
			hits.addAll(certificates(c, "serial", lower, limit));
		}
		return hits;
	}

	private static List<Hit> subscribers(Connection c, String column, String prefix, int limit) throws SQLException {
		return Rows.list(c, "select id, name, account, national_id from subscriber where " + column + " like ? escape '\\' order by "
				+ column + " limit ?",
				rs -> new Hit("SUBSCRIBER", rs.getString(1), rs.getString(2), "", rs.getString(3) + " · " + mask(rs.getString(4))),
				escape(prefix) + "%", limit);
	}

	private static List<Hit> requests(Connection c, String column, String prefix, int limit) throws SQLException {
		return Rows.list(c, "select id, applicant_name, state, national_id from registration_request where " + column
				+ " like ? escape '\\' order by " + column + " limit ?",
				rs -> new Hit("REQUEST", rs.getString(1), rs.getString(2), rs.getString(3), mask(rs.getString(4))), escape(prefix) + "%",
				limit);
	}

	private static List<Hit> certificates(Connection c, String column, String prefix, int limit) throws SQLException {
		return Rows.list(c, "select serial, identifier, state from certificate where " + column + " like ? escape '\\' order by "
				+ column + " limit ?", rs -> new Hit("CERTIFICATE", rs.getString(1), rs.getString(2), rs.getString(3), ""),
				escape(prefix) + "%", limit);
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String mask(String id) {
		return id == null || id.length() < 10 ? "" : id.charAt(0) + "******" + id.substring(7);
	}
}
