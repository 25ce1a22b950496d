package radesk.notify;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import javax.mail.internet.MimeMessage;

import radesk.core.access.Actor;
import radesk.store.AuditRecords;
import radesk.store.GroupCommit;
import radesk.store.Mailboxes;
import radesk.store.Notices;

/**
 * One notice of the {@link Outbox} on its way, on one of the job's SMTP connections: QUEUED → SENDING
 * (after checking it is still due, to the same confirmed address), composed and S/MIME-signed, the
 * final dot recorded just before it goes out ({@link FinalDots} on the embedded database, else
 * SENDING → IN_DOUBT committed), → SENT at the server's 250; or retried, bounced, failed. Each
 * notice is claimed by one sender (the SENDING move is conditional), so the job's connections never
 * send one twice.
 */
final class NoticeSender {

	/**
	 * The job's writes, from all its connections, go through one writer and are committed in groups
	 * ({@link GroupCommit}): one durable commit for what the connections recorded meanwhile, not one
	 * each. One writer is also what H2's MVStore needs to survive kill -9 cleanly: killed while it
	 * wrote a chunk during commits of several concurrent transactions, it was seen to leave rows
	 * locked by a transaction that no longer exists (the notices benchmark's kill, H2 2.5.252, 8 writers).
	 */
	private final GroupCommit group;
	/** The embedded database's final-dot file; null: the dot is recorded as IN_DOUBT, committed. */
	private final FinalDots dots;
	private final MailSettings settings;
	private final MessageSigner signer;
	private final Clock clock;
	private final Actor job;
	private final AtomicIntegerArray counts;
	private final AtomicReference<Exception> lost = new AtomicReference<>();

	NoticeSender(GroupCommit group, FinalDots dots, MailSettings settings, MessageSigner signer, Clock clock, Actor job,
			AtomicIntegerArray counts) {
		this.group = group;
		this.dots = dots;
		this.settings = settings;
		this.signer = signer;
		this.clock = clock;
		this.job = job;
		this.counts = counts;
	}

	/** The first write that failed after its notice was sent (the notice stays IN_DOUBT: never sent twice). */
	Exception lost() {
		return lost.get();
	}

	/** A notice claimed for sending (SENDING), with what its letter says. */
	record Claimed(Notices.Row row, Notices.Facts facts) {
	}

	/**
	 * Claims a page of ready notices in one transaction: each still due and to the same usable
	 * address moves QUEUED → SENDING (conditionally: a notice another runner took is skipped); the
	 * others are cancelled, audited.
	 */
	List<Claimed> claim(List<Notices.Row> rows) throws Exception {
		Instant now = clock.instant();
		return group.write((Connection c) -> {
			List<Claimed> claimed = new ArrayList<>();
			for (Notices.Row row : rows) {
				Optional<Mailboxes.Mailbox> box = Mailboxes.of(c, row.subscriberId());
				String why = !Notices.stillDue(c, row.certificateSerial(), now) ? "renewed, revoked, suspended or expired"
						: box.isEmpty() || !box.get().usable() ? "address not confirmed or undeliverable"
								: !box.get().email().equalsIgnoreCase(row.recipient()) ? "address changed" : null;
				if (why != null) {
					if (Notices.move(c, row.id(), Notices.State.QUEUED, Notices.State.CANCELLED, why)) {
						AuditRecords.append(c, job, "NOTICE_CANCELLED", "notice:" + row.id(), Notices.State.QUEUED, why, now);
						counts.incrementAndGet(Outbox.CANCELLED);
					}
				} else if (Notices.sending(c, row.id())) {
					Notices.facts(c, row.certificateSerial()).ifPresent(f -> claimed.add(new Claimed(row, f)));
				}
			}
			return claimed;
		});
	}

