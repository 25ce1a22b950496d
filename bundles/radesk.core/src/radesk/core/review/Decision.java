package radesk.core.review;

import java.util.Optional;

/**
 * An officer's decision on a request. A rejection must say why (the subscriber is told), in at
 * most {@value #MAX_REASON} characters.
 */
public record Decision(boolean approved, Optional<String> reason) {

	public static final int MAX_REASON = 500;

	public Decision {
		reason = reason.map(String::strip);
		if (!approved && reason.map(String::isEmpty).orElse(true)) {
			throw new IllegalArgumentException("a rejection needs a reason");
		}
		if (reason.map(r -> r.codePointCount(0, r.length()) > MAX_REASON).orElse(false)) {
			throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
		}
	}

	public static Decision approve() {
		return new Decision(true, Optional.empty());
	}

	public static Decision reject(String reason) {
		return new Decision(false, Optional.ofNullable(reason));
	}
}
