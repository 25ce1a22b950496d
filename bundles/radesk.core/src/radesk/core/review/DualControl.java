package radesk.core.review;

/**
 * The person who submitted a request (a review, revocation, reset or PIN unlock) cannot also
 * approve it. Staff are compared by their account, not their display name.
 */
public final class DualControl {

	private DualControl() {
	}

	public static void check(String submittedBy, String decidedBy) throws DualControlException {
		if (submittedBy == null || decidedBy == null || submittedBy.isBlank() || decidedBy.isBlank()) {
			throw new IllegalArgumentException("both people must be known");
		}
		if (submittedBy.strip().equalsIgnoreCase(decidedBy.strip())) {
			throw new DualControlException(decidedBy.strip());
		}
	}
}
