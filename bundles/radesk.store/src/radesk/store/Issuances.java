package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import radesk.core.card.CardState;
import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;

/** What the counter still owes approved applicants: account, card, slips, hand-over. */
public final class Issuances {

	/** One approved or registered request with its subscriber and unfinished card, if any. */
	public record Pending(long requestId, Channel channel, RequestState state, String name, String nationalId, String email,
			String raUnit, Instant receivedAt, Long subscriberId, String account, String cardSerial, CardState cardState,
			boolean pinSlipPrinted, boolean passwordSlipPrinted, String address) {
	}

	private Issuances() {
	}

	public static List<Pending> pending(Connection c, int limit) throws SQLException {
		return Rows.list(c, "select r.id, r.channel, r.state, r.applicant_name, r.national_id, r.email, r.ra_unit, r.received_at,"
				+ " s.id, s.account, k.serial, k.state,"
				+ " exists (select 1 from slip_print p where p.kind = 'CARD_PIN' and p.subject = concat('card:', k.serial)),"
				+ " exists (select 1 from slip_print p where p.kind = 'WEBSITE_PASSWORD' and p.subject = concat('subscriber:', s.id)),"
				+ " r.address"
				+ " from registration_request r left join subscriber s on s.id = r.subscriber_id"
				+ " left join card k on k.subscriber_id = s.id and k.state in ('BLANK', 'PERSONALIZED')"
				+ " where r.state in ('APPROVED', 'REGISTERED') order by r.received_at, r.id limit ?",
				rs -> new Pending(rs.getLong(1), Channel.valueOf(rs.getString(2)), RequestState.valueOf(rs.getString(3)),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
						rs.getObject(9, Long.class), rs.getString(10), rs.getString(11),
						rs.getString(12) == null ? null : CardState.valueOf(rs.getString(12)), rs.getBoolean(13), rs.getBoolean(14),
						rs.getString(15) == null ? "" : rs.getString(15)),
				limit);
	}

	public static boolean printed(Connection c, String kind, String subject) throws SQLException {
		return Rows.one(c, "select 1 from slip_print where kind = ? and subject = ?", rs -> true, kind, subject).isPresent();
	}

	/** Records a print; false (and nothing written) when this slip was printed before. */
	public static boolean recordPrint(Connection c, String kind, String subject, String by, Instant at) throws SQLException {
		if (printed(c, kind, subject)) {
			return false;
		}
		Rows.update(c, "insert into slip_print (kind, subject, printed_by, printed_at) values (?, ?, ?, ?)", kind, subject, by, at);
		return true;
	}

	public static void handedOver(Connection c, String cardSerial, String method, String recipient, String trackingNumber,
			boolean readerSold, String by, Instant at) throws SQLException {
		Rows.update(c, "insert into hand_over (card_serial, method, recipient, tracking_number, reader_sold, handed_by, handed_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)", cardSerial, method, recipient, trackingNumber.isEmpty() ? null : trackingNumber,
				readerSold, by, at);
	}

	/** How a card left the counter: method, recipient, tracking number (or null), reader sold. */
	public record HandOverRow(String method, String recipient, String trackingNumber, boolean readerSold, String by, Instant at) {
	}

	public static java.util.Optional<HandOverRow> handOver(Connection c, String cardSerial) throws SQLException {
		return Rows.one(c, "select method, recipient, tracking_number, reader_sold, handed_by, handed_at from hand_over"
				+ " where card_serial = ?", rs -> new HandOverRow(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant()), cardSerial);
	}
}
