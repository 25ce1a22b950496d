package radesk.store;

/** A registered subscriber; the password only as its Argon2id hash. */
public record SubscriberRow(long id, String account, String nationalId, String name, String email, String raUnit,
		String pseudonym, String passwordHash, int passwordStrikes, boolean suspended, long requestId, int version) {
}
