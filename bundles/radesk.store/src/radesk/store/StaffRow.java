package radesk.store;

import radesk.core.access.Role;

/** A member of staff; the password only as its Argon2id hash. */
public record StaffRow(String account, String displayName, Role role, String passwordHash, boolean active,
		int passwordStrikes, boolean suspended, int version, java.util.Set<Role> extraRoles) {

	/** Every role this person may sign in with, the main one first. */
	public java.util.Set<Role> roles() {
		java.util.Set<Role> all = java.util.EnumSet.of(role);
		all.addAll(extraRoles);
		return all;
	}
}
