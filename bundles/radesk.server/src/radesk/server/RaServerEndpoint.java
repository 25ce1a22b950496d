package radesk.server;

/** The running RA server: where it listens (port 0 in the configuration picks a free one). */
public interface RaServerEndpoint {

	String host();

	/** Subscribers' listener (the subscriber API). */
	int port();

	/** Staff's listener (connected counter workstations), which an operator binds to the RA's internal network. */
	int staffPort();

	/** Relying parties' plain-HTTP listener: the CRL, the CA certificates and OCSP, at the public base URL's paths. */
	int publishPort();

	/**
	 * The answer of a captcha shown to a client, for tests only: empty unless the server was
	 * started with {@code radesk.server.captcha=disclosed}, which only a loopback server accepts.
	 */
	java.util.Optional<String> disclosedAnswer(String captchaId);
}
