package radesk.server.internal;

/** A request the API refuses: the HTTP status and a stable error code clients can word. */
final class ApiException extends Exception {

	private static final long serialVersionUID = 1L;

	final int status;
	final String code;
	final int triesLeft;
	/** For the counter workstation's calls: the service's words, the card's reason, a form's problems. */
	String detail;
	String card;
	com.fasterxml.jackson.databind.JsonNode problems;

	ApiException(int status, String code, String detail) {
		this(status, code, detail, -1);
	}

	ApiException(int status, String code, String detail, int triesLeft) {
		super(detail);
		this.status = status;
		this.code = code;
		this.triesLeft = triesLeft;
	}
}
