package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import radesk.core.access.Role;

/** Staff accounts inside a transaction. */
public final class StaffRecords {

	private static final String COLUMNS = "account, display_name, role, password_hash, active, password_strikes, suspended, row_version,"
			+ " extra_roles";

	private StaffRecords() {
	}

	private static Rows.Mapper<StaffRow> mapper() {
		return rs -> new StaffRow(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
				rs.getBoolean(5), rs.getInt(6), rs.getBoolean(7), rs.getInt(8), roles(rs.getString(9)));
	}

	private static java.util.Set<Role> roles(String list) {
		java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		if (list != null) {
			for (String r : list.split(",")) {
				if (!r.isBlank()) {
					roles.add(Role.valueOf(r.strip()));
				}
			}
		}
		return roles;
	}

	/** Sets the roles besides the main one. */
	public static void extraRoles(Connection c, StaffRow row, java.util.Set<Role> roles) throws SQLException {
		Rows.updateVersioned(c, "staff " + row.account(), "update staff set extra_roles = ?, row_version = row_version + 1"
				+ " where account = ? and row_version = ?", roles.isEmpty() ? null
						: roles.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",")),
				row.account(), row.version());
	}

	public static long count(Connection c) throws SQLException {
		return Rows.one(c, "select count(*) from staff", rs -> rs.getLong(1)).orElse(0L);
	}

	/** The server's one-time code for the first administrator, in place of any earlier one. */
	public static void openSetup(Connection c, String codeHash, Instant expiresAt) throws SQLException {
		Rows.update(c, "delete from first_admin_setup");
		Rows.update(c, "insert into first_admin_setup (id, code_hash, expires_at) values (1, ?, ?)", codeHash, expiresAt);
	}

	/** No code is open any more (an administrator exists). */
	public static void closeSetup(Connection c) throws SQLException {
		Rows.update(c, "delete from first_admin_setup");
	}

	/**
	 * Whether {@code codeHash} is the open code of the server's start, unexpired. {@code use}: the
	 * code is used up by this (of two racing creations, one deletes the row).
	 */
	public static boolean setupAccepts(Connection c, String codeHash, Instant now, boolean use) throws SQLException {
		if (!use) {
			return Rows.one(c, "select count(*) from first_admin_setup where code_hash = ? and expires_at > ?", rs -> rs.getInt(1),
					codeHash, now).orElse(0) == 1;
		}
		return Rows.update(c, "delete from first_admin_setup where code_hash = ? and expires_at > ?", codeHash, now) == 1;
	}

	public static void insert(Connection c, String account, String displayName, Role role, String passwordHash, Instant at)
			throws SQLException {
		Rows.update(c, "insert into staff (account, display_name, role, password_hash, created_at) values (?, ?, ?, ?, ?)",
				account, displayName, role, passwordHash, at);
	}

	public static Optional<StaffRow> find(Connection c, String account) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from staff where account = ?", mapper(), account);
	}

	public static List<StaffRow> all(Connection c) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from staff order by account", mapper());
	}

	public static void passwordOutcome(Connection c, StaffRow row, int strikes, boolean suspended) throws SQLException {
		Rows.updateVersioned(c, "staff " + row.account(), "update staff set password_strikes = ?, suspended = ?,"
				+ " row_version = row_version + 1 where account = ? and row_version = ?", strikes, suspended, row.account(),
				row.version());
	}

	public static void newPassword(Connection c, StaffRow row, String hash) throws SQLException {
		Rows.updateVersioned(c, "staff " + row.account(), "update staff set password_hash = ?, password_strikes = 0,"
				+ " suspended = false, row_version = row_version + 1 where account = ? and row_version = ?", hash, row.account(),
				row.version());
	}

	/** Adds an RA unit; false (nothing written) when the code exists already. */
	public static boolean insertRaUnit(Connection c, String code, String nameZh, String nameEn) throws SQLException {
		if (Rows.one(c, "select 1 from ra_unit where code = ?", rs -> true, code).isPresent()) {
			return false;
		}
		Rows.update(c, "insert into ra_unit (code, name_zh, name_en) values (?, ?, ?)", code, nameZh, nameEn);
		return true;
	}
}
