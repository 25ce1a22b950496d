package radesk.api.staff;

/** A personalized card; {@code pin} is the only copy of its user PIN: print it, then forget it. */
public record NewCard(String serial, char[] pin) {

	public void forget() {
		java.util.Arrays.fill(pin, '\0');
	}
}
