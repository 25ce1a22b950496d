package radesk.core.account;

/**
 * Consecutive wrong secrets: three suspend a website account, three lock a card (鎖卡). A right
 * secret clears the count, but never undoes a lock: only the counter can (a reset request, or a
 * PIN unlock with the SO PIN).
 */
public record Strikes(int failures) {

	public static final int LIMIT = 3;

	public Strikes {
		if (failures < 0 || failures > LIMIT) {
			throw new IllegalArgumentException("failures must be 0.." + LIMIT + ": " + failures);
		}
	}

	public static Strikes none() {
		return new Strikes(0);
	}

	public boolean locked() {
		return failures >= LIMIT;
	}

	public int remaining() {
		return LIMIT - failures;
	}

	/** True when the next wrong secret locks: the moment to warn the person. */
	public boolean lastTry() {
		return remaining() == 1;
	}

	public Strikes afterFailure() {
		return locked() ? this : new Strikes(failures + 1);
	}

	public Strikes afterSuccess() {
		return locked() ? this : none();
	}
}
