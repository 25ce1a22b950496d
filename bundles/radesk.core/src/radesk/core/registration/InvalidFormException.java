package radesk.core.registration;

import java.util.List;

/** A form the rules refused; nothing of it was stored. */
public final class InvalidFormException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldProblem> problems;

	public InvalidFormException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
