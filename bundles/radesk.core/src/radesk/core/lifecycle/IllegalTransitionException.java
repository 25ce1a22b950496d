package radesk.core.lifecycle;

/** A record was asked to do what its state does not allow; nothing was changed. */
public final class IllegalTransitionException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String subject;
	private final transient Enum<?> from;
	private final transient Enum<?> event;

	public IllegalTransitionException(String subject, Enum<?> from, Enum<?> event) {
		super(subject + " in state " + from + " cannot " + event);
		this.subject = subject;
		this.from = from;
		this.event = event;
	}

	public String subject() {
		return subject;
	}

	public Enum<?> from() {
		return from;
	}

	public Enum<?> event() {
		return event;
	}
}
