package radesk.store;

/**
 * Another workstation changed the record since it was read (optimistic locking): nothing was
 * written; read it again and decide again.
 */
public final class ConcurrentChangeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ConcurrentChangeException(String what) {
		super(what + " was changed by someone else in the meantime");
	}
}
