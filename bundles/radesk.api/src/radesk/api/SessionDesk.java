package radesk.api;

import java.time.Duration;
import java.util.Optional;

import radesk.core.access.Actor;

/**
 * The RA server's sessions: a random bearer token per log-in, a row of the RA's records (only its
 * SHA-256 kept), so every server of one RA knows it and a restart logs nobody out. A session ends
 * after {@link Kind#idle} without use, at its {@link Kind#lifetime} whatever its use, at a
 * log-out (which no racing request undoes), and at once when the person's password is reset, the
 * account suspended, a role changed, or the certificate a card session was opened with revoked.
 */
public interface SessionDesk {

	/** Whose session: the two listeners keep theirs apart (a subscriber's token never works for staff). */
	enum Kind {
		SUBSCRIBER(Duration.ofMinutes(30), Duration.ofHours(4)),
		/** A working day at the counter. */
		STAFF(Duration.ofMinutes(30), Duration.ofHours(10));

		private final Duration idle;
		private final Duration lifetime;

		Kind(Duration idle, Duration lifetime) {
			this.idle = idle;
			this.lifetime = lifetime;
		}

		public Duration idle() {
			return idle;
		}

		public Duration lifetime() {
			return lifetime;
		}
	}

	/**
	 * Opens a session for {@code actor} from {@code clientAddress}; {@code certificate}: the
	 * 憑證識別碼 a card log-in was made with (its revocation ends the session), else null. The token,
	 * once: it is not kept. Refused (TOO_MANY_REQUESTS) when that address holds too many sessions.
	 */
	String open(Kind kind, Actor actor, String clientAddress, String certificate) throws ServiceException;

	/** Who holds the session of {@code token}, if it is open; its use is noted. */
	Optional<Actor> find(Kind kind, String token) throws ServiceException;

	/** 登出: the session ends, audited. */
	void close(Kind kind, String token) throws ServiceException;

	/** A password changed by its owner: every other session of that person ends (the one in use stays). */
	void endOthers(Kind kind, String token) throws ServiceException;

	/**
	 * A 驗證碼 shown to {@code clientAddress}: its id and the hash of its answer, good for one attempt
	 * within five minutes. Refused (TOO_MANY_REQUESTS) when that address holds too many open ones.
	 */
	void keepCaptcha(String id, String answerHash, String clientAddress) throws ServiceException;

	/** Whether {@code answerHash} is the captcha's, in time; the captcha is used up either way. */
	boolean solveCaptcha(String id, String answerHash) throws ServiceException;

	/**
	 * Removes what has expired — sessions idle or past their end, captchas and card challenges past
	 * their time — in one go (each is also swept whenever a new one is made); how many. The RA
	 * server runs it every hour; audited when it removed anything.
	 */
	int purgeExpired(Actor by) throws ServiceException;
}
