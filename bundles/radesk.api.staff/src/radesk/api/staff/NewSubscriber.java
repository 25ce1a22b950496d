package radesk.api.staff;

/**
 * A new subscriber account. {@code password} is the only copy of the website password: print it
 * on the slip, then {@link #forget()} it.
 */
public record NewSubscriber(long subscriberId, String account, char[] password) {

	public void forget() {
		java.util.Arrays.fill(password, '\0');
	}
}
