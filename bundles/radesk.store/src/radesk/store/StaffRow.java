package radesk.store;

import radesk.core.access.Role;

/** A member of staff; the password only as its Argon2id hash. */
public record StaffRow(String account, String displayName, Role role, String passwordHash, boolean active,
		int passwordStrikes, boolean suspended, int version) {
}
