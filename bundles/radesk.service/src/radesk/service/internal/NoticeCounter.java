package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.NoticeDesk.DueForRenewal;
import radesk.api.staff.NoticeDesk.DueList;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.notify.MailSettings;
import radesk.notify.MessageIds;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.Mailboxes;
import radesk.store.Notices;
import radesk.store.RenewalsDue;

/**
 * 憑證展期通知 at the counter: the "due for renewal" list and a notice sent again on demand. The
 * re-send queues the notice (the job sends it, under its lease, so never two senders); an in-doubt
 * notice keeps its Message-ID (a mail program that has the first copy sees the same message), any
 * other gets a new one (the subscriber asked for another copy).
 */
final class NoticeCounter {

	static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");
	/** The most rows one list shows; the total says how many there are. */
	static final int SHOWN = 500;

	private final Database db;
	private final EmbeddedRa ra;

	NoticeCounter(Database db, EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	DueList due(Actor staff, String raUnit, YearMonth month) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		if (month == null || month.getYear() < 2000 || month.getYear() > 2200) {
			throw new ServiceException(Reason.INVALID_INPUT, "month: a year (2000 to 2200) and month");
		}
		String unit = raUnit == null ? "" : raUnit.strip().toUpperCase(java.util.Locale.ROOT);
		if (!unit.isEmpty() && !unit.matches("[A-Z0-9]{2,16}")) {
			throw new ServiceException(Reason.INVALID_INPUT, "unitCode: 2 to 16 capital letters or digits");
		}
		Instant now = ra.clock.instant();
		Instant start = month.atDay(1).atStartOfDay(TAIWAN).toInstant();
		Instant from = start.isBefore(now) ? now : start;
		Instant until = month.plusMonths(1).atDay(1).atStartOfDay(TAIWAN).toInstant();
		if (!until.isAfter(from)) {
			return new DueList(0, List.of()); // a month gone by: nothing of it is still to renew
		}
		return db.inTransaction((Connection c) -> {
			int total = RenewalsDue.count(c, from, until, unit);
			List<DueForRenewal> shown = RenewalsDue.list(c, from, until, unit, SHOWN).stream()
					.map(r -> new DueForRenewal(r.certificateSerial(), r.identifier(), r.notAfter(), r.name(), r.account(), r.raUnit(),
							r.email(), r.undeliverable() != null ? "UNDELIVERABLE" : r.verified() ? "CONFIRMED" : "UNCONFIRMED", r.stage(),
							r.noticeState()))
					.toList();
			// names and addresses of many people read at once: on the record, as every other read
			AuditRecords.append(c, staff, "PERSONAL_DATA_READ", "renewals-due:" + month, null,
					(unit.isEmpty() ? "all units" : unit) + ", " + total + " certificates", now);
			return new DueList(total, shown);
		});
	}

	/** Queues the notice again (the caller then has the job send it), or refuses in words; audited either way. */
	void resend(Actor staff, long noticeId) throws ServiceException {
		if (staff == null) {
			Guard.require(null, Permission.RESEND_NOTICE);
		}
		Instant now = ra.clock.instant();
		try {
			Guard.require(staff, Permission.RESEND_NOTICE);
			MailSettings settings = LocalEmailDesk.mailSettings();
			db.inTransaction((Connection c) -> {
				Notices.Row row = Notices.find(c, noticeId).orElseThrow(() -> Guard.notFound("notice " + noticeId));
				if (row.state() == Notices.State.QUEUED || row.state() == Notices.State.SENDING) {
					throw new ServiceException(Reason.WRONG_STATE, "noticeWaiting: the notice is waiting to be sent already");
				}
				if (!Notices.stillDue(c, row.certificateSerial(), now)) {
					throw new ServiceException(Reason.WRONG_STATE,
							"noticeNotDue: the certificate was renewed, revoked or suspended, or has ended");
				}
				Mailboxes.Mailbox box = Mailboxes.of(c, row.subscriberId()).orElseThrow(() -> Guard.notFound("subscriber"));
				if (!box.usable()) {
					throw new ServiceException(Reason.WRONG_STATE, box.undeliverable() != null
							? "emailUndeliverable: the address bounced; confirm a working address first"
							: "emailUnconfirmed: the address is not confirmed; confirm it first");
				}
				String messageId = row.state() == Notices.State.IN_DOUBT ? row.messageId()
						: MessageIds.renewal(row.certificateSerial(), row.stage(), settings.senderDomain());
				if (!Notices.requeue(c, noticeId, box.email(), box.language(), messageId, "re-send asked by " + staff.account(), now)) {
					throw new ServiceException(Reason.CONCURRENT_CHANGE, "the notice changed meanwhile: read it again");
				}
				AuditRecords.append(c, staff, "NOTICE_RESENT", "notice:" + noticeId, row.state(),
						"certificate:" + row.certificateSerial() + " stage " + row.stage() + " to " + box.email(), now);
				return null;
			});
		} catch (ServiceException e) {
			// every attempt on the record, one not permitted too (an account with no role is still an account)
			db.inTransaction((Connection c) -> AuditRecords.append(c, staff, "NOTICE_RESEND_REFUSED", "notice:" + noticeId, null,
					e.reason() + ": " + e.getMessage(), now));
			throw e;
		}
	}
}
