package radesk.api;

/** The card layer could not do what was asked; {@link #reason()} says why in terms a UI can word. */
public final class CardAccessException extends Exception {

	private static final long serialVersionUID = 1L;

	public enum Reason {
		MODULE_NOT_FOUND, MODULE_ERROR, CARD_REMOVED,
		/** A card to personalize already holds a token of someone else's (or of another run). */
		NOT_BLANK,
		/** Wrong PIN; {@link CardAccessException#triesLeft()} says how many remain before the lock. */
		WRONG_PIN,
		/** Locked (鎖卡): only an unlock at the counter with the SO PIN opens it again. */
		PIN_LOCKED,
		/** A new PIN that breaks the PIN rule. */
		BAD_PIN,
		/** The certificate's key is not on this card: only the card that made the request can take it. */
		KEY_NOT_ON_CARD,
		/**
		 * The card has no authentication key (personalized before cards were bound to requests): a
		 * visit to the counter makes one (a PIN unlock), before any certificate is asked for with it.
		 */
		NOT_BOUND
	}

	private final Reason reason;
	private final int triesLeft;

	public CardAccessException(Reason reason, String detail, Throwable cause) {
		this(reason, detail, cause, -1);
	}

	public CardAccessException(Reason reason, String detail, Throwable cause, int triesLeft) {
		super(reason + ": " + detail, cause);
		this.reason = reason;
		this.triesLeft = triesLeft;
	}

	public Reason reason() {
		return reason;
	}

	/** Wrong PINs still allowed before the card locks, or -1 when not a PIN matter. */
	public int triesLeft() {
		return triesLeft;
	}
}
