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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.GroupCommit;
import radesk.store.Leases;
import radesk.store.Notices;

/**
 * The 憑證展期通知 job: finds the certificates whose reminder stage has come and queues one notice
 * per certificate and stage (a row, made once: the table's key holds it across restarts and
 * servers), then sends the queued ones — exactly once:
 * <ol>
 * <li>QUEUED → SENDING is committed before the SMTP transaction starts;</li>
 * <li>just before DATA's final dot ({@link Mailer}), the only moment after which the server may hold
 * the message, the dot is recorded durably: on the embedded database in the {@link FinalDots} file
 * beside it (H2's commit was seen to be lost at kill -9), on a shared database as SENDING → IN_DOUBT,
 * committed;</li>
 * <li>→ SENT after the server's 250.</li>
 * </ol>
 * A runner killed in SENDING before the dot never wrote it: the next run queues it again, and the
 * server threw away the half message (same Message-ID; nothing was delivered). A notice whose dot
 * was recorded may have been accepted without the 250 being recorded: the next run sets it IN_DOUBT,
 * it is not sent again by itself — no second copy — and shows at the counter, which may re-send it.
 * One runner among the RA's servers at a time: a lease row ({@code notices}); runs of one runner one
 * after the other; each run first tidies what an earlier one left in SENDING.
 */
public final class Outbox {

	public static final String LEASE = "notices";
	/** Tries before a notice is given up as FAILED (with the waits: about a day and a half). */
	static final int MAX_ATTEMPTS = 8;
	private static final int PAGE = 500;
	/** What a run counts, by index. */
	static final int QUEUED = 0, SENT = 1, RETRIED = 2, BOUNCED = 3, FAILED = 4, IN_DOUBT = 5, CANCELLED = 6, UNCONFIRMED = 7;

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
	/** The embedded database's final-dot file; null for a shared database. */
	private final FinalDots dots;

	public Outbox(Database db, Path data, MessageSigner signer, String holder, Clock clock, Duration leaseFor) {
		this.db = db;
		this.data = data;
		this.signer = signer;
		this.holder = holder;
		this.clock = clock;
		this.leaseFor = leaseFor;
		this.job = new Actor("(notices)", Role.ADMINISTRATOR, "notice job " + holder);
		this.dots = db.embedded() ? new FinalDots(data.resolve("notices").resolve("final-dots")) : null;
	}

	/** One run: the lease, the queue filled, the ready notices sent. */
	public synchronized Report run() throws Exception {
		Optional<MailSettings> settings = MailSettings.load(data);
		if (settings.isEmpty()) {
			return new Report(false, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		Instant now = clock.instant();
		Leases.Outcome lease = db.inTransaction((Connection c) -> Leases.take(c, LEASE, holder, now, now.plus(leaseFor)));
		if (lease == Leases.Outcome.HELD_ELSEWHERE) {
			return new Report(false, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		AtomicIntegerArray counts = new AtomicIntegerArray(8);
		// whoever ran before (another runner whose lease lapsed, or an earlier run of this one) left
		// nothing on its way: no sender of theirs is left
		tidy(counts);
		fill(settings.get(), now, counts);
		send(settings.get(), counts);
		return new Report(true, counts.get(QUEUED), counts.get(SENT), counts.get(RETRIED), counts.get(BOUNCED), counts.get(FAILED),
				counts.get(IN_DOUBT), counts.get(CANCELLED), counts.get(UNCONFIRMED));
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

	private void fill(MailSettings settings, Instant now, AtomicIntegerArray counts) throws Exception {
		Notices.Due after = null;
		while (true) {
			Notices.Due from = after;
			List<Notices.Due> page = db.inTransaction((Connection c) -> Notices.due(c, now, horizon(now, settings.stages()), from, PAGE));
			// one transaction a page: each row is made once (its key), so a page cut short is made again by the next run
			counts.addAndGet(QUEUED, db.inTransaction((Connection c) -> {
				int queued = 0;
				for (Notices.Due d : page) {
					OptionalInt stage = settings.stages().reached(d.notAfter(), now);
					if (stage.isEmpty()) {
						continue;
					}
					if (!d.verified() || d.undeliverable() != null) {
						counts.incrementAndGet(UNCONFIRMED);
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
			}));
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1);
		}
	}

	/**
	 * Sends the ready notices a page at a time, over {@code settings.connections()} SMTP connections
	 * at once (composing and signing on as many threads): the lease renewed, the page claimed in one
	 * transaction, each notice sent by one thread; a page is done before the next is read.
	 */
	private void send(MailSettings settings, AtomicIntegerArray counts) throws Exception {
		GroupCommit group = new GroupCommit(db, "notice writer", 4 * settings.connections() + 16);
		NoticeSender sender = new NoticeSender(group, dots, settings, signer, clock, job, counts);
		int width = settings.connections();
		BlockingQueue<Mailer> mailers = new ArrayBlockingQueue<>(width);
		ExecutorService threads = Executors.newFixedThreadPool(width, work -> {
			Thread t = new Thread(work, "notice sender");
			t.setDaemon(true);
			return t;
		});
		boolean failed = true;
		try {
			for (int i = 0; i < width; i++) {
				mailers.add(new Mailer(settings));
			}
			while (true) {
				Instant now = clock.instant();
				// the lease renewed by the writer too: while the job sends, nothing else of it writes
				boolean held = group.write((Connection c) -> Leases.take(c, LEASE, holder, now, now.plus(leaseFor))
						!= Leases.Outcome.HELD_ELSEWHERE);
				List<Notices.Row> ready = held ? db.read((Connection c) -> Notices.ready(c, now, PAGE)) : List.of();
				if (ready.isEmpty()) {
					group.flush();
					if (sender.lost() != null) {
						throw sender.lost();
					}
					failed = false;
					return;
				}
				List<Future<Void>> sending = new ArrayList<>();
				for (NoticeSender.Claimed claimed : sender.claim(ready)) {
					sending.add(threads.submit(() -> {
						Mailer mailer = mailers.take();
						try {
							sender.send(mailer, claimed);
						} finally {
							mailers.add(mailer);
						}
						return null;
					}));
				}
				for (Future<Void> f : sending) {
					try {
						f.get();
					} catch (ExecutionException e) {
						throw e.getCause() instanceof Exception cause ? cause : e;
					}
				}
			}
		} finally {
			threads.shutdownNow();
			threads.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
			mailers.forEach(Mailer::close);
			group.close(); // what the senders recorded, committed
			if (failed) {
				// a page claimed but not all sent (a failure stopped the run): no sender of this run is left
				tidy(counts);
			}
			if (dots != null) {
				dots.close();
			}
		}
	}

	/**
	 * With no sender at work: what is still SENDING and has its final dot recorded is set IN_DOUBT
	 * (audited); the rest of SENDING never had its dot written, so nothing went out — queued again.
	 */
	private void tidy(AtomicIntegerArray counts) throws Exception {
		Instant now = clock.instant();
		String why = "the runner stopped after the final dot, before the server's answer was recorded: not sent again by itself";
		FinalDots.Recovered recovered = db.inTransaction((Connection c) -> {
			FinalDots.Recovered r = dots != null ? dots.recover(c, why) : FinalDots.Recovered.NONE;
			for (Notices.Row row : r.doubted()) {
				AuditRecords.append(c, job, "NOTICE_IN_DOUBT", "notice:" + row.id(), row.state(), why, now);
			}
			Notices.requeueSending(c);
			return r;
		});
		counts.addAndGet(IN_DOUBT, recovered.doubted().size());
		if (dots != null) {
			dots.keepOnly(recovered.keep());
		}
	}
}
