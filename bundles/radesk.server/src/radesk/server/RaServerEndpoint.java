package radesk.server;

/** The running RA server: where it listens (port 0 in the configuration picks a free one). */
public interface RaServerEndpoint {

	String host();

	int port();

	/**
	 * The answer of a captcha shown to a client, for tests only: empty unless the server was
	 * started with {@code radesk.server.captcha=disclosed}, which only a loopback server accepts.
	 */
	java.util.Optional<String> disclosedAnswer(String captchaId);
}
