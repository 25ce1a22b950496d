package radesk.pki;

/** A refused certificate request; {@link #problem()} says why. Nothing was issued. */
public final class CsrException extends Exception {

	private static final long serialVersionUID = 1L;

	private final CsrProblem problem;

	public CsrException(CsrProblem problem, String detail) {
		this(problem, detail, null);
	}

	public CsrException(CsrProblem problem, String detail, Throwable cause) {
		super(problem + ": " + detail, cause);
		this.problem = problem;
	}

	public CsrProblem problem() {
		return problem;
	}
}
