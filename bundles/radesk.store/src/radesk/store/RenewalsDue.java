package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The counter's "due for renewal" list: certificates on their cards ending within a period, not
 * renewed, with their subscriber and the latest notice sent about each (the lowest stage reached).
 */
public final class RenewalsDue {

	/** One certificate due; {@code stage} 0 and {@code noticeState} null when no notice was made yet. */
	public record Row(String certificateSerial, String identifier, Instant notAfter, String name, String account, String raUnit,
			String email, boolean verified, String undeliverable, int stage, String noticeState) {
	}

	private static final String FROM = " from certificate c join subscriber s on s.id = c.subscriber_id";
	/** The latest notice: the lowest stage reached. */
	private static final String LATEST_NOTICE = " left join notice n on n.certificate_serial = c.serial"
			+ " and n.stage = (select min(m.stage) from notice m where m.certificate_serial = c.serial)";
	private static final String WHERE = " where c.state = 'ON_CARD' and c.not_after >= ? and c.not_after < ? and (? = '' or s.ra_unit = ?)"
			+ Notices.NOT_RENEWED;

	private RenewalsDue() {
	}

	/** How many certificates end in [{@code from}, {@code until}) in the unit ("" for every unit). */
	public static int count(Connection c, Instant from, Instant until, String raUnit) throws SQLException {
		return Rows.one(c, "select count(*)" + FROM + WHERE, rs -> rs.getInt(1), from, until, raUnit, raUnit).orElse(0);
	}

	/** The first {@code limit} of them, soonest end first. */
	public static List<Row> list(Connection c, Instant from, Instant until, String raUnit, int limit) throws SQLException {
		return Rows.list(c, "select c.serial, c.identifier, c.not_after, s.name, s.account, s.ra_unit, s.email,"
				+ " s.email_verified_at is not null, s.email_undeliverable,"
				+ " coalesce(n.stage, 0), n.state" + FROM + LATEST_NOTICE + WHERE
						+ " order by c.state, c.not_after, c.serial fetch first " + limit + " rows only",
				rs -> new Row(rs.getString(1), rs.getString(2), Rows.instant(rs, "not_after"), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getInt(10), rs.getString(11)),
				from, until, raUnit, raUnit);
	}
}
