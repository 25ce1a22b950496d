package radesk.store;

/** The records could not be read or written; the transaction was rolled back. */
public final class StoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public StoreException(String what, Throwable cause) {
		super(what + ": " + cause.getMessage(), cause);
	}
}
