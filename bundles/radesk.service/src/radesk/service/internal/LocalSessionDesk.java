package radesk.service.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.SessionDesk;
import radesk.core.access.Actor;
import radesk.store.AuditRecords;
import radesk.store.CaptchaRecords;
import radesk.store.Database;
import radesk.store.SessionRecords;

/**
 * Sessions as rows of the RA's records, found by the SHA-256 of their token. A use is written at
 * most once a minute (the idle limit counts in minutes), so a busy session costs no write per call.
 */
@Component(service = SessionDesk.class)
public final class LocalSessionDesk implements SessionDesk {

	/** Sessions one client address may hold at once (many subscribers behind one proxy fit). */
	static final int PER_ADDRESS = 5_000;
	/** Sessions one person may hold at once: a new log-in ends the oldest beyond these. */
	static final int PER_PERSON = 10;
	private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
	static final Duration CAPTCHA_LIFE = Duration.ofMinutes(5);
	/** Captchas one address may hold open at once (5 minutes each; an office or a proxy of many subscribers fits). */
	static final int CAPTCHAS_PER_ADDRESS = 10_000;

	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalSessionDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public String open(Kind kind, Actor actor, String clientAddress, String certificate) throws ServiceException {
		byte[] bytes = new byte[32];
		ra.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = ra.clock.instant();
		String address = clientAddress == null ? "" : clientAddress;
		ra.sweeps.due(db, "sessions " + kind, c -> SessionRecords.sweep(c, now.minus(kind.idle()), now));
		db.inTransaction((Connection c) -> {
			if (SessionRecords.fromAddress(c, address, now.minus(kind.idle()), now) >= PER_ADDRESS) {
				throw new ServiceException(Reason.TOO_MANY_REQUESTS, "too many sessions from " + address);
			}
			SessionRecords.insert(c, hash(token), kind.name(), actor, address, certificate, now, now.plus(kind.lifetime()));
			SessionRecords.keepNewest(c, kind.name(), actor.account(), PER_PERSON);
			return null;
		});
		return token;
	}

	@Override
	public Optional<Actor> find(Kind kind, String token) throws ServiceException {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		String key = hash(token);
		Instant now = ra.clock.instant();
		return db.inTransaction((Connection c) -> {
			Optional<SessionRecords.Row> row = SessionRecords.find(c, key, kind.name());
			if (row.isEmpty()) {
				return Optional.<Actor>empty();
			}
			SessionRecords.Row s = row.get();
			if (!now.isBefore(s.endsAt()) || s.lastUse().plus(kind.idle()).isBefore(now)) {
				SessionRecords.delete(c, key);
				return Optional.<Actor>empty();
			}
			// a log-out racing this request deleted the row first: then the session is gone, not revived
			if (s.lastUse().plus(TOUCH_EVERY).isBefore(now) && !SessionRecords.touch(c, key, now)) {
				return Optional.<Actor>empty();
			}
			return Optional.of(s.actor());
		});
	}

	@Override
	public void close(Kind kind, String token) throws ServiceException {
		Optional<Actor> who = find(kind, token);
		if (who.isEmpty()) {
			return;
		}
		Instant now = ra.clock.instant();
		db.inTransaction((Connection c) -> {
			if (SessionRecords.delete(c, hash(token))) {
				AuditRecords.append(c, who.get(), kind == Kind.STAFF ? "SIGN_OUT" : "LOG_OUT",
						(kind == Kind.STAFF ? "staff:" : "subscriber:") + who.get().account(), null, null, now);
			}
			return null;
		});
	}

	@Override
	public void endOthers(Kind kind, String token) throws ServiceException {
		Optional<Actor> who = find(kind, token);
		if (who.isPresent()) {
			db.inTransaction((Connection c) -> SessionRecords.endAll(c, kind.name(), who.get().account(), hash(token)));
		}
	}

	@Override
	public void keepCaptcha(String id, String answerHash, String clientAddress) throws ServiceException {
		Instant now = ra.clock.instant();
		String address = clientAddress == null ? "" : clientAddress;
		ra.sweeps.due(db, "captchas", c -> CaptchaRecords.sweep(c, now));
		db.inTransaction((Connection c) -> {
			if (CaptchaRecords.fromAddress(c, address, now) >= CAPTCHAS_PER_ADDRESS) {
				throw new ServiceException(Reason.TOO_MANY_REQUESTS, "too many open captchas from " + address);
			}
			CaptchaRecords.insert(c, id, answerHash, address, now.plus(CAPTCHA_LIFE));
			return null;
		});
	}

	@Override
	public boolean solveCaptcha(String id, String answerHash) throws ServiceException {
		if (id == null || id.length() > 32 || answerHash == null) {
			return false;
		}
		Instant now = ra.clock.instant();
		return db.inTransaction((Connection c) -> CaptchaRecords.solve(c, id, answerHash, now));
	}

	private static String hash(String token) {
		return radesk.core.Sha256.hex(token);
	}

	@Override
	public int purgeExpired(Actor by) throws ServiceException {
		Instant now = ra.clock.instant();
		return db.inTransaction((Connection c) -> {
			Duration idle = Kind.SUBSCRIBER.idle().compareTo(Kind.STAFF.idle()) < 0 ? Kind.SUBSCRIBER.idle() : Kind.STAFF.idle();
			int sessions = SessionRecords.sweep(c, now.minus(idle), now);
			int captchas = CaptchaRecords.sweep(c, now);
			int challenges = radesk.store.Challenges.sweep(c, now);
			int all = sessions + captchas + challenges;
			if (all > 0) {
				AuditRecords.append(c, by, "EXPIRED_PURGED", "sessions", null,
						sessions + " sessions, " + captchas + " captchas, " + challenges + " card challenges", now);
			}
			return all;
		});
	}
}
