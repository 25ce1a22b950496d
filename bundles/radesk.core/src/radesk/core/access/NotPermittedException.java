package radesk.core.access;

/** The caller's role may not do what was asked; nothing was done. */
public final class NotPermittedException extends Exception {

	private static final long serialVersionUID = 1L;

	private final Role role;
	private final Permission permission;

	public NotPermittedException(Actor actor, Permission permission) {
		super(actor.account() + " (" + actor.role() + ") may not " + permission);
		this.role = actor.role();
		this.permission = permission;
	}

	public Role role() {
		return role;
	}

	public Permission permission() {
		return permission;
	}
}
