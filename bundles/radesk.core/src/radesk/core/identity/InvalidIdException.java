package radesk.core.identity;

/** An identifier that failed its format or checksum rule; {@link #defect()} says which. */
public final class InvalidIdException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient Enum<?> defect;

	public InvalidIdException(Enum<?> defect) {
		super(defect.name());
		this.defect = defect;
	}

	public Enum<?> defect() {
		return defect;
	}
}
