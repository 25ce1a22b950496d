package radesk.api;

/** The card layer could not do what was asked; {@link #reason()} says why in terms a UI can word. */
public final class CardAccessException extends Exception {

	private static final long serialVersionUID = 1L;

	public enum Reason {
		MODULE_NOT_FOUND, MODULE_ERROR, CARD_REMOVED
	}

	private final Reason reason;

	public CardAccessException(Reason reason, String detail, Throwable cause) {
		super(reason + ": " + detail, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
