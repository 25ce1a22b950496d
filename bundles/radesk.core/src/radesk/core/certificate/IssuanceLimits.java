package radesk.core.certificate;

import java.time.Duration;
import java.time.Instant;

/**
 * How many certificates the RA hands out: a card holds one valid subscriber certificate at a
 * time (renewal, 憑證展期, is the way to the next one), and a subscriber is issued at most
 * {@link #PER_SUBSCRIBER} within {@link #WINDOW}, whatever the cards (a revoked certificate's
 * replacement fits; a loop of applications does not).
 */
public final class IssuanceLimits {

	public static final int PER_SUBSCRIBER = 3;
	public static final Duration WINDOW = Duration.ofDays(1);

	private IssuanceLimits() {
	}

	/** Whether a certificate in {@code state} until {@code notAfter} still counts as the card's valid one at {@code now}. */
	public static boolean holdsTheCard(CertificateState state, Instant notAfter, Instant now) {
		return (state == CertificateState.ISSUED_NOT_ON_CARD || state == CertificateState.ON_CARD) && now.isBefore(notAfter);
	}

	/** Whether one more certificate may be issued to a subscriber issued {@code recently} within the window. */
	public static boolean allowsAnother(int recently) {
		return recently < PER_SUBSCRIBER;
	}
}