	/** Sends a claimed notice over {@code mailer}: composed and signed, sent, and settled. */
	void send(Mailer mailer, Claimed claimed) throws Exception {
		Notices.Row row = claimed.row();
		Instant now = clock.instant();
		String subject = "notice:" + row.id();
		radesk.core.Checkpoints.reached("notice.sending");
		Notices.Facts f = claimed.facts();
		MimeMessage message;
		try {
			message = SignedMail.compose(mailer.session(), Templates.renewal(row.language(), f.name(), f.identifier(), f.notAfter(),
					daysLeft(f.notAfter(), now), settings.sender()), settings.sender(), settings.senderName(), row.recipient(),
					row.messageId(), signer);
		} catch (Exception e) {
			settle(row, Notices.State.FAILED, "could not be composed: " + e.getMessage(), null, "NOTICE_FAILED", Outbox.FAILED);
			return;
		}
		// claimed as send number row.sends() + 1 (Notices.sending)
		Mailer.Outcome outcome = mailer.send(message, dots != null ? () -> dots.append(row.id(), row.sends() + 1)
				: () -> group.write((Connection c) -> {
					if (!Notices.move(c, row.id(), Notices.State.SENDING, Notices.State.IN_DOUBT, null)) {
						throw new IllegalStateException("notice " + row.id() + " is no longer being sent by this runner");
					}
					return null;
				}));
		switch (outcome.result()) {
		case SENT -> {
			radesk.core.Checkpoints.reached("notice.accepted");
			// not waited for: the connection goes on with the next notice; killed before this is
			// committed, the notice's dot is on record — IN_DOUBT at the next run, never sent twice
			group.submit((Connection c) -> {
				Notices.sent(c, row.id(), clock.instant());
				AuditRecords.append(c, job, "NOTICE_SENT", subject, dots != null ? Notices.State.SENDING : Notices.State.IN_DOUBT,
						"certificate:" + row.certificateSerial() + " stage " + row.stage() + " to " + row.recipient(), clock.instant());
				return null;
			}).whenComplete((done, failed) -> {
				if (failed == null) {
					counts.incrementAndGet(Outbox.SENT);
				} else {
					lost.compareAndSet(null, failed instanceof Exception e ? e : new IllegalStateException(failed));
				}
			});
		}
		case RETRY -> {
			int attempts = row.attempts() + 1;
			if (attempts >= Outbox.MAX_ATTEMPTS) {
				settle(row, Notices.State.FAILED, outcome.detail(), null, "NOTICE_FAILED", Outbox.FAILED);
			} else {
				Instant next = clock.instant().plus(Duration.ofMinutes(5L << Math.min(attempts - 1, 7)));
				settle(row, Notices.State.QUEUED, outcome.detail(), next, null, Outbox.RETRIED);
			}
		}
		case BOUNCED -> {
			group.write((Connection c) -> {
				Notices.settle(c, row.id(), Notices.State.BOUNCED, outcome.detail(), null);
				Mailboxes.undeliverable(c, row.subscriberId(), outcome.detail());
				AuditRecords.append(c, job, "NOTICE_BOUNCED", subject, Notices.State.SENDING,
						row.recipient() + ": " + outcome.detail(), clock.instant());
				return null;
			});
			counts.incrementAndGet(Outbox.BOUNCED);
		}
		case FAILED -> settle(row, Notices.State.FAILED, outcome.detail(), null, "NOTICE_FAILED", Outbox.FAILED);
		case IN_DOUBT -> {
			String why = "the final dot went out, no answer: not sent again by itself (" + outcome.detail() + ")";
			group.write((Connection c) -> {
				Notices.move(c, row.id(), Notices.State.SENDING, Notices.State.IN_DOUBT, why);
				return AuditRecords.append(c, job, "NOTICE_IN_DOUBT", subject, Notices.State.SENDING, why, clock.instant());
			});
			counts.incrementAndGet(Outbox.IN_DOUBT);
		}
		}
	}

	private void settle(Notices.Row row, Notices.State to, String detail, Instant next, String audited, int counter)
			throws Exception {
		group.write((Connection c) -> {
			Notices.settle(c, row.id(), to, detail, next);
			if (audited != null) {
				AuditRecords.append(c, job, audited, "notice:" + row.id(), Notices.State.SENDING, detail, clock.instant());
			}
			return null;
		});
		counts.incrementAndGet(counter);
	}

	private static int daysLeft(Instant notAfter, Instant now) {
		return (int) Math.max(0, Math.ceil(Duration.between(now, notAfter).toHours() / 24.0));
	}
}
