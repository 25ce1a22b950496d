package radesk.core.renewal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a certificate may be renewed (憑證展期): from one calendar month before its notAfter until
 * notAfter, counted in Taiwan's time (a certificate ending 31 March opens on 28 or 29 February).
 * After expiry only a new registration is possible.
 */
public final class RenewalWindow {

	public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	public enum Phase {
		TOO_EARLY, OPEN, EXPIRED
	}

	private final Instant opens;
	private final Instant notAfter;

	private RenewalWindow(Instant opens, Instant notAfter) {
		this.opens = opens;
		this.notAfter = notAfter;
	}

	public static RenewalWindow forCertificateEnding(Instant notAfter) {
		ZonedDateTime end = notAfter.atZone(TAIPEI);
		return new RenewalWindow(end.minusMonths(1).toInstant(), notAfter);
	}

	/** notAfter is the last valid instant (RFC 5280: inclusive), so renewal is open at it too. */
	public Phase phaseAt(Instant now) {
		if (now.isBefore(opens)) {
			return Phase.TOO_EARLY;
		}
		return now.isAfter(notAfter) ? Phase.EXPIRED : Phase.OPEN;
	}

	public Instant opens() {
		return opens;
	}

	public Instant closes() {
		return notAfter;
	}
}
