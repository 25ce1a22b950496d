package radesk.core.access;

/** Who is asking: an account, its role, and the workstation it works at. */
public record Actor(String account, Role role, String workstation) {

	public Actor {
		if (account == null || account.isBlank()) {
			throw new IllegalArgumentException("an actor needs an account");
		}
		if (role == null) {
			throw new IllegalArgumentException("an actor needs a role");
		}
		workstation = workstation == null || workstation.isBlank() ? "unknown" : workstation.strip();
	}

	/** Throws unless this actor's role may do it. */
	public void require(Permission permission) throws NotPermittedException {
		if (!role.may(permission)) {
			throw new NotPermittedException(this, permission);
		}
	}
}
