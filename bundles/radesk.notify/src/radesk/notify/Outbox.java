package radesk.notify;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import javax.mail.internet.MimeMessage;

import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.Leases;
import radesk.store.Mailboxes;
import radesk.store.Notices;

/**
 * The 憑證展期通知 job: finds the certificates whose reminder stage has come and queues one notice
 * per certificate and stage (a row, made once: the table's key holds it across restarts and
 * servers), then sends the queued ones — exactly once:
 * <ol>
 * <li>QUEUED → SENDING is committed before the SMTP transaction starts;</li>
 * <li>SENDING → IN_DOUBT is committed just before DATA's final dot ({@link Mailer}), the only moment
 * after which the server may hold the message;</li>
 * <li>IN_DOUBT → SENT after the server's 250.</li>
 * </ol>
 * A runner killed in SENDING never wrote the dot: the next runner queues it again, and the server
 * threw away the half message (same Message-ID; nothing was delivered). A runner killed in
 * IN_DOUBT may have been too late to record the 250: that notice is not sent again by itself — no
 * second copy — and shows at the counter, which may re-send it. One runner among the RA's servers
 * at a time: a lease row ({@code notices}); a runner taking over a lapsed lease tidies what the
 * previous one left in SENDING.
 */
public final class Outbox {

	public static final String LEASE = "notices";
	/** Tries before a notice is given up as FAILED (with the waits: about a day and a half). */
	static final int MAX_ATTEMPTS = 8;
	private static final int PAGE = 500;

	/** What a run did. {@code ran} is false when another runner holds the lease (or notices are not set up). */
	public record Report(boolean ran, int queued, int sent, int retried, int bounced, int failed, int inDoubt, int cancelled,
			int unconfirmed) {
	}

	/** One notice the dry run says is due: queued by the next run, or waiting to be sent. */
	public record DueItem(String certificateSerial, String identifier, Instant notAfter, int stage, String recipient,
			String language, String what) {
	}

	private final Database db;
	private final Path data;
	private final MessageSigner signer;
	private final String holder;
	private final Clock clock;
	private final Duration leaseFor;
	private final Actor job;

	public Outbox(Database db, Path data, MessageSigner signer, String holder, Clock clock, Duration leaseFor) {
		this.db = db;
		this.data = data;
		this.signer = signer;
		this.holder = holder;
		this.clock = clock;
		this.leaseFor = leaseFor;
		this.job = new Actor("(notices)", Role.ADMINISTRATOR, "notice job " + holder);
	}

