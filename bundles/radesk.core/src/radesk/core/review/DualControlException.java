package radesk.core.review;

/** The same person tried to submit and approve one request. */
public final class DualControlException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String account;

	public DualControlException(String account) {
		super(account + " submitted this request and so cannot decide it");
		this.account = account;
	}

	public String account() {
		return account;
	}
}
