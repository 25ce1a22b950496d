package radesk.api;

/** Which RA service this workstation talks to, for the status line. */
public interface RaConnection {

	enum Mode {
		/** In this process, on the embedded database and CA. */
		EMBEDDED,
		/** A radesk-server over HTTPS. */
		REMOTE
	}

	Mode mode();

	/** The database file (embedded) or the server address (remote). */
	String location();
}