	/** One run: the lease, the queue filled, the ready notices sent. */
	public Report run() throws Exception {
		Optional<MailSettings> settings = MailSettings.load(data);
		if (settings.isEmpty()) {
			return new Report(false, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		Instant now = clock.instant();
		Leases.Outcome lease = db.inTransaction((Connection c) -> Leases.take(c, LEASE, holder, now, now.plus(leaseFor)));
		if (lease == Leases.Outcome.HELD_ELSEWHERE) {
			return new Report(false, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		if (lease == Leases.Outcome.TAKEN) {
			// whoever ran before us died (or stopped) in SENDING: no dot was written, so nothing went out
			db.inTransaction((Connection c) -> Notices.requeueSending(c));
		}
		int[] counts = new int[8];
		fill(settings.get(), now, counts);
		Mailer mailer = new Mailer(settings.get());
		try {
			send(settings.get(), mailer, counts);
		} finally {
			mailer.close();
		}
		return new Report(true, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
	}

	/** Lets the lease go (a clean stop), so the next runner need not wait for it to lapse. */
	public void release() throws Exception {
		db.inTransaction((Connection c) -> {
			Leases.release(c, LEASE, holder);
			return null;
		});
	}

	/** What is due, without queueing or sending anything. */
	public List<DueItem> dryRun() throws Exception {
		Optional<MailSettings> settings = MailSettings.load(data);
		List<DueItem> due = new ArrayList<>();
		Instant now = clock.instant();
		radesk.core.renewal.NoticeStages stages = settings.map(MailSettings::stages).orElse(radesk.core.renewal.NoticeStages.DEFAULT);
		Notices.Due after = null;
		while (true) {
			Notices.Due from = after;
			List<Notices.Due> page = db.inTransaction((Connection c) -> Notices.due(c, now, horizon(now, stages), from, PAGE));
			for (Notices.Due d : page) {
				OptionalInt stage = stages.reached(d.notAfter(), now);
				if (stage.isPresent() && !db.inTransaction((Connection c) -> Notices.exists(c, d.certificateSerial(), stage.getAsInt()))) {
					due.add(new DueItem(d.certificateSerial(), d.identifier(), d.notAfter(), stage.getAsInt(), d.email(),
							Templates.language(d.language()), !d.verified() ? "address not confirmed: not sent"
									: d.undeliverable() != null ? "address undeliverable: not sent" : "to queue"));
				}
			}
			if (page.size() < PAGE) {
				break;
			}
			after = page.get(page.size() - 1);
		}
		for (Notices.Row r : db.inTransaction((Connection c) -> Notices.ready(c, now, 10_000))) {
			Optional<Notices.Facts> f = db.inTransaction((Connection c) -> Notices.facts(c, r.certificateSerial()));
			due.add(new DueItem(r.certificateSerial(), f.map(Notices.Facts::identifier).orElse("?"),
					f.map(Notices.Facts::notAfter).orElse(null), r.stage(), r.recipient(), r.language(), "queued: to send"));
		}
		return due;
	}

	private static Instant horizon(Instant now, radesk.core.renewal.NoticeStages stages) {
		return now.plus(Duration.ofDays(stages.first() + 2L));
	}

	private void fill(MailSettings settings, Instant now, int[] counts) throws Exception {
		Notices.Due after = null;
		while (true) {
			Notices.Due from = after;
			List<Notices.Due> page = db.inTransaction((Connection c) -> Notices.due(c, now, horizon(now, settings.stages()), from, PAGE));
			// one transaction a page: each row is made once (its key), so a page cut short is made again by the next run
			counts[0] += db.inTransaction((Connection c) -> {
				int queued = 0;
				for (Notices.Due d : page) {
					OptionalInt stage = settings.stages().reached(d.notAfter(), now);
					if (stage.isEmpty()) {
						continue;
					}
					if (!d.verified() || d.undeliverable() != null) {
						counts[7]++;
						continue;
					}
					if (Notices.exists(c, d.certificateSerial(), stage.getAsInt())) {
						continue;
					}
					// a later stage replaces an earlier one still waiting (retried for days): one reminder, the current one
					Notices.cancelQueued(c, d.certificateSerial(), "stage " + stage.getAsInt() + " reached");
					Notices.queue(c, d.certificateSerial(), stage.getAsInt(), d.subscriberId(), d.email(), Templates.language(d.language()),
							MessageIds.renewal(d.certificateSerial(), stage.getAsInt(), settings.senderDomain()), now);
					queued++;
				}
				return queued;
			});
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1);
		}
	}

	private void send(MailSettings settings, Mailer mailer, int[] counts) throws Exception {
		while (true) {
			Instant now = clock.instant();
			List<Notices.Row> ready = db.inTransaction((Connection c) ->
					Leases.take(c, LEASE, holder, now, now.plus(leaseFor)) == Leases.Outcome.HELD_ELSEWHERE ? List.<Notices.Row>of()
							: Notices.ready(c, now, 100));
			if (ready.isEmpty()) {
				return;
			}
			for (Notices.Row row : ready) {
				sendOne(settings, mailer, row, counts);
			}
		}
	}

	private void sendOne(MailSettings settings, Mailer mailer, Notices.Row row, int[] counts) throws Exception {
		Instant now = clock.instant();
		String subject = "notice:" + row.id();
		Optional<Notices.Facts> facts = db.inTransaction((Connection c) -> {
			Optional<Mailboxes.Mailbox> box = Mailboxes.of(c, row.subscriberId());
			String why = !Notices.stillDue(c, row.certificateSerial(), now) ? "renewed, revoked, suspended or expired"
					: box.isEmpty() || !box.get().usable() ? "address not confirmed or undeliverable"
							: !box.get().email().equalsIgnoreCase(row.recipient()) ? "address changed" : null;
			if (why != null) {
				if (Notices.move(c, row.id(), Notices.State.QUEUED, Notices.State.CANCELLED, why)) {
					AuditRecords.append(c, job, "NOTICE_CANCELLED", subject, Notices.State.QUEUED, why, now);
					counts[6]++;
				}
				return Optional.empty();
			}
			return Notices.sending(c, row.id()) ? Notices.facts(c, row.certificateSerial()) : Optional.<Notices.Facts>empty();
		});
		if (facts.isEmpty()) {
			return;
		}
		radesk.core.Checkpoints.reached("notice.sending");
		Notices.Facts f = facts.get();
		MimeMessage message;
		try {
			message = SignedMail.compose(mailer.session(), Templates.renewal(row.language(), f.name(), f.identifier(), f.notAfter(),
					daysLeft(f.notAfter(), now), settings.sender()), settings.sender(), settings.senderName(), row.recipient(),
					row.messageId(), signer);
		} catch (Exception e) {
			settle(row, Notices.State.FAILED, "could not be composed: " + e.getMessage(), null, "NOTICE_FAILED", counts, 4);
			return;
		}
		Mailer.Outcome outcome = mailer.send(message, () -> db.inTransaction((Connection c) -> {
			if (!Notices.move(c, row.id(), Notices.State.SENDING, Notices.State.IN_DOUBT, null)) {
				throw new IllegalStateException("notice " + row.id() + " is no longer being sent by this runner");
			}
			return null;
		}));
		switch (outcome.result()) {
		case SENT -> {
			radesk.core.Checkpoints.reached("notice.accepted");
			db.inTransaction((Connection c) -> {
				Notices.sent(c, row.id(), clock.instant());
				AuditRecords.append(c, job, "NOTICE_SENT", subject, Notices.State.IN_DOUBT,
						"certificate:" + row.certificateSerial() + " stage " + row.stage() + " to " + row.recipient(), clock.instant());
				return null;
			});
			counts[1]++;
		}
		case RETRY -> {
			int attempts = row.attempts() + 1;
			if (attempts >= MAX_ATTEMPTS) {
				settle(row, Notices.State.FAILED, outcome.detail(), null, "NOTICE_FAILED", counts, 4);
			} else {
				Instant next = clock.instant().plus(Duration.ofMinutes(5L << Math.min(attempts - 1, 7)));
				settle(row, Notices.State.QUEUED, outcome.detail(), next, null, counts, 2);
			}
		}
		case BOUNCED -> {
			db.inTransaction((Connection c) -> {
				Notices.settle(c, row.id(), Notices.State.BOUNCED, outcome.detail(), null);
				Mailboxes.undeliverable(c, row.subscriberId(), outcome.detail());
				AuditRecords.append(c, job, "NOTICE_BOUNCED", subject, Notices.State.SENDING,
						row.recipient() + ": " + outcome.detail(), clock.instant());
				return null;
			});
			counts[3]++;
		}
		case FAILED -> settle(row, Notices.State.FAILED, outcome.detail(), null, "NOTICE_FAILED", counts, 4);
		case IN_DOUBT -> {
			db.inTransaction((Connection c) -> AuditRecords.append(c, job, "NOTICE_IN_DOUBT", subject, Notices.State.SENDING,
					"the final dot went out, no answer: not sent again by itself (" + outcome.detail() + ")", clock.instant()));
			counts[5]++;
		}
		}
	}

	private void settle(Notices.Row row, Notices.State to, String detail, Instant next, String audited, int[] counts, int counter)
			throws Exception {
		db.inTransaction((Connection c) -> {
			Notices.settle(c, row.id(), to, detail, next);
			if (audited != null) {
				AuditRecords.append(c, job, audited, "notice:" + row.id(), Notices.State.SENDING, detail, clock.instant());
			}
			return null;
		});
		counts[counter]++;
	}

	private static int daysLeft(Instant notAfter, Instant now) {
		return (int) Math.max(0, Math.ceil(Duration.between(now, notAfter).toHours() / 24.0));
	}
}
