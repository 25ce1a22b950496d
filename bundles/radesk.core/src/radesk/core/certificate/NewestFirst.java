package radesk.core.certificate;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The one order of a subscriber's certificates: the latest expiry first (the certificate a card log-in
 * chooses, FLOWS 5.3e), then the latest start, then the larger serial, so two certificates issued in the
 * same second are never ordered one way by the RA and the other way by the card.
 */
public final class NewestFirst {

	private NewestFirst() {
	}

	/** The order over any view of a certificate, given how to read its validity and serial. */
	public static <T> Comparator<T> of(Function<T, Instant> notAfter, Function<T, Instant> notBefore,
			Function<T, BigInteger> serial) {
		return Comparator.comparing(notAfter).thenComparing(notBefore).thenComparing(serial).reversed();
	}

	/** The order over certificates as read from a card. */
	public static Comparator<java.security.cert.X509Certificate> certificates() {
		return of(c -> c.getNotAfter().toInstant(), c -> c.getNotBefore().toInstant(),
				java.security.cert.X509Certificate::getSerialNumber);
	}
}
