package radesk.server.internal;

/** A workstation's name as its client says it, with the address its connection came from, for the audit. */
final class LocalAddress {

	private LocalAddress() {
	}

	static String of(String workstation, Call x) {
		String address = x.clientAddress() == null ? "?" : x.clientAddress();
		String at = " @" + (address.length() > 45 ? address.substring(0, 45) : address);
		String name = workstation == null ? "" : workstation;
		return (name.length() + at.length() > 64 ? name.substring(0, Math.max(0, 64 - at.length())) : name) + at;
	}
}
