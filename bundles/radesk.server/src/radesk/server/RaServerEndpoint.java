package radesk.server;

/** The running RA server: where it listens (port 0 in the configuration picks a free one). */
public interface RaServerEndpoint {

	String host();

	int port();
}
